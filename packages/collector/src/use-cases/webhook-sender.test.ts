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
});
