import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository stands on its own: a user reads the docs, comments and scripts without any file
// that is not in it, and one command typechecks the whole workspace.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'data', 'coverage', '.test-results']);
const TEXT = /\.(ts|mjs|js|json|md|sh|yml|yaml|html|css|sql)$|^run$/;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return files(path);
    return TEXT.test(entry.name) ? [path] : [];
  });
}

describe('the repository', () => {
  it('cites no document outside it: docs, comments and scripts say what they need themselves', () => {
    // Spelt in pieces, so that this file does not cite them either.
    const outside = new RegExp(
      [String.raw`\b(TOOLCHAIN|PRODUCT|STYLE)\.md\b`, ['', 'work', 'shared'].join('/')].join('|'),
    );
    const citing = files(ROOT)
      .filter((file) => outside.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(citing).toEqual([]);
  });

  it('has a root tsconfig.json whose references reach every package with a tsconfig.json', () => {
    const solution = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
    const referenced = [...solution.matchAll(/"path":\s*"([^"]+)"/g)].map((m) => m[1]).sort();
    const workspaces = ['demo', 'e2e', 'reliability', 'scripts']
      .concat(readdirSync(join(ROOT, 'packages')).map((name) => `packages/${name}`))
      .filter((folder) => existsSync(join(ROOT, folder, 'tsconfig.json')))
      .sort();
    expect(referenced).toEqual(workspaces);
    expect(solution).toMatch(/"files":\s*\[\]/);
  });

  it('has no source file, tests aside, longer than 400 lines', () => {
    const longer = files(ROOT)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => readFileSync(file, 'utf8').split('\n').length - 1 > 400)
      .map((file) => relative(ROOT, file))
      .sort();
    expect(longer).toEqual([]);
  });
});
