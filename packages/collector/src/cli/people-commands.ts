import { listPeople, PLATFORM, registerPerson, removePerson } from '../use-cases/people.ts';
import { audited, json, printList } from './admin-commands.ts';
import { stringOption, type Command } from './command.ts';

// `people add`, `people list` and `people remove`: the people who sign in with OpenID Connect,
// through the same use cases, validation and errors as the admin API (use-cases/people.ts). The
// command line is the platform administrator: every organisation, every role.

const peopleAdd: Command = {
  name: 'people add',
  args: '--email <address> --role provider|manager|steering [--organisation <organisation>] [--json]',
  summary:
    'register a person who signs in with OpenID Connect (provider and manager: one organisation; steering: none)',
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    organisation: { type: 'string' },
    json,
  },
  positionals: [0, 0],
  fields: { email: '--email', role: '--role', organisationId: '--organisation' },
  async run({ values }, context) {
    const organisationId = stringOption(values, 'organisation');
    const person = await registerPerson(
      await context.store(),
      {
        email: stringOption(values, 'email'),
        role: stringOption(values, 'role'),
        ...(organisationId === undefined ? {} : { organisationId }),
      },
      PLATFORM,
      { actor: 'cli', now: context.now() },
    );
    await audited(context, 'person.registered', `person:${person.id}`, {
      personId: person.id,
      role: person.role,
    });
    if (values.json) context.out(JSON.stringify(person, null, 2));
    else {
      context.out(
        `Registered ${person.role} ${person.email}` +
          (person.organisationId ? ` of ${person.organisationId}` : '') +
          ` as ${person.id}.`,
      );
      context.notice('The first sign-in with this verified e-mail address binds the account.');
    }
  },
};

const peopleList: Command = {
  name: 'people list',
  args: '[--json]',
  summary: 'list the people who sign in, with whether they have signed in yet',
  options: { json },
  positionals: [0, 0],
  async run({ values }, context) {
    printList(context, values, await listPeople(await context.store(), PLATFORM), {
      none: 'No people yet: register one with people add.',
      header: ['ID', 'ROLE', 'ORGANISATION', 'LAST SIGN-IN (UTC)', 'E-MAIL'],
      row: (p) => [
        p.id,
        p.role,
        p.organisationId ?? '-',
        p.lastSignInAt ? p.lastSignInAt.slice(0, 16).replace('T', ' ') : 'never',
        p.email,
      ],
    });
  },
};

const peopleRemove: Command = {
  name: 'people remove',
  args: '<id>',
  summary: 'remove a person: their sessions end, their webhooks and tokens stop',
  positionals: [1, 1],
  async run({ positionals: [id] }, context) {
    const { person: removed, leavings } = await removePerson(
      await context.store(),
      id!,
      PLATFORM,
      context.now(),
    );
    await audited(context, 'person.removed', `person:${removed.id}`, {
      personId: removed.id,
      role: removed.role,
      ...leavings,
    });
    context.out(
      `Removed ${removed.email} (${removed.id}); their sessions have ended. ` +
        `Webhooks they created, now disabled: ${leavings.disabledWebhooks.length}; ` +
        `tokens they created, now revoked: ${leavings.revokedTokens.length}.`,
    );
  },
};

export const peopleCommands: Command[] = [peopleAdd, peopleList, peopleRemove];
