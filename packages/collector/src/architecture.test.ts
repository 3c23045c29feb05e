import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md are enforced by ESLint (eslint.config.js, `no-restricted-imports`
// per folder), which `npm test` runs over the whole tree. These cases prove that the rules bite: an
// import that goes up a layer is an error, the same import where the layers allow it is not.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, {
    filePath: `${root}packages/collector/src/${file}`,
  });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the collector’s layers', () => {
  it.each([
    [
      'domain/example.ts',
      "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n",
    ],
    [
      'domain/example.ts',
      "import { SqliteStore } from '../db/sqlite-store.ts';\nexport const s = SqliteStore;\n",
    ],
    ['domain/example.ts', "import { Hono } from 'hono';\nexport const h = Hono;\n"],
    ['domain/example.ts', "import { createApp } from '../app.ts';\nexport const a = createApp;\n"],
    [
      'db/example.ts',
      "import { renderProblem } from '../http/problem.ts';\nexport const r = renderProblem;\n",
    ],
    [
      'db/example.ts',
      "import { annualReport } from '../use-cases/reports.ts';\nexport const r = annualReport;\n",
    ],
    [
      'use-cases/example.ts',
      "import { router } from '../routes/services/services.routes.ts';\nexport const r = router;\n",
    ],
    [
      'use-cases/example.ts',
      "import { openStore } from '../db/open-store.ts';\nexport const o = openStore;\n",
    ],
    [
      'views/example.ts',
      "import { renderProblem } from '../http/problem.ts';\nexport const r = renderProblem;\n",
    ],
    [
      'routes/example/example.routes.ts',
      "import { SqliteStore } from '../../db/sqlite-store.ts';\nexport const s = SqliteStore;\n",
    ],
    [
      'cli/example.ts',
      "import { reportsRoutes } from '../routes/reports/reports.routes.ts';\nexport const r = reportsRoutes;\n",
    ],
  ])('%s may not import upwards: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['db/example.ts', "import type { Store } from '../domain/store.ts';\nexport type S = Store;\n"],
    [
      'use-cases/example.ts',
      "import type { Store } from '../domain/store.ts';\nexport type S = Store;\n",
    ],
    [
      'routes/example/example.routes.ts',
      "import { ProblemError } from '../../domain/problems.ts';\nexport const p = ProblemError;\n",
    ],
    [
      'cli/example.ts',
      "import { openStore } from '../db/open-store.ts';\nexport const o = openStore;\n",
    ],
    // Tests may reach across layers to set up what they test.
    [
      'domain/example.test.ts',
      "import { SqliteStore } from '../db/sqlite-store.ts';\nexport const s = SqliteStore;\n",
    ],
  ])('%s may import downwards: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
