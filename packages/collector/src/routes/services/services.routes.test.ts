import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';

describe('GET /api/v1/services/:serviceId/summary', () => {
  it('answers 401 with problem+json without a token', async () => {
    const { get } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/summary');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 401 to an unknown token', async () => {
    const { get } = await testCollector();
    expect((await get('/api/v1/services/dienst-a/summary', 'vof_guessed')).status).toBe(401);
  });

  it("answers 403 to another organisation's token", async () => {
    const { get, tokenB } = await testCollector();
    expect((await get('/api/v1/services/dienst-a/summary', tokenB)).status).toBe(403);
  });

  it('answers 404 for an unknown service', async () => {
    const { get, tokenA } = await testCollector();
    expect((await get('/api/v1/services/bestaat-niet/summary', tokenA)).status).toBe(404);
  });

  it('summarises ratings, mean, csat with its Wilson interval and comments', async () => {
    const { post, get, tokenA, steering } = await testCollector();
    for (const [rating, comment] of [
      [1, 'Te ingewikkeld.'],
      [4, undefined],
      [5, 'Snel en duidelijk.'],
      [5, undefined],
    ] as const) {
      expect((await post(submission({ rating, comment }))).status).toBe(201);
    }
    await post(submission({ serviceId: 'dienst-b', rating: 1 }));

    const response = await get('/api/v1/services/dienst-a/summary', tokenA);
    expect(response.status).toBe(200);
    const summary = await json(response);
    expect(summary).toMatchObject({
      serviceId: 'dienst-a',
      responses: 4,
      ratings: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 2 },
      mean: 3.75,
      csat: 0.75,
      comments: 2,
      impressions: 0,
      responseRate: null,
    });
    // Wilson 95 % for 3 of 4: [0.3006, 0.9544].
    expect(summary.csatInterval[0]).toBeCloseTo(0.3006, 4);
    expect(summary.csatInterval[1]).toBeCloseTo(0.9544, 4);
    // The steering committee sees the same aggregates.
    expect(await json(await get('/api/v1/services/dienst-a/summary', steering))).toEqual(summary);
  });

  it('answers 400 for a malformed period', async () => {
    const { get, tokenA } = await testCollector();
    const response = await get('/api/v1/services/dienst-a/summary?from=2026-13-01', tokenA);
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].path).toBe('from');
  });
});

describe('GET /api/v1/services', () => {
  it('lists only the services of the token’s organisation; steering sees all', async () => {
    const { get, tokenA, steering } = await testCollector();
    const own = await json(await get('/api/v1/services', tokenA));
    expect(own.map((s: { id: string }) => s.id)).toEqual(['dienst-a']);
    const all = await json(await get('/api/v1/services', steering));
    expect(all.map((s: { id: string }) => s.id)).toEqual(['dienst-a', 'dienst-b']);
  });
});
