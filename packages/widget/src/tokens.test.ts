import { expect } from '@open-wc/testing';
import { it } from 'vitest';
import { tokens } from './tokens.ts';
import { styles } from './vo-feedback/vo-feedback.styles.ts';

it('uses every token with its Flemish fallback, and no custom property that is not a token', () => {
  // var(--vo-feedback-name, fallback): the fallback runs to the parenthesis that closes var().
  const uses = [...styles.matchAll(/var\((--[\w-]+),\s*([^)]*(?:\([^)]*\))?[^)]*)\)/g)].map(
    ([, name, fallback]) => [name, fallback!.trim()],
  );
  expect(uses.length).to.be.greaterThan(0);
  for (const [name, fallback] of uses) {
    expect(tokens, `${name} is not a token`).to.have.property(name!);
    expect(fallback, `fallback of ${name}`).to.equal(tokens[name as keyof typeof tokens]);
  }
  expect(new Set(uses.map(([name]) => name))).to.deep.equal(new Set(Object.keys(tokens)));
  // Nothing else reads a custom property (a var() without a fallback would be a private one).
  expect(styles.match(/var\(/g)).to.have.length(uses.length);
});
