import * as administration from '../use-cases/administration.ts';
import { audited, json, printList } from './admin-commands.ts';
import { stringOption, UsageError, type Command, type OptionValues } from './command.ts';

// `org add`, `org update` and `org list`: the same use cases, validation and errors as the admin
// API's organisations (use-cases/administration.ts).

const organisationOptions = {
  'policy-domain': { type: 'string' },
  kind: { type: 'string' },
} as const;

/** `--policy-domain` and `--kind` as the admin API takes them: "" is null (none). */
function profileOptions(values: OptionValues): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  const policyDomain = stringOption(values, 'policy-domain');
  if (policyDomain !== undefined)
    fields.policyDomain = policyDomain.trim() === '' ? null : policyDomain;
  const kind = stringOption(values, 'kind');
  if (kind !== undefined) fields.kind = kind === '' ? null : kind;
  return fields;
}

const orgAdd: Command = {
  name: 'org add',
  args: '<id> <name> [--policy-domain <domain>] [--kind flemish|local]',
  summary: 'add an organisation (a name with spaces may be quoted or not)',
  options: organisationOptions,
  positionals: [2, Infinity],
  fields: { id: '<id>', name: '<name>', policyDomain: '--policy-domain', kind: '--kind' },
  async run({ positionals: [id, ...name], values }, context) {
    const organisation = await administration.addOrganisation(await context.store(), {
      id,
      name: name.join(' '),
      ...profileOptions(values),
    });
    await audited(context, 'organisation.created', `organisation:${organisation.id}`, {
      organisationId: organisation.id,
    });
    context.out(`Added organisation ${organisation.id} (${organisation.name}).`);
  },
};

const orgUpdate: Command = {
  name: 'org update',
  args: '<id> [--name <name>] [--policy-domain <domain>|""] [--kind flemish|local|""]',
  summary: 'change an organisation; "" removes its policy domain or kind',
  options: { name: { type: 'string' }, ...organisationOptions },
  positionals: [1, 1],
  fields: { name: '--name', policyDomain: '--policy-domain', kind: '--kind' },
  async run({ positionals: [id], values }, context) {
    const name = stringOption(values, 'name');
    const changes = { ...(name === undefined ? {} : { name }), ...profileOptions(values) };
    if (Object.keys(changes).length === 0) {
      throw new UsageError('Give at least one change: --name, --policy-domain or --kind.');
    }
    const { organisation, changed } = await administration.updateOrganisation(
      await context.store(),
      id!,
      changes,
    );
    await audited(context, 'organisation.updated', `organisation:${organisation.id}`, {
      organisationId: organisation.id,
      changed,
    });
    context.out(`Updated organisation ${organisation.id}: ${changed.join(', ')}.`);
  },
};

const orgList: Command = {
  name: 'org list',
  args: '[--json]',
  summary: 'list the organisations',
  options: { json },
  positionals: [0, 0],
  async run({ values }, context) {
    printList(context, values, await administration.listOrganisations(await context.store()), {
      none: 'No organisations yet: add one with org add.',
      header: ['ID', 'KIND', 'POLICY DOMAIN', 'NAME'],
      row: (o) => [o.id, o.kind ?? '-', o.policyDomain ?? '-', o.name],
    });
  },
};

export const organisationCommands: Command[] = [orgAdd, orgUpdate, orgList];
