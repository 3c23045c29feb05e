import { main } from '../cli.ts';

export interface CliResult {
  /** The exit code: 0 done, 1 failed, 2 usage error. */
  code: number;
  stdout: string;
  stderr: string;
}

async function run(
  env: Record<string, string | undefined>,
  argv: string[],
  now?: () => number,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    ...(now ? { now } : {}),
  });
  return { code, stdout, stderr };
}

/**
 * `vo-feedback …` run in this process, as an operator runs it, with exactly this environment (the
 * test's own `process.env` is not read) and its output captured.
 */
export function runCli(
  env: Record<string, string | undefined>,
  ...argv: string[]
): Promise<CliResult> {
  return run(env, argv);
}

/** `vo-feedback …` as runCli runs it, with the collector's clock at `now`. */
export function runCliAt(
  now: number,
  env: Record<string, string | undefined>,
  ...argv: string[]
): Promise<CliResult> {
  return run(env, argv, () => now);
}
