import { createHash } from 'node:crypto';
import { DOCUMENT_STYLE_HASH } from './html.ts';

// The collector's Content-Security-Policy: `script-src 'self'`, no inline script at all, and of
// inline styles only the one stylesheet of the report pages, allowed by its hash.

/** The directives, as hono's secureHeaders takes them. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The report and /transparantie inline one stylesheet (so a saved report keeps its look); its
  // hash allows exactly that stylesheet and no other inline style.
  styleSrc: ["'self'", DOCUMENT_STYLE_HASH],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The policy for a page whose inline stylesheets are those of `html`: a handed-in report keeps
 * the stylesheet of the release that froze it, which a later release's hash would not allow.
 */
export function policyForPage(html: string): string {
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) => `'sha256-${createHash('sha256').update(css!).digest('base64')}'`,
  );
  return Object.entries({ ...CSP_DIRECTIVES, styleSrc: ["'self'", ...new Set(hashes)] })
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The collector's policy with some directives replaced: the page that signs a person out at the
 * issuer posts its form there (`formAction`).
 */
export function policyWith(overrides: Partial<Record<keyof typeof CSP_DIRECTIVES, string[]>>) {
  return Object.entries({ ...CSP_DIRECTIVES, ...overrides })
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
}
