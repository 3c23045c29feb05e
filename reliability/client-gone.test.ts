import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';

// A client that goes away halfway through its upload (a closed tab, a lost train connection) is
// not a database outage: the log says the client went away, nothing is counted as a 5xx, and the
// next requests are served.

let collector: CollectorProcess;

beforeAll(async () => {
  collector = await startCollectorProcess({ RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  expect(await collector.stop()).toBe(0);
});

/** Sends the headers and half the body of a submission, then drops the connection. */
async function abandonUpload(how: 'close' | 'reset'): Promise<void> {
  const body = JSON.stringify({
    id: randomUUID(),
    serviceId: 'demo-dienst',
    rating: 4,
    lang: 'nl',
    comment: 'x'.repeat(400),
  });
  const socket = connect(collector.port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(
    `POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, body.length / 2)}`,
  );
  // Long enough for the server to be reading the body when the client goes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (how === 'reset') socket.resetAndDestroy();
  else socket.destroy();
  await new Promise((resolve) => socket.once('close', resolve));
}

function logLines(): Array<Record<string, unknown>> {
  return collector
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('a client that aborts its upload', () => {
  it('is logged as gone, never as a database error or a 5xx, and the next requests work', async () => {
    for (let i = 0; i < 3; i += 1) {
      await abandonUpload('close');
      await abandonUpload('reset');
    }
    const deadline = Date.now() + 5_000;
    while (
      logLines().filter((line) => line.message === 'client went away').length < 6 &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const lines = logLines();
    expect(collector.output()).not.toContain('database unavailable');
    const gone = lines.filter((line) => line.message === 'client went away');
    expect(gone).toHaveLength(6);
    for (const line of gone) {
      expect(['info', 'warn']).toContain(line.level);
      expect(line.path).toBe('/api/v1/feedback');
    }
    const failures = lines.filter(
      (line) => line.level === 'error' || (typeof line.status === 'number' && line.status >= 500),
    );
    expect(failures).toEqual([]);

    const next = await fetch(`${collector.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), serviceId: 'demo-dienst', rating: 5, lang: 'nl' }),
    });
    expect(next.status).toBe(201);
    expect((await fetch(`${collector.url}/readyz`)).status).toBe(200);
  });
});
