import { createWriteStream } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  AnnualReportQuerySchema,
  ExportQuerySchema,
  ServiceIdSchema,
  type ExportFormat,
  type FieldError,
} from '@vo-feedback/shared';
import type { z } from 'zod';
import { annualReportCsv } from '../domain/annual-report.ts';
import { resolvePeriod, resolveYear } from '../domain/period.ts';
import { annualReportHtml } from '../views/report-html.ts';
import { exportFeedback, exportRefusal } from '../use-cases/exports.ts';
import { annualReport } from '../use-cases/reports.ts';
import { reportFilename } from '../routes/reports/reports.routes.ts';
import { stringOption, UsageError, type Command, type CliContext } from './command.ts';

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

/** A period or year outside the limits: the same rule and words as the API's invalid-period. */
function periodUsage(errors: FieldError[], command: Command): UsageError {
  return new UsageError(
    errors.map((error) => `${error.path}: ${error.message}`).join('\n'),
    command,
  );
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
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
  context.out(`Wrote ${what} to ${path} (${size((await stat(path)).size)}).`);
}

const reportFlags = { year: '--year', organisation: '--org', format: '--format' };

export const annualReportCommand: Command = {
  name: 'report annual',
  args: '[--year <yyyy>] [--org <organisation-id>] [--format html|csv|json] [--out <file>]',
  summary:
    'write the annual feedback report of one organisation (or, without --org, of all) as HTML, CSV or JSON',
  positionals: [0, 0],
  options: {
    year: { type: 'string' },
    org: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
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
    const resolved = resolveYear(query.year, context.now(), reportFlags.year);
    if (!resolved.ok) throw periodUsage(resolved.errors, this);
    const year = resolved.value;
    const organisationId = query.organisation ?? null;
    const outcome = await annualReport(await context.store(), {
      year,
      organisationId,
      now: context.now(),
    });
    if (!outcome.ok) {
      throw new Error(
        outcome.reason === 'unknown-organisation'
          ? `There is no organisation "${organisationId}"; see "vo-feedback org list".`
          : `${year} has not begun; give this year or an earlier one.`,
      );
    }
    const text =
      query.format === 'html'
        ? annualReportHtml(outcome.report)
        : query.format === 'csv'
          ? annualReportCsv(outcome.report)
          : `${JSON.stringify(outcome.report, null, 2)}\n`;
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
  options: {
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
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
    const resolved = resolvePeriod(query, context.now(), exportFlags);
    if (!resolved.ok) throw periodUsage(resolved.errors, this);
    const period = resolved.value;
    const store = await context.store();
    if (!(await store.getService(serviceId))) {
      throw new Error(`There is no service "${serviceId}"; see "vo-feedback service list".`);
    }
    const request = { serviceId, period, format: query.format as ExportFormat };
    const refusal = await exportRefusal(store, request);
    if (refusal) throw new Error(refusal);
    const result = exportFeedback(store, request);
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
