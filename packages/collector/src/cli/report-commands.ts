import { createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  AnnualReportQuerySchema,
  ExportQuerySchema,
  INVALID_PERIOD,
  ServiceIdSchema,
  type ExportFormat,
} from '@vo-feedback/shared';
import type { z } from 'zod';
import { annualReportCsv } from '../domain/annual-report.ts';
import { requirePeriod, requireYear } from '../domain/period.ts';
import { ProblemError } from '../domain/problems.ts';
import { annualReportHtml } from '../views/report-html.ts';
import { exportFeedback } from '../use-cases/exports.ts';
import { annualReport, reportFilename } from '../use-cases/reports.ts';
import { fileSize, stringOption, UsageError, type Command, type CliContext } from './command.ts';

// `report annual` and `export`: the same reports and exports as the HTTP API, written to a file.
// Without --out the file gets the name the API would give it, in the current folder.

function checked<T>(
  result: z.ZodSafeParseResult<T>,
  command: Command,
  flags: Record<string, string>,
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new UsageError(`${flags[field] ?? field}: ${issue.message}`, command);
}

/**
 * A period or year outside the limits — the API's invalid-period, same rule and words — is a
 * usage error: each field error on a line, under the flag's name.
 */
function withinLimits<T>(resolve: () => T, command: Command): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.slug !== INVALID_PERIOD) throw error;
    throw new UsageError(
      (error.errors ?? []).map((field) => `${field.path}: ${field.message}`).join('\n'),
      command,
    );
  }
}

/** Writes through a temporary name, so that a failed run leaves no half-written file. */
async function writeAtomically(path: string, write: (partial: string) => Promise<void>) {
  const partial = `${path}.part`;
  try {
    await write(partial);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function written(context: CliContext, path: string, what: string): Promise<void> {
  context.out(`Wrote ${what} to ${path} (${fileSize((await stat(path)).size)}).`);
}

/** The string options of a command, and --out (-o) for the file it writes. */
function fileOptions(...names: string[]): NonNullable<Command['options']> {
  return {
    ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    out: { type: 'string', short: 'o' },
  };
}

const reportFlags = { year: '--year', organisation: '--org', format: '--format' };

export const annualReportCommand: Command = {
  name: 'report annual',
  args: '[--year <yyyy>] [--org <organisation-id>] [--format html|csv|json] [--out <file>]',
  summary:
    'write the annual feedback report of one organisation (or, without --org, of all) as HTML, CSV or JSON',
  positionals: [0, 0],
  options: fileOptions('year', 'org', 'format'),
  fields: reportFlags,
  async run(input, context) {
    const query = checked(
      AnnualReportQuerySchema.safeParse({
        year: stringOption(input.values, 'year'),
        organisation: stringOption(input.values, 'org'),
        format: stringOption(input.values, 'format') ?? 'html',
      }),
      this,
      reportFlags,
    );
    const year = withinLimits(() => requireYear(query.year, context.now(), reportFlags.year), this);
    const organisationId = query.organisation ?? null;
    const store = await context.store();
    const report = await annualReport(store, {
      year,
      organisationId,
      now: context.now(),
      minimum: context.env.MIN_PUBLIC_N,
      deadline: context.env.REPORT_DEADLINE,
    }).catch((error: unknown) => {
      // The API's 404 and 400, in the words of the command line.
      if (!(error instanceof ProblemError)) throw error;
      throw new Error(
        error.slug === 'unknown-organisation'
          ? `There is no organisation "${organisationId}"; see "vo-feedback org list".`
          : `${year} has not begun; give this year or an earlier one.`,
      );
    });
    const text =
      query.format === 'html'
        ? annualReportHtml(report)
        : query.format === 'csv'
          ? annualReportCsv(report)
          : `${JSON.stringify(report, null, 2)}\n`;
    const path =
      stringOption(input.values, 'out') ?? reportFilename(year, organisationId, query.format);
    await writeAtomically(path, (partial) => writeFile(partial, text));
    await written(context, path, `the annual report ${year}`);
  },
};

const exportFlags = { format: '--format', from: '--from', to: '--to' };

export const exportCommand: Command = {
  name: 'export',
  args: '<service-id> [--format csv|json|xlsx] [--from <yyyy-mm-dd>] [--to <yyyy-mm-dd>] [--out <file>]',
  summary:
    'write every submission of a service in a period, comments included, as CSV, JSON or XLSX',
  positionals: [1, 1],
  options: fileOptions('format', 'from', 'to'),
  fields: exportFlags,
  async run(input, context) {
    const serviceId = checked(ServiceIdSchema.safeParse(input.positionals[0]), this, {
      '': '<service-id>',
    });
    const query = checked(
      ExportQuerySchema.safeParse({
        format: stringOption(input.values, 'format'),
        from: stringOption(input.values, 'from'),
        to: stringOption(input.values, 'to'),
      }),
      this,
      exportFlags,
    );
    const period = withinLimits(() => requirePeriod(query, context.now(), exportFlags), this);
    const store = await context.store();
    if (!(await store.getService(serviceId))) {
      throw new Error(`There is no service "${serviceId}"; see "vo-feedback service list".`);
    }
    // Too many rows for the format: the API's 422, its detail as the message (exit code 1).
    const result = await exportFeedback(store, {
      serviceId,
      period,
      format: query.format as ExportFormat,
    });
    const path = stringOption(input.values, 'out') ?? result.filename;
    await writeAtomically(path, (partial) =>
      pipeline(
        Readable.fromWeb(result.stream as NodeReadableStream<Uint8Array>),
        createWriteStream(partial),
      ),
    );
    await written(context, path, `${serviceId} ${period.from} to ${period.to}`);
  },
};

export const reportCommands: Command[] = [annualReportCommand, exportCommand];
