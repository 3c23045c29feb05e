import { describe, expect, it } from 'vitest';
import { json, submission, testCollector } from '../test-support/fixtures.ts';
import { databaseProblems } from '../test-support/invariants.ts';

// Concurrent submissions share one transaction (SQLite's group commit): their rollups are added
// per rollup row for the whole batch. Whatever mix a batch holds, the rollups equal a recount.

const STEPS = ['start', 'gegevens', 'bevestiging'];
const OUTCOMES = [undefined, 'completed', 'rejected', 'error', 'info'];
const LANGS = ['nl', 'fr', 'en', 'de'];
const CHANNELS = [undefined, 'web', 'email', 'phone'];

describe('a batch of concurrent submissions', () => {
  it('keeps every rollup equal to a recount, with second posts of its own first posts in it', async () => {
    const { post, store, rowCount } = await testCollector();
    const sizes: number[] = [];
    store.observeIngestBatches((size) => sizes.push(size));
    const bodies = Array.from({ length: 60 }, (_, i) =>
      submission({
        rating: (i % 5) + 1,
        step: STEPS[i % 3],
        outcome: OUTCOMES[i % 5],
        lang: LANGS[i % 4],
        channel: CHANNELS[i % 4],
        ...(i % 5 < 3 ? { reasons: i % 2 ? ['too-slow'] : ['too-slow', 'other'] } : {}),
        ...(i % 3 === 0 ? { comment: `Opmerking ${i}` } : {}),
      }),
    );
    // Each first post with its change (another rating, step and reason) in the same moment.
    const changes = bodies.slice(0, 10).map((body, i) => ({
      ...body,
      rating: ((body.rating as number) % 5) + 1,
      step: STEPS[(i + 1) % 3],
      reasons: (body.rating as number) % 5 < 2 ? ['technical-problem'] : [],
    }));
    const responses = await Promise.all([...bodies, ...changes].map((body) => post(body)));
    const statuses = await Promise.all(
      responses.map(async (r) => `${r.status} ${(await json(r)).status}`),
    );
    expect(statuses.slice(0, 60).every((s) => s === '201 stored')).toBe(true);
    expect(statuses.slice(60).every((s) => s === '200 updated')).toBe(true);
    expect(await rowCount()).toBe(60);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(70);
    expect(await databaseProblems(store)).toEqual([]);

    // And the next batch adds to the same rollup rows.
    const more = await Promise.all(
      bodies.slice(10, 30).map((body) => post({ ...body, id: crypto.randomUUID() })),
    );
    expect(more.every((r) => r.status === 201)).toBe(true);
    expect(await databaseProblems(store)).toEqual([]);
  });
});
