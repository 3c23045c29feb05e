import { RedactRequestSchema, TagSchema, TriageChangeSchema } from '@vo-feedback/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { comment } from '../test/fixtures.ts';
import { DashboardApi } from './api.ts';
import {
  changeFor,
  cleanTag,
  firstWords,
  isTriageStatus,
  MAX_NOTE,
  MAX_REDACT,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MIN_REDACT,
  TRIAGE_STATUSES,
} from './triage.ts';

describe('the triage rules', () => {
  it('are the limits the contract’s schemas enforce', () => {
    for (const status of TRIAGE_STATUSES) {
      expect(TriageChangeSchema.safeParse({ status }).success).toBe(true);
    }
    const tags = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag ${i}`);
    expect(TriageChangeSchema.safeParse({ tags: tags.slice(0, MAX_TAGS) }).success).toBe(true);
    expect(TriageChangeSchema.safeParse({ tags }).success).toBe(false);
    expect(TriageChangeSchema.safeParse({ note: 'x'.repeat(MAX_NOTE) }).success).toBe(true);
    expect(TriageChangeSchema.safeParse({ note: 'x'.repeat(MAX_NOTE + 1) }).success).toBe(false);
    expect(TagSchema.safeParse('x'.repeat(MAX_TAG_LENGTH)).success).toBe(true);
    expect(TagSchema.safeParse('x'.repeat(MAX_TAG_LENGTH + 1)).success).toBe(false);
    expect(RedactRequestSchema.safeParse({ text: 'x'.repeat(MIN_REDACT) }).success).toBe(true);
    expect(RedactRequestSchema.safeParse({ text: 'x'.repeat(MIN_REDACT - 1) }).success).toBe(false);
    expect(RedactRequestSchema.safeParse({ text: 'x'.repeat(MAX_REDACT + 1) }).success).toBe(false);
  });

  it('accept the tags the contract accepts, trimmed', () => {
    for (const value of [' formulier ', 'te lang', 'x'.repeat(41), '', '   ', 'a\u0007b', 'é']) {
      const parsed = TagSchema.safeParse(value);
      expect(cleanTag(value)).toBe(parsed.success ? parsed.data : undefined);
    }
  });

  it('know a status from anything else', () => {
    expect(isTriageStatus('in-progress')).toBe(true);
    expect(isTriageStatus('')).toBe(false);
    expect(isTriageStatus(null)).toBe(false);
  });

  it('change only what an action changes', () => {
    const item = comment('Tekst', { status: 'new', tags: ['formulier'] });
    expect(changeFor(item, { kind: 'status', status: 'done' })).toEqual({ status: 'done' });
    expect(changeFor(item, { kind: 'add-tag', tag: 'wachttijd' })).toEqual({
      tags: ['formulier', 'wachttijd'],
    });
    expect(changeFor(item, { kind: 'add-tag', tag: 'formulier' })).toBe(null);
    expect(changeFor(item, { kind: 'remove-tag', tag: 'formulier' })).toEqual({ tags: [] });
    expect(changeFor(item, { kind: 'remove-tag', tag: 'wachttijd' })).toBe(null);
    const full = comment('Tekst', { tags: Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`) });
    expect(changeFor(full, { kind: 'add-tag', tag: 'nog één' })).toBe('too-many-tags');
  });

  it('name a comment by its first words', () => {
    expect(firstWords('Kort.')).toBe('Kort.');
    expect(firstWords('Het formulier was veel te lang en ik kon mijn gegevens niet bewaren.')).toBe(
      'Het formulier was veel te lang en ik kon…',
    );
    expect(firstWords('Een\n\nregel   verder')).toBe('Een regel verder');
    expect(firstWords('x'.repeat(60))).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('the triage requests', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  /** Records each request and answers `answer`. */
  function recording(answer: () => Response) {
    const sent: { url: string; init: RequestInit }[] = [];
    globalThis.fetch = (input, init) => {
      sent.push({ url: String(input), init: init ?? {} });
      return Promise.resolve(answer());
    };
    return sent;
  }

  it('PATCH a change, POST a text to remove and DELETE an answer, with the token in the header', async () => {
    const item = comment('Tekst');
    const sent = recording(() => Response.json(item));
    const api = new DashboardApi('vof_test');
    expect(await api.triage('dienst a', item.id, { status: 'read' })).toEqual(item);
    await api.redact('dienst a', item.id, 'Jan');
    await api.tags('dienst a');
    globalThis.fetch = (input, init) => {
      sent.push({ url: String(input), init: init ?? {} });
      return Promise.resolve(new Response(null, { status: 204 }));
    };
    await api.erase('dienst a', item.id);
    expect(sent.map(({ url, init }) => [init.method, url, init.body])).toEqual([
      ['PATCH', `/api/v1/services/dienst%20a/feedback/${item.id}`, '{"status":"read"}'],
      ['POST', `/api/v1/services/dienst%20a/feedback/${item.id}/redact`, '{"text":"Jan"}'],
      ['GET', '/api/v1/services/dienst%20a/tags', undefined],
      ['DELETE', `/api/v1/services/dienst%20a/feedback/${item.id}`, undefined],
    ]);
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      authorization: 'Bearer vof_test',
      'content-type': 'application/json',
    });
    expect(sent[2]!.init.headers).not.toHaveProperty('content-type');
  });

  it('turn a refusal into an ApiError with its status', async () => {
    recording(() =>
      Response.json({ detail: 'The text does not occur in the comment.' }, { status: 422 }),
    );
    const api = new DashboardApi('vof_test');
    await expect(api.redact('a', 'b', 'zz')).rejects.toMatchObject({
      status: 422,
      message: 'The text does not occur in the comment.',
    });
  });
});
