import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.ts';

// Every HTML the collector writes (the annual report, /transparantie, the form pages, the /api
// page) is escaped by this one helper: a second copy could drift from it (forget the quote, say)
// and nobody would notice until a name with a quote broke an attribute.

const SRC = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    // The test support's fake issuer reads HTML the way a browser would: it is not the product.
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the one HTML escaping helper', () => {
  it('escapes the five characters that can end an element or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('html`…` escapes every value, lists included, and leaves only raw(…) as written', () => {
    const name = `"><script>alert(1)</script>`;
    const out = html`<p title="${name}">${[name, 3, null, undefined]}${raw('<b>x</b>')}</p>`;
    expect(out.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">' +
        '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;3<b>x</b></p>',
    );
  });

  it('is the only one in the collector: no other source file escapes HTML by hand or with hono/html', () => {
    const others = sourceFiles(SRC)
      .filter((file) => relative(SRC, file) !== join('views', 'html.ts'))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return (
          text.includes(`'&amp;'`) || text.includes(`'&lt;'`) || /from 'hono\/html'/.test(text)
        );
      })
      .map((file) => relative(SRC, file));
    expect(others).toEqual([]);
  });
});
