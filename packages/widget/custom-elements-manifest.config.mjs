// Configuration of `cem analyze` (npm run analyze), which writes custom-elements.json from the
// JSDoc. Lit's static `properties` also list the element's private reactive state (`_view`, …)
// and the inherited `lang`; the manifest keeps only the public API, with `lang` described.

const LANG =
  'Language: nl, fr, en or de ("nl-BE" counts as nl). Without it, the nearest ancestor\'s lang; else nl.';

export default {
  globs: ['src/vo-feedback/*.ts'],
  exclude: ['src/**/*.test.ts'],
  litelement: true,
  plugins: [
    {
      name: 'vo-feedback:public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.kind !== 'class') continue;
            declaration.members = (declaration.members ?? []).filter(
              (member) => !member.name.startsWith('_') && !member.name.startsWith('#'),
            );
            declaration.attributes = (declaration.attributes ?? []).filter(
              (attribute) => !attribute.name.startsWith('_'),
            );
            for (const item of [...declaration.members, ...declaration.attributes]) {
              if (item.name === 'lang') item.description = LANG;
            }
          }
        }
      },
    },
  ],
};
