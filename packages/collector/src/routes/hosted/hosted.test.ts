import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_STYLE_HASH } from '../../views/html.ts';
import { ADMIN_TOKEN, testCollector } from '../../test-support/fixtures.ts';
import { sqlRows } from '../../test-support/sql.ts';

// The hosted feedback page, GET /f/:serviceId: the whole question on the collector for links in
// e-mails, letters and chats and for QR codes, working without any script.

async function hostedPage(response: Response, lang: string): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const page = await response.text();
  expect(page).toContain(`<html lang="${lang}">`);
  // No script at all, no inline style attribute; the one stylesheet is the CSP's by hash.
  expect(page).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(styles).toHaveLength(1);
  expect(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`).toBe(
    DOCUMENT_STYLE_HASH,
  );
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  return page;
}

describe('GET /f/:serviceId, the hosted feedback page', () => {
  it('asks the question in Dutch by default, posting to the form with its channel', async () => {
    const { app } = await testCollector();
    const page = await hostedPage(await app.request('/f/dienst-a?channel=counter'), 'nl');
    expect(page).toContain('<form method="post" action="/api/v1/feedback/form?lang=nl"');
    expect(page).toContain('<input type="hidden" name="serviceId" value="dienst-a" />');
    expect(page).toContain('<input type="hidden" name="channel" value="counter" />');
    expect(page).toContain('<input type="hidden" name="lang" value="nl" />');
    expect(page).toContain('Dienst A');
    expect(page).toContain('Hoe tevreden bent u over onze dienstverlening?');
    for (const [value, label] of [
      ['1', 'Zeer ontevreden'],
      ['3', 'Neutraal'],
      ['5', 'Zeer tevreden'],
    ]) {
      expect(page).toMatch(
        new RegExp(
          `<input\\s+type="radio"\\s+name="rating"\\s+value="${value}"[^>]*/>\\s*${label}`,
        ),
      );
    }
    // The reasons always (no script can show them after a rating), marked for a bad experience.
    expect(page).toContain('<legend>Wat liep er mis?</legend>');
    expect(page).toContain('Alleen als u niet tevreden bent.');
    expect(page).toContain('value="too-slow"');
    expect(page).toContain('Het duurde te lang');
    expect(page).toContain('aria-describedby="comment-hint"');
    expect(page).toContain('Vermeld geen persoonsgegevens');
    expect(page).toContain('Uw feedback is anoniem en u krijgt er geen antwoord op.');
    expect(page).toContain('<a href="tel:1700">de gratis infolijn 1700</a>');
    // The honeypot: out of sight, out of the accessibility tree and of the tab order.
    expect(page).toMatch(
      /<div class="honeypot" aria-hidden="true">[\s\S]*name="website" tabindex="-1" autocomplete="off"/,
    );
  });

  it('speaks the asked language, defaults to the web channel', async () => {
    const { app } = await testCollector();
    const fr = await hostedPage(await app.request('/f/dienst-a?lang=fr'), 'fr');
    expect(fr).toContain('name="channel" value="web"');
    expect(fr).toContain('Très satisfait');
    expect(fr).toContain('action="/api/v1/feedback/form?lang=fr"');
    const de = await hostedPage(await app.request('/f/dienst-a?lang=de&channel=letter'), 'de');
    expect(de).toContain('Sehr zufrieden');
    const en = await hostedPage(await app.request('/f/dienst-a?lang=en&channel=email'), 'en');
    expect(en).toContain('What went wrong?');
  });

  it('shows the service’s own help and its own reasons', async () => {
    const { app, admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const patched = await admin('PATCH', '/services/dienst-a', {
      helpUrl: 'https://www.gemeente-a.be/contact',
      reasons: [
        {
          code: 'wachttijd',
          labels: { nl: 'Ik moest lang wachten', fr: 'Attente', en: 'Waiting', de: 'Warten' },
        },
      ],
    });
    expect(patched.status).toBe(200);
    const page = await hostedPage(await app.request('/f/dienst-a'), 'nl');
    expect(page).toContain(
      '<a href="https://www.gemeente-a.be/contact">het contactpunt van deze dienst</a>',
    );
    expect(page).toContain('value="wachttijd"');
    expect(page).toContain('Ik moest lang wachten');
    expect(page).not.toContain('value="too-slow"');
  });

  it('an unknown or inactive service, or a channel that does not exist, is a 404 page', async () => {
    const { app, admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    for (const path of ['/f/geen-dienst?lang=en', '/f/dienst-a?lang=en&channel=fax']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This form cannot (or can no longer) be used');
    }
    expect((await admin('PATCH', '/services/dienst-a', { active: false })).status).toBe(200);
    expect((await app.request('/f/dienst-a')).status).toBe(404);
  });

  it('what it sends is stored with its channel, and ends on the thank-you page', async () => {
    const { app, store } = await testCollector();
    const page = await (await app.request('/f/dienst-a?channel=counter&lang=en')).text();
    const hidden = Object.fromEntries(
      [...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)" \/>/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    const body = new URLSearchParams({ ...hidden, rating: '1', comment: '', website: '' });
    body.append('reasons', 'could-not-find');
    // The collector's pages send no Referer and `Origin: null` (Referrer-Policy: no-referrer).
    const response = await app.request('/api/v1/feedback/form?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
      body: body.toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/f/dienst-a/bedankt?lang=en');
    const [row] = await sqlRows(store, 'select * from feedback');
    expect(row).toMatchObject({ channel: 'counter', rating: 1, lang: 'en' });
  });
});
