import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProblemError, renderProblem } from './problem.ts';
import { readJsonBody } from './body.ts';

/** A route that answers the JSON body it read, and each refusal as the app does: problem+json. */
function echo(limits: Parameters<typeof readJsonBody>[1]) {
  const app = new Hono();
  app.post('/', async (c) => c.json({ value: await readJsonBody(c, limits) }));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return renderProblem(c, error);
    throw error;
  });
  return (body: string | Uint8Array, type = 'application/json') =>
    app.request('/', { method: 'POST', body, headers: { 'content-type': type } });
}

describe('readJsonBody, the request-body reader of ingest, form and admin', () => {
  const post = echo({ accept: ['application/json'], maxBytes: 32 });

  it('answers the parsed JSON value, whatever the parameters of the content type', async () => {
    const response = await post('{"a": [1, "é"]}', 'Application/JSON; charset=utf-8');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ value: { a: [1, 'é'] } });
  });

  it('refuses another content type with 415, naming the ones it takes', async () => {
    const response = await post('{}', 'text/plain');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: '/problems/unsupported-media-type',
      detail: 'Send the body as application/json.',
    });
  });

  it('refuses a body above maxBytes with 413, with the hint the route gives', async () => {
    expect((await post(`"${'a'.repeat(30)}"`)).status).toBe(200);
    const response = await post(`"${'a'.repeat(31)}"`);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      type: '/problems/payload-too-large',
      detail: 'Send at most 32 bytes.',
    });
    const hinted = echo({ accept: ['application/json'], maxBytes: 4, tooLargeHint: 'be brief' });
    expect(await (await hinted('"abcd"')).json()).toMatchObject({
      detail: 'Send at most 4 bytes; be brief.',
    });
  });

  it('refuses bytes that are not UTF-8 with 400, and text that is not JSON with 400', async () => {
    const latin1 = await post(new Uint8Array([0x22, 0xe9, 0x22]));
    expect(latin1.status).toBe(400);
    expect(await latin1.json()).toMatchObject({
      type: '/problems/invalid-body',
      errors: [{ path: '(body)', message: 'Encode the body as UTF-8.' }],
    });
    const broken = await post('{"a":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      type: '/problems/invalid-body',
      errors: [{ path: '(body)', message: 'Send valid JSON.' }],
    });
  });
});
