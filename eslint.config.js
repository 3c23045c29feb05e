import js from '@eslint/js';
import globals from 'globals';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

// The collector's layers, one way down: routes → use-cases → domain ← db, with http/ (plumbing
// the routes use), views/ (HTML the routes and use cases render) and config/ beside them. Each
// entry forbids a layer's source files (not its tests) to import what lies above it; an import that
// breaks a layer fails `npm test`. docs/architecture.md draws the same picture.
const COLLECTOR = 'packages/collector/src';
const folder = (name) => ({
  regex: `(^|/)${name}/`,
  message: `breaks the layers: see docs/architecture.md`,
});
const entryPoints = {
  regex: '(^|/)(app|server|cli)\\.ts$',
  message: 'entry points import layers, never the reverse',
};
const packages = (names, why) => ({ group: names.flatMap((n) => [n, `${n}/*`]), message: why });
const LAYERS = {
  domain: [
    ...['db', 'http', 'routes', 'use-cases', 'views', 'config', 'cli'].map(folder),
    entryPoints,
    packages(
      ['hono', '@hono', 'drizzle-orm', 'better-sqlite3', 'pg', '@redis/client', 'exceljs'],
      'domain/ is pure: types, rules, statistics, redaction — no framework, no database',
    ),
  ],
  db: [
    ...['http', 'routes', 'use-cases', 'views', 'cli'].map(folder),
    entryPoints,
    packages(['hono', '@hono'], 'db/ implements the store; it knows nothing of HTTP'),
  ],
  'use-cases': [
    ...['routes', 'cli', 'db'].map(folder),
    entryPoints,
    packages(['hono', '@hono'], 'use cases are called by routes and the CLI alike; no HTTP here'),
  ],
  views: [...['db', 'http', 'routes', 'use-cases', 'cli'].map(folder), entryPoints],
  http: [...['db', 'routes', 'use-cases', 'views', 'cli'].map(folder), entryPoints],
  routes: [...['db', 'cli'].map(folder), entryPoints],
  cli: [
    folder('routes'),
    { regex: '(^|/)app\\.ts$', message: 'the CLI calls use cases, not the HTTP app' },
  ],
};
const layerRules = Object.entries(LAYERS).map(([layer, patterns]) => ({
  files: [`${COLLECTOR}/${layer}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/drizzle/**',
      'data/**',
      'docs/**',
      '.test-results/**',
      '**/custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/widget/**/*.ts', 'packages/dashboard/**/*.ts', 'demo/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/widget/src/**/*.ts', 'packages/dashboard/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widget/src/**/*.ts', 'packages/dashboard/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/widget/src/**/*.ts', 'packages/dashboard/src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // The widget and the dashboard bundle no zod: values of the contract come from its plain
    // constants, only types from the schemas' module (a type import costs no byte).
    files: ['packages/widget/src/**/*.ts', 'packages/dashboard/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@vo-feedback/shared',
              allowTypeImports: true,
              message:
                'it bundles zod: import values from @vo-feedback/shared/constants, types from @vo-feedback/shared',
            },
          ],
        },
      ],
    },
  },
  ...layerRules,
);
