import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_STYLE_HASH } from '../../views/html.ts';
import type { Logger } from '../../config/logger.ts';
import { ADMIN_TOKEN, ORIGIN_A, submission, testCollector } from '../../test-support/fixtures.ts';
import { sqlRows } from '../../test-support/sql.ts';

// The no-JavaScript form: whatever happens, the browser shows the citizen a page in their own
// language that says what to do next; never problem+json.

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function postForm(
  app: Awaited<ReturnType<typeof testCollector>>['app'],
  body: string,
  headers: Record<string, string> = {},
  path = '/api/v1/feedback/form',
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body,
  });
}

/** A page the citizen can use: HTML in `lang`, titled, headed, allowed by the CSP, no script. */
async function expectPage(response: Response, status: number, lang: string, phrase: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const page = await response.text();
  expect(page).toContain(`<html lang="${lang}">`);
  expect(page).toContain(phrase);
  expect(page).toMatch(/<title>[^<]+<\/title>/);
  expect(page).toMatch(/<h1>[^<]+<\/h1>/);
  expect(page).not.toMatch(/<script|\sstyle=/i);
  // The one inline stylesheet is the one the CSP allows by hash.
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(styles).toHaveLength(1);
  const hash = `'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`;
  expect(hash).toBe(DOCUMENT_STYLE_HASH);
  expect(response.headers.get('content-security-policy')).toContain(hash);
  return page;
}

describe('POST /api/v1/feedback/form answers every refusal with a page in the citizen’s language', () => {
  it('400: says what to fix, in French', async () => {
    const { app, rowCount } = await testCollector();
    const response = await postForm(app, form({ serviceId: 'dienst-a', lang: 'fr' }));
    await expectPage(response, 400, 'fr', 'Choisissez votre niveau de satisfaction.');
    expect(await rowCount()).toBe(0);
  });

  it('403: a page of another site, in German, with where to turn instead', async () => {
    const { app, rowCount } = await testCollector();
    const response = await postForm(app, form({ serviceId: 'dienst-a', rating: '4', lang: 'de' }), {
      origin: 'https://evil.example',
    });
    const page = await expectPage(
      response,
      403,
      'de',
      'Diese Seite darf kein Feedback für diesen Dienst senden.',
    );
    expect(page).toContain('Wenden Sie sich direkt an den Dienst.');
    expect(await rowCount()).toBe(0);
  });

  it('404: an unknown service, in English', async () => {
    const { app } = await testCollector();
    const response = await postForm(
      app,
      form({ serviceId: 'geen-dienst', rating: '4', lang: 'en' }),
    );
    await expectPage(response, 404, 'en', 'This form cannot (or can no longer) be used');
  });

  it('409: an id already used, in Dutch, saying nothing more is needed', async () => {
    const { app, post } = await testCollector();
    const first = submission({ serviceId: 'dienst-b' });
    expect((await post(first)).status).toBe(201);
    const response = await postForm(
      app,
      form({ id: first.id, serviceId: 'dienst-a', rating: '4', lang: 'nl' }),
    );
    const page = await expectPage(response, 409, 'nl', 'Deze feedback is al verstuurd');
    expect(page).toContain('U hoeft niets meer te doen.');
  });

  it('413: the body was not read, so the language comes from ?lang=', async () => {
    const { app, rowCount } = await testCollector();
    const body = form({
      serviceId: 'dienst-a',
      rating: '4',
      lang: 'nl',
      comment: 'a'.repeat(17_000),
    });
    const response = await postForm(app, body, {}, '/api/v1/feedback/form?lang=fr');
    await expectPage(response, 413, 'fr', 'Votre commentaire est trop long.');
    expect(await rowCount()).toBe(0);
  });

  it('413: without ?lang=, from Accept-Language by weight; without either, Dutch', async () => {
    const { app } = await testCollector();
    const body = form({ serviceId: 'dienst-a', rating: '4', comment: 'a'.repeat(17_000) });
    await expectPage(
      await postForm(app, body, { 'accept-language': 'es-ES, fr;q=0.3, de-CH;q=0.8' }),
      413,
      'de',
      'Ihr Kommentar ist zu lang.',
    );
    await expectPage(await postForm(app, body), 413, 'nl', 'Uw opmerking is te lang.');
  });

  it('415: a form sent as multipart, in the browser’s language, and ?lang= before it', async () => {
    const { app } = await testCollector();
    const multipart = { 'content-type': 'multipart/form-data; boundary=x' };
    const body = '--x\r\nContent-Disposition: form-data; name="rating"\r\n\r\n4\r\n--x--\r\n';
    await expectPage(
      await postForm(app, body, { ...multipart, 'accept-language': 'en-GB,en;q=0.9' }),
      415,
      'en',
      'The form could not be processed.',
    );
    await expectPage(
      await postForm(
        app,
        body,
        { ...multipart, 'accept-language': 'en-GB' },
        '/api/v1/feedback/form?lang=de',
      ),
      415,
      'de',
      'Das Formular konnte nicht verarbeitet werden.',
    );
  });

  it('429: in the language of the form, keeping Retry-After', async () => {
    const { app, rowCount } = await testCollector({ rateLimitPerMinute: 1 });
    const fields = { serviceId: 'dienst-a', rating: '4', lang: 'de' };
    expect((await postForm(app, form(fields))).status).toBe(303);
    const response = await postForm(app, form(fields), { 'accept-language': 'fr' });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await expectPage(response, 429, 'de', 'Formulare gesendet.');
    expect(page).toContain(`Warten Sie ${response.headers.get('retry-after')} Sekunde`);
    expect(await rowCount()).toBe(1);
  });

  it('503: the database is away, in English, with Retry-After, and logged as before', async () => {
    const logged: string[] = [];
    const note = (message: string) => logged.push(message);
    const logger: Logger = { info: () => {}, warn: note, error: note };
    const { app, store } = await testCollector({ logger });
    store.ingest = () =>
      Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    const response = await postForm(app, form({ serviceId: 'dienst-a', rating: '4', lang: 'en' }));
    expect(response.headers.get('retry-after')).toBe('5');
    await expectPage(response, 503, 'en', 'Try again in a few minutes');
    expect(logged).toContain('database unavailable');
  });
});

