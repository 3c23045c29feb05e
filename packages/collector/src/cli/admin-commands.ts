import { readFileSync } from 'node:fs';
import * as administration from '../use-cases/administration.ts';
import { auditLog, recordAudit } from '../use-cases/audit.ts';
import {
  booleanOption,
  listOption,
  stringOption,
  table,
  UsageError,
  type Command,
  type CliContext,
  type OptionValues,
} from './command.ts';

// The admin operations of the CLI: the same functions, validation and errors as the admin API
// (use-cases/administration.ts). Results go to stdout, notices to stderr.

export const json = { type: 'boolean', description: 'print JSON instead of a table' } as const;

function printJson(context: CliContext, value: unknown): void {
  context.out(JSON.stringify(value, null, 2));
}

/** A list: its JSON with --json; else a table (`header`, a `row` per item), or `none` if empty. */
export function printList<T>(
  context: CliContext,
  values: OptionValues,
  items: T[],
  { none, header, row }: { none: string; header: string[]; row: (item: T) => string[] },
): void {
  if (values.json) return printJson(context, items);
  if (items.length === 0) return context.notice(none);
  for (const line of table([header, ...items.map(row)])) context.out(line);
}

const dateTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Records an administration done on the command line in the audit, as `cli`. */
export async function audited(
  context: CliContext,
  action: string,
  target: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(
    await context.store(),
    { actor: 'cli', action, target, details },
    context.now(),
  );
}

const serviceFields = {
  id: '<id>',
  name: '--name',
  organisationId: '--org',
  allowedOrigins: '--origin',
  active: '--active',
  publicServiceUri: '--public-service-uri',
  helpUrl: '--help-url',
  reasons: '--reasons-file',
  target: '--target',
};

const serviceOptions = {
  name: { type: 'string' },
  org: { type: 'string' },
  origin: { type: 'string', multiple: true },
  active: { type: 'string' },
  'public-service-uri': { type: 'string' },
  'help-url': { type: 'string' },
  'reasons-file': { type: 'string' },
  target: { type: 'string' },
} as const;

/**
 * `--target 0.8`: the satisfaction the service aims at, a number from 0 to 1 (a decimal comma is
 * read too); "" removes it. The range is checked by the same schema as the admin API.
 */
function targetOption(values: OptionValues): number | null | undefined {
  const text = stringOption(values, 'target');
  if (text === undefined) return undefined;
  if (text.trim() === '') return null;
  const value = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(value)) {
    throw new UsageError(`Give --target as a number from 0 to 1 (e.g. 0.8), or "", not "${text}".`);
  }
  return value;
}

/**
 * The reason list of `--reasons-file`: a JSON file of [{code, labels: {nl, fr, en, de}}]; "" for
 * the default list (null). Checked by the same schema as the admin API.
 */
