import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../test-support/webhook-receiver.ts';
import { httpSender, type WebhookRequest } from './webhook-sender.ts';

// Server-side request forgery: without ALLOW_INSECURE_WEBHOOKS a request goes only over https to
// a name whose every address is public, checked at each attempt by the socket's own lookup.

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const request = (url: string): WebhookRequest => ({
  url,
  body: '{"type":"feedback.created"}',
  headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x' },
  timeoutMs: 2_000,
});

describe('the webhook sender', () => {
  it('refuses a receiver on 127.0.0.1 without ALLOW_INSECURE_WEBHOOKS, and reaches it with it', async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const strict = httpSender({ allowInsecure: false });
    const https = receiver.url.replace('http:', 'https:');
    expect(await strict(request(receiver.url))).toEqual({
      error: 'refused: only https receivers are allowed (ALLOW_INSECURE_WEBHOOKS is off)',
    });
    expect(await strict(request(https))).toEqual({
      error: 'refused: 127.0.0.1 is not a public address',
    });
    // A name that resolves to loopback: refused at the lookup, before any connection.
    const byName = await strict(request(https.replace('127.0.0.1', 'localhost')));
    expect(byName.error).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
    );
    expect(receiver.received).toEqual([]);

    expect(await httpSender({ allowInsecure: true })(request(receiver.url))).toEqual({
      statusCode: 204,
    });
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses a name with any private address, checked at the attempt (DNS rebinding)', async () => {
    const answers: Record<string, string[]> = {
      'mixed.example.be': ['93.184.216.34', '10.0.0.7'],
      'rebound.example.be': ['169.254.169.254'],
      'v6.example.be': ['fd00::7'],
    };
    let lookups = 0;
    const send = httpSender({
      allowInsecure: false,
      resolveAll: async (hostname) => {
        lookups += 1;
        return (answers[hostname] ?? []).map((address) => ({
          address,
          family: address.includes(':') ? 6 : 4,
        }));
      },
    });
    expect((await send(request('https://mixed.example.be/hook'))).error).toBe(
      'refused: mixed.example.be resolves to 10.0.0.7, which is not a public address',
    );
    expect((await send(request('https://rebound.example.be/hook'))).error).toMatch(
      /169\.254\.169\.254/,
    );
    expect((await send(request('https://v6.example.be/hook'))).error).toMatch(/fd00::7/);
    // Each attempt resolves again: what was public at creation may not be now.
    expect(lookups).toBe(3);
  });

  it('keeps connections to a receiver: at most 16 at once, reused, closed by close()', async () => {
    const receiver = await startWebhookReceiver({ delayMs: 20 });
    closers.push(receiver.close);
    const send = httpSender({ allowInsecure: true });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(await send(request(receiver.url))).toEqual({ statusCode: 204 });
      }
      expect(receiver.connections().opened).toBe(1);
      // 40 at once: 16 connections carry them, the others wait for one of those.
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => send(request(receiver.url))),
      );
      expect(answers.every((answer) => answer.statusCode === 204)).toBe(true);
      expect(receiver.received).toHaveLength(45);
      expect(receiver.connections().opened).toBe(16);
      expect(receiver.connections().open).toBe(16);
    } finally {
      send.close();
    }
    const deadline = Date.now() + 2_000;
    while (receiver.connections().open > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(receiver.connections().open).toBe(0);
  });

  it('opens a new connection when the receiver closes each one after its answer', async () => {
    const receiver = await startWebhookReceiver({ close: true });
    closers.push(receiver.close);
    const send = httpSender({ allowInsecure: true });
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(await send(request(receiver.url))).toEqual({ statusCode: 204 });
      }
      expect(receiver.connections().opened).toBe(5);
    } finally {
      send.close();
    }
  });

  it('checks every new connection of a kept pool, not only the first', async () => {
    let answer = '127.0.0.1';
    let lookups = 0;
    const send = httpSender({
      allowInsecure: false,
      resolveAll: async () => {
        lookups += 1;
        return [{ address: answer, family: 4 }];
      },
    });
    try {
      // Refused at the first connection and at the next: the pool adds no way around the check.
      for (const address of ['127.0.0.1', '10.1.2.3']) {
        answer = address;
        expect((await send(request('https://hooks.example.be/vo'))).error).toBe(
          `refused: hooks.example.be resolves to ${address}, which is not a public address`,
        );
      }
      expect(lookups).toBe(2);
    } finally {
      send.close();
    }
  });
});
