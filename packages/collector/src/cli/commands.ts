import { adminCommands } from './admin-commands.ts';
import { alertsCheckCommand } from './alerts-command.ts';
import { backupCommand } from './backup-command.ts';
import { digestsSendCommand } from './digest-command.ts';
import type { Command } from './command.ts';
import { migrateCommand } from './migrate-command.ts';
import { organisationCommands } from './organisation-commands.ts';
import { peopleCommands } from './people-commands.ts';
import { pruneCommand } from './prune-command.ts';
import { reportCommands } from './report-commands.ts';

/**
 * The command table of `vo-feedback`, in the order the usage text lists them. A new command
 * (report, export, backup) is a module under src/cli/ exporting a Command, added here; cli.ts
 * gives it usage text, option parsing, the store and exit codes.
 */
export const commands: Command[] = [
  ...organisationCommands,
  ...adminCommands,
  ...peopleCommands,
  pruneCommand,
  alertsCheckCommand,
  ...reportCommands,
  digestsSendCommand,
  backupCommand,
  migrateCommand,
];
