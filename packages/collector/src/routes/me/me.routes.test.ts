import { describe, expect, it } from 'vitest';
import { json, testCollector } from '../../test-support/fixtures.ts';

describe('GET /api/v1/me', () => {
  it('tells a provider token its role and organisation', async () => {
    const { get, tokenA } = await testCollector();
    const response = await get('/api/v1/me', tokenA);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      role: 'provider',
      organisationId: 'org-a',
      organisationName: 'Organisatie A',
      minimumN: 10,
      person: null,
    });
  });

  it('tells a steering token it belongs to no organisation', async () => {
    const { get, steering } = await testCollector();
    expect(await json(await get('/api/v1/me', steering))).toEqual({
      role: 'steering',
      organisationId: null,
      organisationName: null,
      minimumN: 10,
      person: null,
    });
  });

  it('tells the minimum number of answers the collector is configured with (MIN_PUBLIC_N)', async () => {
    const { get, tokenA } = await testCollector({ minPublicN: 3 });
    expect(await json(await get('/api/v1/me', tokenA))).toMatchObject({ minimumN: 3 });
  });

  it('answers 401 without a valid token', async () => {
    const { get } = await testCollector();
    expect((await get('/api/v1/me')).status).toBe(401);
    expect((await get('/api/v1/me', 'vof_nope')).status).toBe(401);
  });
});
