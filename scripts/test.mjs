#!/usr/bin/env node
// npm test: installs what the tests need, then runs every suite — typecheck, lint, format, the
// widget's size limit, and all vitest projects (unit, integration, real-Chromium browser tests,
// end-to-end) — and ends with one line "N passed, N failed" that totals them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (existsSync('/usr/include/node')) process.env.npm_config_nodedir ??= '/usr';
const pnpm = ['npx', '-y', 'pnpm@12.4.2'];

function run(command, args, options = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

function fatal(message) {
  console.error(`\n${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Browser tests need Debian's Chromium: a test tool's own browser download fails here.
if (!existsSync('/usr/bin/chromium')) {
  // As root (CI, these machines) apt-get runs directly; elsewhere through sudo.
  const prefix = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', 'apt-get'];
  const apt = (args) =>
    run(prefix[0], [...prefix.slice(1), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (!apt(['update']) || !apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
    fatal(
      'Could not install Chromium (apt-get install chromium); browser tests need /usr/bin/chromium.',
    );
  }
}

// The collector-pg project and the two-instance test need PostgreSQL on 127.0.0.1:5432 (CI's
// machine runs it). Where Debian's cluster is installed but down, start it.
if (
  existsSync('/usr/bin/pg_ctlcluster') &&
  existsSync('/etc/postgresql') &&
  spawnSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).status !== 0
) {
  for (const version of readdirSync('/etc/postgresql')) {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  }
}

if (!run(pnpm[0], [...pnpm.slice(1), 'install', '--frozen-lockfile']))
  fatal('pnpm install failed.');

let passed = 0;
let failed = 0;
function check(name, command, args) {
  const ok = run(command, args);
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  return ok;
}

// The build comes first: the collector's end-to-end tests serve the built widget and demo.
const built = check('build', pnpm[0], [...pnpm.slice(1), '-r', 'run', 'build']);
check('typecheck', pnpm[0], [...pnpm.slice(1), '-r', 'run', 'typecheck']);
check('lint (eslint)', 'npx', ['eslint', '.']);
check('format (prettier)', 'npx', ['prettier', '--check', '.']);
if (built)
  check('widget size limit (10 KB min+gzip)', 'node', ['packages/widget/scripts/size.mjs']);

mkdirSync('.test-results', { recursive: true });
const report = '.test-results/vitest.json';
const vitestOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load has no failed test, but must not pass silently.
  const brokenFiles = results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
  ).length;
  failed += brokenFiles;
  if (!vitestOk && results.numFailedTests + brokenFiles === 0) failed += 1;
} else {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
