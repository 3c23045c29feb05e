// Browser-side setup for every dashboard test file.
import { fixtureCleanup } from '@open-wc/testing';
import { afterEach } from 'vitest';
import '../src/main.ts';
import { removeBoxes } from './fixtures.ts';

// chai-a11y-axe (behind `expect(el).to.be.accessible()`) runs axe with its default rule set and
// takes no run options, so the rule set is configured on axe itself: exactly the WCAG 2.0, 2.1
// and 2.2 level A and AA rules, and none of the best-practice rules that only make sense for a
// whole page (landmarks, a page-level h1).
// @ts-expect-error -- the minified build has no types of its own; it sets window.axe.
await import('axe-core/axe.min.js');
const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
axe.configure({
  rules: axe.getRules().map(({ ruleId, tags }) => ({
    id: ruleId,
    enabled:
      tags.some((tag) => WCAG_A_AA.includes(tag)) &&
      !tags.includes('deprecated') &&
      !tags.includes('experimental'),
  })),
});

afterEach(() => {
  fixtureCleanup();
  removeBoxes();
  sessionStorage.clear();
});

// The dashboard's default language.
document.documentElement.lang = 'nl';
