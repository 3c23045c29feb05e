#!/usr/bin/env -S node --conditions=vo-dist
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ProblemError } from './domain/problems.ts';
import { commands } from './cli/commands.ts';
import { UsageError, type CliIo, type Command, type CommandInput } from './cli/command.ts';
import { openStore } from './db/open-store.ts';
import type { Store } from './domain/store.ts';
import { ConfigError, hideSecrets, readEnv } from './config/env.ts';

// `vo-feedback`: the collector's administration on the command line, on the database at
// DATABASE_URL. Exit codes: 0 done, 1 failed, 2 usage error. Development:
// `npx tsx packages/collector/src/cli.ts …`; built: `node --conditions=vo-dist dist/cli.js …`.

const PROGRAM = 'vo-feedback';

function commandLine(command: Command): string {
  return `${PROGRAM} ${command.name}${command.args ? ` ${command.args}` : ''}`;
}

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${PROGRAM} <command> [arguments] [--help]`,
    '',
    'Administers the vo-feedback collector on the database at DATABASE_URL',
    '(default file:./data/vo-feedback.sqlite), as the admin API does.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's arguments.`,
    'Exit codes: 0 done, 1 failed, 2 usage error.',
    '',
  ].join('\n');
}

function commandUsage(command: Command): string {
  return `Usage: ${commandLine(command)}\n\n${command.summary}.\n`;
}

/** The command whose words start argv (the longest such name), and the arguments after it. */
function findCommand(argv: string[]): { command: Command; rest: string[] } {
  let found: Command | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    const matches = words.every((word, i) => argv[i] === word);
    if (matches && (!found || words.length > found.name.split(' ').length)) found = command;
  }
  if (found) return { command: found, rest: argv.slice(found.name.split(' ').length) };
  const group = commands.filter((c) => c.name.split(' ')[0] === argv[0]);
  if (group.length > 0) {
    const subcommands = group.map((c) => c.name.split(' ').slice(1).join(' ')).join(', ');
    throw new UsageError(
      argv.length < 2
        ? `${argv[0]} needs a subcommand: ${subcommands}.`
        : `"${argv.slice(0, 2).join(' ')}" is not a command; ${argv[0]} has: ${subcommands}.`,
    );
  }
  throw new UsageError(`"${argv[0]}" is not a command; run "${PROGRAM} help" for the list.`);
}

function parse(command: Command, args: string[]): CommandInput & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its first sentence.
    const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
    throw new UsageError(`${message.replace(/\.$/, '')}.`, command);
  }
  const { help, ...values } = parsed.values as Record<string, never> & { help?: boolean };
  const [min, max] = command.positionals;
  const count = parsed.positionals.length;
  if (!help && (count < min || count > max)) {
    const expected =
      min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min}–${max}`;
    throw new UsageError(
      `${command.name} takes ${expected} argument${expected === '1' ? '' : 's'}, not ${count}.`,
      command,
    );
  }
  return { positionals: parsed.positionals, values, help: help === true };
}

/** A problem on one line, each field named as the flag or argument that sets it. */
function failureLine(error: ProblemError, command: Command): string {
  if (!error.errors?.length) return error.message;
  const fields = error.errors.map((e) => {
    const flag = command.fields?.[e.path.split('.')[0]!];
    return flag ? `${flag}: ${e.message}` : e.message;
  });
  return fields.join(' ');
}

/**
 * Runs one command line; returns the exit code. Tests call it in-process with their own io;
 * the bin runs it with the process's.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // A driver's message may quote what it was given: the configured secrets are masked.
  const fail = (line: string) => io.stderr.write(`${PROGRAM}: ${hideSecrets(line, io.env)}\n`);
  let command: Command | undefined;
  try {
    if (argv.length === 0) {
      io.stderr.write(usage());
      return 2;
    }
    if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
      io.stdout.write(argv.length > 1 ? commandUsage(findCommand(argv.slice(1)).command) : usage());
      return 0;
    }
    const found = findCommand(argv);
    command = found.command;
    const input = parse(command, found.rest);
    if (input.help) {
      io.stdout.write(commandUsage(command));
      return 0;
    }
    const env = readEnv(io.env);
    let store: Store | undefined;
    try {
      await command.run(input, {
        env,
        store: async () => (store ??= await openStore(env.DATABASE_URL)),
        out: (line) => io.stdout.write(`${line}\n`),
        notice: (line) => io.stderr.write(`${line}\n`),
        now: io.now ?? Date.now,
      });
    } finally {
      await store?.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      fail(error.message);
      const shown = error.command ?? command;
      io.stderr.write(
        shown ? `Usage: ${commandLine(shown)}\n` : `Run "${PROGRAM} help" for the list.\n`,
      );
      return 2;
    }
    if (error instanceof ProblemError && command) fail(failureLine(error, command));
    else if (error instanceof ConfigError) fail(error.message);
    else fail(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await main(process.argv.slice(2), process);
}
