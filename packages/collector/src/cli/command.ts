import type { ParseArgsConfig } from 'node:util';
import type { Store } from '../domain/store.ts';
import type { Env } from '../config/env.ts';

/** Where the CLI reads and writes: the process, or a test's collectors. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The clock; default Date.now (tests pass their own instant). */
  now?: () => number;
}

/** What a command gets to do its work. */
export interface CliContext {
  /** The checked configuration (DATABASE_URL, RETENTION_DAYS, …). */
  env: Env;
  /** The store at DATABASE_URL, opened on first use and closed after the command. */
  store(): Promise<Store>;
  /** A line of the command's result, on stdout (what a script would capture). */
  out(line: string): void;
  /** A notice for the person at the terminal, on stderr. */
  notice(line: string): void;
  now(): number;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandInput {
  positionals: string[];
  values: OptionValues;
}

/**
 * One entry of the command table. To add a command (report, export, backup, …), write a module
 * that exports a Command and list it in cli/commands.ts; usage text, option parsing, exit codes
 * and the store's lifetime come from cli.ts.
 */
export interface Command {
  /** The words that select it: 'prune', 'org add'. */
  name: string;
  /** What follows the name in the usage line: '<id> <name>', '--label <label> …'. */
  args: string;
  /** One line: what it does. */
  summary: string;
  /** parseArgs options; `help` is added to every command. */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes: [min, max]. */
  positionals: [number, number];
  /** For error messages: the field of a shared schema → the flag or argument that sets it. */
  fields?: Record<string, string>;
  run(input: CommandInput, context: CliContext): Promise<void>;
}

/** A mistake in the command line: exit code 2, with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** An option's single string value, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values, or undefined when it was not given. */
export function listOption(values: OptionValues, name: string): string[] | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** `true`/`false` of an option such as `--active false`. */
export function booleanOption(values: OptionValues, name: string): boolean | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`Use --${name} true or --${name} false, not "${value}".`);
}

/** A file's size as people read it: KB below a megabyte, MB with one decimal above. */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Rows as aligned columns; the first row is the header. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  '),
  );
}