function reasonsFile(path: string): unknown {
  if (path === '') return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the reasons file "${path}".`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(
      `The reasons file "${path}" is not JSON; give a list of {"code", "labels": {"nl", "fr", "en", "de"}}.`,
    );
  }
}

const serviceAdd: Command = {
  name: 'service add',
  args: '<id> --name <name> --org <organisation> [--origin <origin>]… [--public-service-uri <uri>] [--active true|false] [--target <0–1>]',
  summary: 'add a service; each --origin is a site (https://host[:port]) whose pages may post',
  options: serviceOptions,
  positionals: [1, 1],
  fields: serviceFields,
  async run({ positionals: [id], values }, context) {
    const uri = stringOption(values, 'public-service-uri');
    const target = targetOption(values);
    const service = await administration.addService(await context.store(), {
      id,
      name: stringOption(values, 'name'),
      organisationId: stringOption(values, 'org'),
      allowedOrigins: listOption(values, 'origin') ?? [],
      active: booleanOption(values, 'active') ?? true,
      ...(uri ? { publicServiceUri: uri } : {}),
      ...(target === undefined ? {} : { target }),
    });
    await audited(context, 'service.created', `service:${service.id}`, {
      serviceId: service.id,
      organisationId: service.organisationId,
      allowedOrigins: service.allowedOrigins,
      active: service.active,
    });
    context.out(
      `Added service ${service.id} to ${service.organisationId}` +
        (service.allowedOrigins.length > 0
          ? `; allowed origins: ${service.allowedOrigins.join(', ')}.`
          : '; no allowed origins yet: browsers on other sites cannot post for it.'),
    );
  },
};

const serviceUpdate: Command = {
  name: 'service update',
  args: '<id> [--name <name>] [--org <organisation>] [--origin <origin>]… [--active true|false] [--public-service-uri <uri>|""] [--help-url <https-or-tel>|""] [--reasons-file <file.json>|""] [--target <0–1>|""]',
  summary:
    'change a service; --origin replaces the whole list, "" removes a URI, help URL or target, --reasons-file "" restores the default reasons',
  options: serviceOptions,
  positionals: [1, 1],
  fields: serviceFields,
  async run({ positionals: [id], values }, context) {
    const changes: Record<string, unknown> = {};
    const name = stringOption(values, 'name');
    if (name !== undefined) changes.name = name;
    const org = stringOption(values, 'org');
    if (org !== undefined) changes.organisationId = org;
    const origins = listOption(values, 'origin');
    if (origins !== undefined) changes.allowedOrigins = origins;
    const active = booleanOption(values, 'active');
    if (active !== undefined) changes.active = active;
    const uri = stringOption(values, 'public-service-uri');
    if (uri !== undefined) changes.publicServiceUri = uri === '' ? null : uri;
    const helpUrl = stringOption(values, 'help-url');
    if (helpUrl !== undefined) changes.helpUrl = helpUrl === '' ? null : helpUrl;
    const reasons = stringOption(values, 'reasons-file');
    if (reasons !== undefined) changes.reasons = reasonsFile(reasons);
    const target = targetOption(values);
    if (target !== undefined) changes.target = target;
    if (Object.keys(changes).length === 0) {
      throw new UsageError(
        'Give at least one change: --name, --org, --origin, --active, --public-service-uri, --help-url, --reasons-file or --target.',
      );
    }
    const { service, changed } = await administration.updateService(
      await context.store(),
      id!,
      changes,
    );
    await audited(context, 'service.updated', `service:${service.id}`, {
      serviceId: service.id,
      changed,
    });
    context.out(`Updated service ${service.id}: ${changed.join(', ')}.`);
    if (changed.includes('allowedOrigins') || changed.includes('active')) {
      context.notice('A running collector applies origin changes within 5 seconds.');
    }
  },
};

const serviceList: Command = {
  name: 'service list',
  args: '[--org <organisation>] [--json]',
  summary: 'list the services, all or those of one organisation',
  options: { org: { type: 'string' }, json },
  positionals: [0, 0],
  async run({ values }, context) {
    const store = await context.store();
    printList(
      context,
      values,
      await administration.listServices(store, stringOption(values, 'org')),
      {
        none: 'No services: add one with service add.',
        header: ['ID', 'ORGANISATION', 'STATUS', 'ORIGINS', 'NAME'],
        row: (s) => [
          s.id,
          s.organisationId,
          s.active ? 'active' : 'inactive',
          s.allowedOrigins.join(',') || '-',
          s.name,
        ],
      },
    );
  },
};

const tokenCreate: Command = {
  name: 'token create',
  args: '--label <label> --role provider|steering|ingest [--org <organisation>] [--json]',
  summary:
    'create a token and print it once (provider and ingest: one organisation; steering: none)',
  options: { label: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, json },
  positionals: [0, 0],
  fields: { label: '--label', role: '--role', organisationId: '--org' },
  async run({ values }, context) {
    const org = stringOption(values, 'org');
    const created = await administration.createToken(
      await context.store(),
      {
        label: stringOption(values, 'label'),
        role: stringOption(values, 'role'),
        ...(org === undefined ? {} : { organisationId: org }),
      },
      context.now(),
    );
    await audited(context, 'token.created', `token:${created.id}`, {
      tokenId: created.id,
      role: created.role,
      organisationId: created.organisationId,
    });
    // stdout carries only the token, so that TOKEN=$(vo-feedback token create …) works.
    if (values.json) printJson(context, { id: created.id, token: created.token });
    else context.out(created.token);
    context.notice(
      `Created ${created.role} token ${created.id}` +
        (created.organisationId ? ` for ${created.organisationId}` : '') +
        '. It is shown this once and stored only as a hash: copy it now.',
    );
  },
};

const tokenList: Command = {
  name: 'token list',
  args: '[--json]',
  summary: 'list the tokens (never the tokens themselves)',
  options: { json },
  positionals: [0, 0],
  async run({ values }, context) {
    printList(context, values, await administration.listTokens(await context.store()), {
      none: 'No tokens: create one with token create.',
      header: ['ID', 'ROLE', 'ORGANISATION', 'CREATED (UTC)', 'STATUS', 'LABEL'],
      row: (t) => [
        t.id,
        t.role,
        t.organisationId ?? '-',
        dateTime(t.createdAt),
        t.revokedAt ? `revoked ${dateTime(t.revokedAt)}` : 'active',
        t.label,
      ],
    });
  },
};

const tokenRevoke: Command = {
  name: 'token revoke',
  args: '<id>',
  summary: 'revoke a token: it is refused from its next request on',
  positionals: [1, 1],
  async run({ positionals: [id] }, context) {
    await administration.revokeToken(await context.store(), id!, context.now());
    await audited(context, 'token.revoked', `token:${id}`, { tokenId: id });
    context.out(`Revoked token ${id}.`);
  },
};

const audit: Command = {
  name: 'audit',
  args: '[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  summary:
    'who did what, when, on what: triage, erasures, actions, explanations, hand-ins, admin (never text)',
  options: { from: { type: 'string' }, to: { type: 'string' }, json },
  positionals: [0, 0],
  async run({ values }, context) {
    const log = await auditLog(
      await context.store(),
      { from: stringOption(values, 'from'), to: stringOption(values, 'to') },
      context.now(),
      { from: '--from', to: '--to' },
    );
    if (log.truncated) {
      context.notice('The period holds more entries than these 10,000: give a shorter one.');
    }
    printList(context, values, log.entries, {
      none: `Nothing recorded from ${log.from} to ${log.to}.`,
      header: ['AT (UTC)', 'ACTOR', 'ACTION', 'TARGET', 'DETAILS'],
      row: (e) => [dateTime(e.at), e.actor, e.action, e.target, JSON.stringify(e.details)],
    });
  },
};

export const adminCommands: Command[] = [
  serviceAdd,
  serviceUpdate,
  serviceList,
  tokenCreate,
  tokenList,
  tokenRevoke,
  audit,
];
