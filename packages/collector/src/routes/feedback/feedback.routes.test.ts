import { describe, expect, it } from 'vitest';
import { json, ORIGIN_A, submission, testCollector } from '../../test-support/fixtures.ts';

describe('POST /api/v1/feedback', () => {
  it('stores a valid submission and counts it in the summary', async () => {
    const { post, get, store, tokenA } = await testCollector();
    const body = submission({
      rating: 5,
      comment: '  Het formulier was duidelijk.  ',
      outcome: 'completed',
      step: 'bevestiging',
      page: '/aanvraag/bevestiging?dossier=12#top',
    });

    const response = await post(body);

    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({ id: body.id, status: 'stored' });
    const stored = await store.getFeedback(body.id);
    expect(stored).toMatchObject({
      serviceId: 'dienst-a',
      rating: 5,
      comment: 'Het formulier was duidelijk.',
      outcome: 'completed',
      step: 'bevestiging',
      page: '/aanvraag/bevestiging',
    });
    const summary = await json(await get('/api/v1/services/dienst-a/summary', tokenA));
    expect(summary).toMatchObject({
      responses: 1,
      ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 },
      mean: 5,
      csat: 1,
      comments: 1,
    });
  });

  it.each([
    ['id', { id: 'not-a-uuid' }],
    ['serviceId', { serviceId: 'Not A Service!' }],
    ['rating', { rating: 0 }],
    ['rating', { rating: 6 }],
    ['rating', { rating: 3.5 }],
    ['rating', { rating: '4' }],
    ['comment', { comment: 'x'.repeat(2001) }],
    ['comment', { comment: 42 }],
    ['lang', { lang: 'es' }],
    ['outcome', { outcome: 'finished' }],
    ['step', { step: 's'.repeat(65) }],
  ])('answers 400 naming the field %s for %j, and stores nothing', async (field, overrides) => {
    const { post, rowCount } = await testCollector();

    const response = await post(submission(overrides));

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json(response);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field })]),
    );
    expect(problem.errors[0].message).toMatch(/\w+ .+/);
    expect(await rowCount()).toBe(0);
  });

  it('answers 400 for a missing required field and names it', async () => {
    const { post } = await testCollector();
    const { rating: _dropped, ...withoutRating } = submission();
    const problem = await json(await post(withoutRating));
    expect(problem.errors).toEqual([
      { path: 'rating', message: 'Give the rating as a whole number from 1 to 5.' },
    ]);
  });

  it('rejects unknown fields with 400 and names them', async () => {
    const { post, rowCount } = await testCollector();
    const response = await post(submission({ email: 'jan@example.com' }));
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual([
      { path: 'email', message: 'Remove the unknown field: email.' },
    ]);
    expect(await rowCount()).toBe(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { post } = await testCollector();
    const response = await post('{"rating": 4,');
    expect(response.status).toBe(400);
    expect((await json(response)).detail).toMatch(/JSON/);
  });

  it('answers 404 for an unknown service, and stores nothing', async () => {
    const { post, rowCount } = await testCollector();
    const response = await post(submission({ serviceId: 'bestaat-niet' }));
    expect(response.status).toBe(404);
    expect((await json(response)).detail).toContain('bestaat-niet');
    expect(await rowCount()).toBe(0);
  });

  it('answers 404 for an inactive service', async () => {
    const { post, store, rowCount } = await testCollector();
    await store.updateService('dienst-a', { active: false });
    expect((await post(submission())).status).toBe(404);
    expect(await rowCount()).toBe(0);
  });

  it('stores the same id once: a retry answers 200 unchanged and counts nothing twice', async () => {
    const { post, get, tokenA, rowCount } = await testCollector();
    const body = submission({ rating: 2 });

    const first = await post(body);
    const second = await post(body);

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await json(second)).toEqual({ id: body.id, status: 'unchanged' });
    expect(await rowCount()).toBe(1);
    const summary = await json(await get('/api/v1/services/dienst-a/summary', tokenA));
    expect(summary.responses).toBe(1);
    expect(summary.ratings['2']).toBe(1);
  });

  it('answers 415 to a body that is not application/json', async () => {
    const { app, rowCount } = await testCollector();
    const response = await app.request('/api/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(submission()),
    });
    expect(response.status).toBe(415);
    expect(await rowCount()).toBe(0);
  });

  it('answers 403 to a browser origin the service does not allow', async () => {
    const { post, rowCount } = await testCollector();
    const response = await post(submission(), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await rowCount()).toBe(0);
    const allowed = await post(submission(), { origin: ORIGIN_A });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
  });
});
