import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectorProcess, type CollectorProcess } from '../e2e/support.ts';

// The body timeout: a client that sends its headers at once and then its body a byte at a time
// (never idle long enough for an idle timeout) is cut off by the request timeout (30 s in
// server.ts), while everyone else is served. The headers timeout is in hostile.test.ts.

let collector: CollectorProcess;

beforeAll(async () => {
  collector = await startCollectorProcess({ RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  expect(await collector.stop()).toBe(0);
});

describe('slow bodies', () => {
  it('a body dribbled a byte every second is cut off by the request timeout; others are served', async () => {
    const body = JSON.stringify({
      id: randomUUID(),
      serviceId: 'demo-dienst',
      rating: 3,
      lang: 'nl',
    });
    const slow: { socket: Socket; answer: string; closed: boolean }[] = [];
    for (let i = 0; i < 20; i += 1) {
      const socket = connect(collector.port, '127.0.0.1');
      const entry = { socket, answer: '', closed: false };
      socket.on('data', (chunk) => (entry.answer += chunk.toString('latin1')));
      socket.on('error', () => {});
      socket.on('close', () => (entry.closed = true));
      socket.write(
        `POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      );
      slow.push(entry);
    }
    let sent = 0;
    const drip = setInterval(() => {
      // Never the last byte: the request stays incomplete.
      if (sent < body.length - 1) {
        for (const { socket } of slow) if (!socket.destroyed) socket.write(body[sent]!);
        sent += 1;
      }
    }, 1_000);
    try {
      const deadline = Date.now() + 40_000;
      let served = 0;
      while (slow.some((s) => !s.closed) && Date.now() < deadline) {
        const response = await fetch(`${collector.url}/api/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            id: randomUUID(),
            serviceId: 'demo-dienst',
            rating: 5,
            lang: 'nl',
          }),
        });
        expect(response.status).toBe(201);
        served += 1;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(served).toBeGreaterThan(20);
      expect(slow.filter((s) => s.closed)).toHaveLength(20);
      // Node answers 408 before it closes; the slow requests stored nothing.
      for (const { answer } of slow) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(sent).toBeLessThan(body.length - 1);
    } finally {
      clearInterval(drip);
      for (const { socket } of slow) socket.destroy();
    }
  }, 60_000);
});
