import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS, ServiceConfigSchema } from '@vo-feedback/shared';
import { ADMIN_TOKEN, json, testCollector } from '../../test-support/fixtures.ts';

const CONFIG = '/api/v1/public/services/dienst-a/config';
const OWN = [
  {
    code: 'wachttijd',
    labels: { nl: 'Ik moest te lang wachten', fr: 'Attente', en: 'Waiting', de: 'Wartezeit' },
  },
];

describe('GET /api/v1/public/services/:serviceId/config', () => {
  it('answers the default reasons and no help URL, for any site, cacheable', async () => {
    const { get } = await testCollector();
    const response = await get(CONFIG);
    expect(response.status).toBe(200);
    expect(await json(response, ServiceConfigSchema)).toEqual({
      serviceId: 'dienst-a',
      helpUrl: null,
      reasons: DEFAULT_REASONS,
    });
    expect(DEFAULT_REASONS.map((r) => r.labels.nl)).toEqual([
      'De informatie was niet duidelijk',
      'Er was een technisch probleem',
      'Het duurde te lang',
      'Ik vond niet wat ik zocht',
      'Ik had hulp nodig',
      'Iets anders',
    ]);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('answers 304 to If-None-Match with its ETag', async () => {
    const { app } = await testCollector();
    const etag = (await app.request(CONFIG)).headers.get('etag')!;
    const revalidated = await app.request(CONFIG, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
  });

  it("answers the service's own help URL and reasons once an admin sets them; a new ETag", async () => {
    const { get, admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const before = (await get(CONFIG)).headers.get('etag');
    const patched = await admin('PATCH', '/services/dienst-a', {
      helpUrl: 'https://www.gemeente-a.be/contact',
      reasons: OWN,
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({
      helpUrl: 'https://www.gemeente-a.be/contact',
      reasons: OWN,
    });
    const response = await get(CONFIG);
    expect(await json(response, ServiceConfigSchema)).toEqual({
      serviceId: 'dienst-a',
      helpUrl: 'https://www.gemeente-a.be/contact',
      reasons: OWN,
    });
    expect(response.headers.get('etag')).not.toBe(before);
    // null restores the defaults.
    await admin('PATCH', '/services/dienst-a', { helpUrl: 'tel:1700', reasons: null });
    expect(await json(await get(CONFIG))).toEqual({
      serviceId: 'dienst-a',
      helpUrl: 'tel:1700',
      reasons: DEFAULT_REASONS,
    });
  });

  it('answers 404 for an unknown, malformed or inactive service', async () => {
    const { get, admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    expect((await get('/api/v1/public/services/bestaat-niet/config')).status).toBe(404);
    expect((await get('/api/v1/public/services/Not%20A%20Service/config')).status).toBe(404);
    await admin('PATCH', '/services/dienst-a', { active: false });
    expect((await get(CONFIG)).status).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const { get } = await testCollector();
    const document = await json(await get('/api/v1/openapi.json'));
    const operation = document.paths['/api/v1/public/services/{serviceId}/config'].get;
    expect(operation.security).toEqual([]);
    expect(operation.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ServiceConfig',
    });
  });
});

describe('the admin API: a service’s help URL and reasons', () => {
  it('takes them on POST and refuses what breaks the contract, naming the field', async () => {
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const created = await admin('POST', '/services', {
      id: 'dienst-c',
      name: 'Dienst C',
      organisationId: 'org-a',
      helpUrl: 'tel:+32 2 553 17 00',
      reasons: OWN,
    });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ helpUrl: 'tel:+32 2 553 17 00', reasons: OWN });

    for (const [body, field] of [
      [{ helpUrl: 'http://insecure.example' }, 'helpUrl'],
      [{ helpUrl: 'javascript:alert(1)' }, 'helpUrl'],
      [{ reasons: [...OWN, ...OWN] }, 'reasons'],
      [{ reasons: [] }, 'reasons'],
      [{ reasons: [{ code: 'x', labels: { nl: 'x' } }] }, 'reasons.0.labels.fr'],
    ] as const) {
      const refused = await admin('PATCH', '/services/dienst-c', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await json(refused)).errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field })]),
      );
    }
  });

  it('issues an ingest token for one organisation, and requires the organisation', async () => {
    const { admin } = await testCollector({ adminToken: ADMIN_TOKEN });
    const created = await admin('POST', '/tokens', {
      label: 'contactcenter',
      role: 'ingest',
      organisationId: 'org-a',
    });
    expect(created.status).toBe(201);
    const tokens = await json(await admin('GET', '/tokens'));
    expect(tokens).toContainEqual(
      expect.objectContaining({ label: 'contactcenter', role: 'ingest', organisationId: 'org-a' }),
    );
    const missing = await admin('POST', '/tokens', { label: 'x', role: 'ingest' });
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'organisationId' })]),
    );
  });
});
