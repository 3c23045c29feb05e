import { expect } from '@open-wc/testing';
import { afterEach, describe, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { collector, queue } from '../test/helpers.ts';
import { QUEUE_KEY, deliver, flushQueue, uuidv7 } from './delivery.ts';

describe('uuidv7', () => {
  it('is an RFC 9562 version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const time = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(time).to.be.within(before, after);
  });

  it('sorts in creation order across milliseconds, and never repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(uuidv7());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect([...ids].sort()).to.deep.equal(ids);
    const many = new Set(Array.from({ length: 10_000 }, uuidv7));
    expect(many.size).to.equal(10_000);
  });
});

describe('deliver: the retry policy', () => {
  afterEach(() => commands.stopScriptedServer());

  const answer = (id: string) => ({
    id,
    serviceId: 'test-dienst',
    rating: 4,
    lang: 'nl' as const,
    page: '/',
  });

  it('retries a 503 after the Retry-After it was given, then stops at the 2xx', async () => {
    const url = await commands.startScriptedServer(
      [
        { status: 503, retryAfter: 2 },
        { status: 429, retryAfter: 0 },
      ],
      location.origin,
    );
    const result = await deliver(`${url}/api/v1/feedback`, answer(uuidv7()));
    expect(result).to.equal('sent');
    const times = await commands.scriptedRequestTimes();
    expect(times).to.have.length(3);
    expect(times[1]! - times[0]!).to.be.at.least(1900);
    expect(localStorage.getItem(QUEUE_KEY)).to.equal(null);
  });

  it('keeps the answer queued after three 5xx, and does not wait for a long Retry-After', async () => {
    const url = await commands.startScriptedServer(
      [{ status: 500 }, { status: 502 }, { status: 504 }, { status: 503, retryAfter: 3600 }],
      location.origin,
    );
    const id = uuidv7();
    expect(await deliver(`${url}/api/v1/feedback`, answer(id))).to.equal('queued');
    const times = await commands.scriptedRequestTimes();
    expect(times).to.have.length(3);
    // The default backoff: about 1 s, then about 2 s.
    expect(times[1]! - times[0]!).to.be.within(900, 1950);
    expect(times[2]! - times[1]!).to.be.within(1950, 4000);
    const queued = JSON.parse(localStorage.getItem(QUEUE_KEY)!);
    expect(queued.map((e: { id: string }) => e.id)).to.deep.equal([id]);

    // The next flush meets the long Retry-After: one request, and the answer stays queued.
    await flushQueue();
    expect(await commands.scriptedRequestTimes()).to.have.length(4);
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!)).to.have.length(1);
    // And the one after that is accepted: the queue is empty.
    await flushQueue();
    expect(localStorage.getItem(QUEUE_KEY)).to.equal(null);
  });

  it('gives up at once on a final 4xx, and removes the answer from the queue', async () => {
    const url = await commands.startScriptedServer([{ status: 409 }], location.origin);
    expect(await deliver(`${url}/api/v1/feedback`, answer(uuidv7()))).to.equal('failed');
    expect(await commands.scriptedRequestTimes()).to.have.length(1);
    expect(localStorage.getItem(QUEUE_KEY)).to.equal(null);
  });
});

describe('the offline queue keeps an answer a week at most', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    return commands.stopScriptedServer();
  });

  const DAY = 24 * 3600 * 1000;

  /** Puts answers in the queue as if they had been queued `daysAgo` days ago. */
  function queued(url: string, ...daysAgo: number[]): string[] {
    const entries = daysAgo.map((days) => {
      const id = uuidv7();
      const body = { id, serviceId: collector.serviceId, rating: 3, lang: 'nl', page: '/' };
      return { id, url, body: JSON.stringify(body), at: Date.now() - days * DAY };
    });
    localStorage.setItem(QUEUE_KEY, JSON.stringify(entries));
    return entries.map((entry) => entry.id);
  }

  it('never sends an answer queued 8 days ago, and sends one queued 6 days ago', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    const [old, recent] = queued(`${collector.url}/api/v1/feedback`, 8, 6);
    await flushQueue();
    const posted = fetchSpy.mock.calls.map(([, init]) => JSON.parse(String(init?.body)).id);
    expect(posted).to.deep.equal([recent]);
    expect(await commands.countFeedback(recent!)).to.equal(1);
    expect(await commands.countFeedback(old!)).to.equal(0);
    expect(localStorage.getItem(QUEUE_KEY)).to.equal(null);
  });

  it('removes an expired answer from the device even when nothing can be sent', async () => {
    const url = await commands.startScriptedServer(
      [{ status: 503, retryAfter: 3600 }],
      location.origin,
    );
    // Dated 8 days ago, 6 days ago, and 8 days ahead (a clock that was set wrong).
    const [, recent] = queued(`${url}/api/v1/feedback`, 8, 6, -8);
    await flushQueue();
    expect(await commands.scriptedRequestTimes()).to.have.length(1);
    expect(queue().map((entry) => entry.id)).to.deep.equal([recent]);
  });

  it('drops the expired answers when a new one is queued, and keeps the new one', async () => {
    const url = await commands.startScriptedServer(
      [{ status: 503, retryAfter: 3600 }],
      location.origin,
    );
    queued(`${url}/api/v1/feedback`, 8);
    const id = uuidv7();
    const answer = {
      id,
      serviceId: collector.serviceId,
      rating: 2,
      lang: 'nl' as const,
      page: '/',
    };
    expect(await deliver(`${url}/api/v1/feedback`, answer)).to.equal('queued');
    expect(queue().map((entry) => entry.id)).to.deep.equal([id]);
    expect(await commands.scriptedRequestTimes()).to.have.length(1);
  });
});
