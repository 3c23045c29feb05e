import { main } from '../cli.ts';

export interface CliResult {
  /** The exit code: 0 done, 1 failed, 2 usage error. */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `vo-feedback …` run in this process, as an operator runs it, with exactly this environment (the
 * test's own `process.env` is not read) and its output captured.
 */
export async function runCli(
  env: Record<string, string | undefined>,
  ...argv: string[]
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}