describe('the form’s pages lead back', () => {
  it('link to the page the form was on when a service allows its origin', async () => {
    const { app } = await testCollector();
    const response = await postForm(app, form({ serviceId: 'dienst-a', lang: 'nl' }), {
      referer: `${ORIGIN_A}/aanvraag?stap="3"&x=<y>`,
    });
    const page = await expectPage(response, 400, 'nl', 'Kies hoe tevreden u bent.');
    expect(page).toContain(
      `<a href="${ORIGIN_A}/aanvraag?stap=%223%22&amp;x=%3Cy%3E">Terug naar de vorige pagina</a>`,
    );
  });

  it('never link to a page the collector does not know; point to the Back button instead', async () => {
    const { app } = await testCollector();
    const response = await postForm(app, form({ serviceId: 'dienst-a', lang: 'en' }), {
      referer: 'https://evil.example/phish',
    });
    const page = await expectPage(
      response,
      400,
      'en',
      'Back button to return to the previous page.',
    );
    expect(page).not.toContain('evil.example');
    expect(page).not.toContain('<a ');
  });
});

describe('the form works across origins and ends on the collector’s thank-you page', () => {
  const fields = { serviceId: 'dienst-a', rating: '2', lang: 'fr' };

  it('accepts a missing or null Origin (a page with Referrer-Policy no-referrer) and stores it', async () => {
    const { app, rowCount } = await testCollector();
    for (const headers of [{}, { origin: 'null' }] as Record<string, string>[]) {
      const response = await postForm(app, form(fields), headers);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/f/dienst-a/bedankt?lang=fr');
    }
    expect(await rowCount()).toBe(2);
  });

  it('keeps the per-client limit for a null Origin', async () => {
    const { app, rowCount } = await testCollector({ rateLimitPerMinute: 1 });
    expect((await postForm(app, form(fields), { origin: 'null' })).status).toBe(303);
    const second = await postForm(app, form(fields), { origin: 'null' });
    await expectPage(second, 429, 'fr', 'Vous avez envoyé trop de formulaires');
    expect(await rowCount()).toBe(1);
  });

  it('an Origin that names a site the service does not allow stays 403', async () => {
    const { app, rowCount } = await testCollector();
    const response = await postForm(app, form(fields), { origin: 'https://www.gemeente-b.be' });
    await expectPage(response, 403, 'fr', 'à envoyer des avis pour ce service.');
    expect(await rowCount()).toBe(0);
  });

  it('303 to the thank-you page in the submission’s language, linking back to an allowed page', async () => {
    const { app } = await testCollector();
    const referer = `${ORIGIN_A}/aanvraag/bevestiging?dossier=1`;
    const response = await postForm(app, form({ ...fields, lang: 'de' }), {
      origin: ORIGIN_A,
      referer,
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, 'http://collector.test');
    expect(location.pathname).toBe('/f/dienst-a/bedankt');
    expect(location.searchParams.get('lang')).toBe('de');
    expect(location.searchParams.get('terug')).toBe(referer);
    const thanks = await app.request(location.pathname + location.search);
    const page = await expectPage(thanks, 200, 'de', 'Vielen Dank für Ihr Feedback');
    expect(page).toContain(
      `<a href="${ORIGIN_A}/aanvraag/bevestiging?dossier=1">Zurück zur vorherigen Seite</a>`,
    );
    // The promise and help, again: the info line 1700 when the service has no help of its own.
    expect(page).toContain('Ihr Feedback ist anonym und erhält keine Antwort.');
    expect(page).toContain('<a href="tel:1700">die kostenlose Infoline 1700</a>');
  });

  it('never links to a page the service does not allow: its own site instead, or no link', async () => {
    const { app, admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const response = await postForm(app, form(fields), { referer: 'https://evil.example/phish' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe('/f/dienst-a/bedankt?lang=fr');
    const without = await expectPage(
      await app.request(location),
      200,
      'fr',
      'Merci pour votre avis',
    );
    expect(without).not.toContain('evil.example');
    expect(without).not.toMatch(/<a href="https?:/);

    // A thank-you address typed by hand is checked again.
    const typed = await app.request(
      '/f/dienst-a/bedankt?lang=fr&terug=https%3A%2F%2Fevil.example%2Fphish',
    );
    expect(await typed.text()).not.toContain('evil.example');

    const patched = await admin('PATCH', '/services/dienst-a', {
      publicServiceUri: 'https://www.gemeente-a.be/dienst',
    });
    expect(patched.status).toBe(200);
    const page = await expectPage(await app.request(location), 200, 'fr', 'Merci pour votre avis');
    expect(page).toContain(
      '<a href="https://www.gemeente-a.be/dienst">Vers le site web du service</a>',
    );
  });

  it('a thank-you page of an unknown service is a 404 page', async () => {
    const { app } = await testCollector();
    await expectPage(await app.request('/f/geen-dienst/bedankt?lang=en'), 404, 'en', 'This form');
  });

  it('stores the channel and the ticked reasons (repeated fields)', async () => {
    const { app, store } = await testCollector();
    const body = new URLSearchParams({ ...fields, channel: 'counter' });
    body.append('reasons', 'too-slow');
    body.append('reasons', 'needed-help');
    expect((await postForm(app, body.toString(), { origin: 'null' })).status).toBe(303);
    const [row] = await sqlRows(store, 'select * from feedback');
    expect(row).toMatchObject({ channel: 'counter', rating: 2 });
    expect(JSON.stringify(row)).toContain('too-slow');
    expect(JSON.stringify(row)).toContain('needed-help');
  });
});
