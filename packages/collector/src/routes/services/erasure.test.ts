import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  AnnualReportSchema,
  FeedbackItemSchema,
  FeedbackPageSchema,
  ProblemSchema,
  PublicServiceStatsSchema,
  SubmissionAckSchema,
  SummarySchema,
} from '@vo-feedback/shared';
import { json, submission, testCollector } from '../../test-support/fixtures.ts';
import { databaseProblems } from '../../test-support/invariants.ts';

// Erasure (a data-subject request) and redaction by the provider: every figure drops exactly the
// erased submission at once, a replay of its id stores nothing, the report's cached themes are
// counted again, and the audit says who did it to which id — never the text.

type Collector = Awaited<ReturnType<typeof testCollector>>;

const NOW = Date.parse('2026-06-15T10:00:00Z');

function send(
  collector: Collector,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
) {
  return collector.app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const feedbackPath = (id: string, serviceId = 'dienst-a') =>
  `/api/v1/services/${serviceId}/feedback/${id}`;

/** The one to erase: rated 2, rejected, at the counter, with two reasons and a comment. */
const erased = {
  ...submission({
    rating: 2,
    outcome: 'rejected',
    channel: 'counter',
    reasons: ['technical-problem', 'too-slow'],
  }),
  comment: 'Het wachtwoord werd niet aanvaard, zegt Jan Peeters uit Gent.',
};

/** The rest of dienst-a's submissions, and one of dienst-b. */
const others = [
  submission({
    rating: 2,
    comment: 'Het wachtwoord werd opnieuw niet aanvaard.',
    outcome: 'rejected',
    reasons: ['technical-problem'],
  }),
  submission({
    rating: 5,
    comment: 'Het wachtwoord werkte meteen.',
    outcome: 'completed',
    channel: 'counter',
  }),
  submission({ rating: 4, outcome: 'completed' }),
  submission({
    rating: 1,
    comment: 'Onduidelijk.',
    channel: 'phone',
    reasons: ['unclear-information'],
  }),
  submission({ serviceId: 'dienst-b', rating: 3, comment: 'Van B.' }),
];

async function collectorWith(submissions: ReturnType<typeof submission>[]) {
  const collector = await testCollector({ now: () => NOW, minPublicN: 1 });
  for (const body of submissions) expect((await collector.post(body)).status).toBe(201);
  return collector;
}

/** Everything a provider, steering and the public read of dienst-a. */
async function figures(collector: Collector) {
  const { tokenA } = collector;
  const read = async (path: string, token?: string) => {
    const response = await collector.get(path, token);
    expect(response.status, path).toBe(200);
    return response;
  };
  const summary = await json(
    await read('/api/v1/services/dienst-a/summary', tokenA),
    SummarySchema,
  );
  const report = await json(
    await read('/api/v1/reports/annual?year=2026&organisation=org-a', tokenA),
    AnnualReportSchema,
  );
  const publicStats = await json(
    await read('/api/v1/public/services/dienst-a/stats?year=2026'),
    PublicServiceStatsSchema,
  );
  const listing = await json(
    await read('/api/v1/services/dienst-a/feedback?limit=200', tokenA),
    FeedbackPageSchema,
  );
  const csv: Record<string, string>[] = parse(
    Buffer.from(
      await (await read('/api/v1/services/dienst-a/export?format=csv', tokenA)).arrayBuffer(),
    ),
    { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' },
  );
  const exportJson = (await json(
    await read('/api/v1/services/dienst-a/export?format=json', tokenA),
  )) as { id: string }[];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    await (await read('/api/v1/services/dienst-a/export?format=xlsx', tokenA)).arrayBuffer(),
  );
  const sheet = workbook.getWorksheet('Feedback')!;
  const xlsxIds: unknown[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1)
    xlsxIds.push(sheet.getRow(row).getCell(1).value);
  return {
    summary,
    service: report.organisations[0]!.services.find((s) => s.serviceId === 'dienst-a')!,
    report,
    publicStats,
    listing: listing.items.map((item) => item.id),
    csvIds: csv.map((row) => row.id),
    jsonIds: exportJson.map((row) => row.id),
    xlsxIds,
  };
}

const reasonCount = (list: { reason: string; count: number }[], reason: string) =>
  list.find((r) => r.reason === reason)?.count ?? 0;
const channelResponses = (list: { channel: string; responses: number }[], channel: string) =>
  list.find((c) => c.channel === channel)?.responses ?? 0;
const words = (service: { themes: { words: { term: string }[] } }) =>
  service.themes.words.map((w) => w.term);

describe('DELETE /api/v1/services/:serviceId/feedback/:feedbackId', () => {
  it('takes exactly that submission out of every figure, export and listing, at once', async () => {
    const collector = await collectorWith([erased, ...others]);
    const before = await figures(collector);
    // The report's themes are cached now, counted with the comment about to go.
    expect(words(before.service)).toContain('wachtwoord');
    expect(before.listing).toContain(erased.id);

    const response = await send(collector, 'DELETE', feedbackPath(erased.id), collector.tokenA);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = await figures(collector);

    // Each figure lost one response rated 2, rejected, at the counter, with a comment and two reasons.
    const { summary } = after;
    expect(summary.responses).toBe(before.summary.responses - 1);
    expect(summary.ratings).toEqual({
      ...before.summary.ratings,
      '2': before.summary.ratings['2'] - 1,
    });
    expect(summary.comments).toBe(before.summary.comments - 1);
    expect(summary.byOutcome.rejected!.responses).toBe(
      before.summary.byOutcome.rejected!.responses - 1,
    );
    expect(summary.byOutcome.completed).toEqual(before.summary.byOutcome.completed);
    expect(channelResponses(summary.byChannel, 'counter')).toBe(
      channelResponses(before.summary.byChannel, 'counter') - 1,
    );
    expect(channelResponses(summary.byChannel, 'web')).toBe(
      channelResponses(before.summary.byChannel, 'web'),
    );
    expect(reasonCount(summary.byReason, 'technical-problem')).toBe(
      reasonCount(before.summary.byReason, 'technical-problem') - 1,
    );
    expect(reasonCount(summary.byReason, 'too-slow')).toBe(
      reasonCount(before.summary.byReason, 'too-slow') - 1,
    );
    expect(reasonCount(summary.byReason, 'unclear-information')).toBe(1);

    const service = after.service;
    expect(service.current.responses).toBe(before.service.current.responses - 1);
    expect(service.current.ratings['2']).toBe(before.service.current.ratings['2'] - 1);
    expect(service.current.comments).toBe(before.service.current.comments - 1);
    expect(channelResponses(service.byChannel, 'counter')).toBe(
      channelResponses(before.service.byChannel, 'counter') - 1,
    );
    expect(reasonCount(service.byReason, 'too-slow')).toBe(
      reasonCount(before.service.byReason, 'too-slow') - 1,
    );
    // The cached themes were forgotten: "wachtwoord" is now in two comments, under the minimum.
    expect(words(service)).not.toContain('wachtwoord');
    expect(after.report.organisations[0]!.current.responses).toBe(
      before.report.organisations[0]!.current.responses - 1,
    );

    expect(after.publicStats).toMatchObject({ suppressed: false });
    if (before.publicStats.suppressed || after.publicStats.suppressed)
      throw new Error('suppressed');
    expect(after.publicStats.responses).toBe(before.publicStats.responses - 1);
    expect(after.publicStats.ratings['2']).toBe(before.publicStats.ratings['2'] - 1);

    for (const ids of ['listing', 'csvIds', 'jsonIds', 'xlsxIds'] as const) {
      expect(before[ids], ids).toContain(erased.id);
      expect(after[ids], ids).toEqual(before[ids].filter((id) => id !== erased.id));
    }

    // And everything equals a collector that never received it.
    const control = await figures(await collectorWith(others));
    expect(after).toEqual(control);
    expect(await databaseProblems(collector.store)).toEqual([]);
  });

  it('answers a replay of the erased id 200 unchanged and stores nothing', async () => {
    const collector = await collectorWith([erased, ...others]);
    expect(
      (await send(collector, 'DELETE', feedbackPath(erased.id), collector.tokenA)).status,
    ).toBe(204);
    const rows = await collector.rowCount();
    const summary = await json(
      await collector.get('/api/v1/services/dienst-a/summary', collector.tokenA),
    );
    for (const replay of [erased, { ...erased, rating: 5, comment: 'Toch tevreden.' }]) {
      const response = await collector.post(replay);
      expect(response.status).toBe(200);
      expect(await json(response, SubmissionAckSchema)).toEqual({
        id: erased.id,
        status: 'unchanged',
      });
    }
    expect(await collector.rowCount()).toBe(rows);
    expect(
      await json(await collector.get('/api/v1/services/dienst-a/summary', collector.tokenA)),
    ).toEqual(summary);
    expect(await collector.store.getFeedback(erased.id)).toBeUndefined();
    expect(await collector.store.isErased(erased.id)).toBe(true);
    expect(await databaseProblems(collector.store)).toEqual([]);
  });

  it('takes a comment whose text retention removed out of the comment count as well', async () => {
    const collector = await collectorWith([erased, ...others]);
    const before = await figures(collector);
    // Retention removes every comment's text and keeps the count.
    expect(await collector.store.pruneComments(NOW + 1)).toBe(5);
    expect((await figures(collector)).summary.comments).toBe(before.summary.comments);
    expect(
      (await send(collector, 'DELETE', feedbackPath(erased.id), collector.tokenA)).status,
    ).toBe(204);
    const after = await figures(collector);
    expect(after.summary.comments).toBe(before.summary.comments - 1);
    expect(after.summary.responses).toBe(before.summary.responses - 1);
    expect(await databaseProblems(collector.store, { afterRetention: true })).toEqual([]);
  });

  it('erases a submission without a comment too; a second erasure, another service’s id or an unknown id is 404', async () => {
    const ratingOnly = others[2]!;
    const ofB = others[4]!;
    const collector = await collectorWith([erased, ...others]);
    expect(
      (await send(collector, 'DELETE', feedbackPath(ratingOnly.id), collector.tokenA)).status,
    ).toBe(204);
    expect(await collector.store.getFeedback(ratingOnly.id)).toBeUndefined();
    const notThere = async (path: string) => {
      const response = await send(collector, 'DELETE', path, collector.tokenA);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      return json(response, ProblemSchema);
    };
    expect(await notThere(feedbackPath(ratingOnly.id))).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    expect(await notThere(feedbackPath(ofB.id))).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    expect(await notThere(feedbackPath(randomUUID()))).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    expect(await notThere(feedbackPath('geen-uuid'))).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    expect(await notThere(feedbackPath(erased.id, 'bestaat-niet'))).toMatchObject({
      type: '/problems/unknown-service',
    });
    // Organisation B's submission is still there.
    expect(await collector.store.getFeedback(ofB.id)).toBeDefined();
    expect(await databaseProblems(collector.store)).toEqual([]);
  });

  it('is for the provider of the service only', async () => {
    const collector = await collectorWith([erased]);
    const path = feedbackPath(erased.id);
    expect((await send(collector, 'DELETE', path, undefined)).status).toBe(401);
    expect((await send(collector, 'DELETE', path, collector.steering)).status).toBe(403);
    expect((await send(collector, 'DELETE', path, collector.tokenB)).status).toBe(403);
    expect(await collector.store.getFeedback(erased.id)).toBeDefined();
  });

  it('records who erased which id in the audit, with the rating and no text', async () => {
    const collector = await collectorWith([erased, ...others]);
    expect(
      (await send(collector, 'DELETE', feedbackPath(erased.id), collector.tokenA)).status,
    ).toBe(204);
    const entries = await collector.store.auditEntries(0, NOW + 1);
    expect(entries.filter((entry) => entry.action === 'feedback.erased')).toEqual([
      {
        id: expect.any(String),
        at: NOW,
        actor: collector.actorA,
        action: 'feedback.erased',
        target: `feedback:${erased.id}`,
        details: { serviceId: 'dienst-a', rating: 2 },
      },
    ]);
    const audit = JSON.stringify(entries);
    for (const text of [erased.comment, 'wachtwoord', 'Peeters']) {
      expect(audit).not.toContain(text);
    }
  });
});

describe('POST /api/v1/services/:serviceId/feedback/:feedbackId/redact', () => {
  const named = (comment: string) => ({ ...submission({ rating: 3 }), comment });
  const comments = [
    named('Jan Peeters belde drie keer, en Jan Peeters wacht nog steeds.'),
    named('Mevrouw zei dat Peeters gelijk had.'),
    named('Peeters en zijn buurman vonden het formulier niet.'),
  ];
  const redact = (collector: Collector, id: string, text: unknown, token = collector.tokenA) =>
    send(collector, 'POST', `${feedbackPath(id)}/redact`, token, { text });

  it('replaces every occurrence by [verwijderd], keeps the figures, and the report’s themes are counted again', async () => {
    const collector = await collectorWith(comments);
    const before = await figures(collector);
    expect(words(before.service)).toContain('peeters');

    const response = await redact(collector, comments[0]!.id, 'Jan Peeters');
    expect(response.status).toBe(200);
    const item = await json(response, FeedbackItemSchema);
    expect(item).toMatchObject({
      id: comments[0]!.id,
      comment: '[verwijderd] belde drie keer, en [verwijderd] wacht nog steeds.',
      redactions: 2,
      status: 'new',
    });
    // Once more, for the other comments' word, in the second one.
    expect((await redact(collector, comments[1]!.id, 'Peeters')).status).toBe(200);

    const after = await figures(collector);
    const listed = await json(
      await collector.get('/api/v1/services/dienst-a/feedback', collector.tokenA),
      FeedbackPageSchema,
    );
    expect(listed.items.find((i) => i.id === comments[0]!.id)).toEqual(item);
    const exported = await (
      await collector.get('/api/v1/services/dienst-a/export?format=csv', collector.tokenA)
    ).text();
    expect(exported).toContain('[verwijderd] belde drie keer');
    expect(exported).not.toContain('Jan Peeters');
    // The figures do not change; the themes were counted again without the removed name.
    expect(after.summary).toEqual(before.summary);
    expect(after.publicStats).toEqual(before.publicStats);
    expect(after.service.current).toEqual(before.service.current);
    expect(words(after.service)).not.toContain('peeters');
    expect(await databaseProblems(collector.store)).toEqual([]);
  });

  it('keeps the text removed when the widget replays the comment as it was sent, in and after its window', async () => {
    const clock = { now: NOW };
    const collector = await testCollector({ now: () => clock.now, minPublicN: 1 });
    const sent = comments[0]!;
    expect((await collector.post(sent)).status).toBe(201);
    clock.now += 60_000;
    expect((await redact(collector, sent.id, 'Jan Peeters')).status).toBe(200);
    const removed = '[verwijderd] belde drie keer, en [verwijderd] wacht nog steeds.';
    // A retry of the same submission (the widget's queue), within the 30 minutes and after.
    for (const later of [5 * 60_000, 60 * 60_000]) {
      clock.now = NOW + later;
      const replay = await collector.post(sent);
      expect(replay.status).toBe(200);
      expect(await json(replay, SubmissionAckSchema)).toEqual({ id: sent.id, status: 'unchanged' });
      expect((await collector.store.getFeedback(sent.id))?.comment).toBe(removed);
    }
    // A real change within the window is still an update, and replaces the comment.
    clock.now = NOW + 10 * 60_000;
    const changed = await collector.post({ ...sent, comment: 'Toch opgelost.' });
    expect(changed.status).toBe(200);
    expect((await json(changed, SubmissionAckSchema)).status).toBe('updated');
    expect((await collector.store.getFeedback(sent.id))?.comment).toBe('Toch opgelost.');
    expect(await databaseProblems(collector.store)).toEqual([]);
  });

  it('answers 422 text-not-found when the text does not occur (compared exactly), and changes nothing', async () => {
    const collector = await collectorWith(comments);
    for (const text of ['jan peeters', 'Jan  Peeters', 'Piet']) {
      const response = await redact(collector, comments[0]!.id, text);
      expect(response.status, text).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json(response, ProblemSchema);
      expect(problem).toMatchObject({ type: '/problems/text-not-found' });
      expect(problem.detail).toMatch(/does not occur in this comment/);
    }
    expect((await collector.store.getFeedback(comments[0]!.id))?.comment).toBe(
      comments[0]!.comment,
    );
    expect(
      (await collector.store.auditEntries(0, NOW + 1)).filter(
        (e) => e.action === 'feedback.redacted',
      ),
    ).toEqual([]);
  });

  it('answers 400 naming the field, 404 without a comment or submission, 403 and 401 outside the provider', async () => {
    const ratingOnly = submission({ rating: 4 });
    const collector = await collectorWith([...comments, ratingOnly]);
    const id = comments[0]!.id;
    for (const [text, message] of [
      ['J', 'Give at least two characters to remove.'],
      ['x'.repeat(501), 'Give at most 500 characters to remove.'],
      [42, 'Give the text to remove from the comment.'],
    ] as const) {
      const response = await redact(collector, id, text);
      expect(response.status).toBe(400);
      expect((await json(response, ProblemSchema)).errors).toEqual([{ path: 'text', message }]);
    }
    const extra = await send(collector, 'POST', `${feedbackPath(id)}/redact`, collector.tokenA, {
      text: 'Jan',
      all: true,
    });
    expect(extra.status).toBe(400);
    const noComment = await redact(collector, ratingOnly.id, 'Jan');
    expect(noComment.status).toBe(404);
    expect(await json(noComment, ProblemSchema)).toMatchObject({ type: '/problems/no-comment' });
    const unknown = await redact(collector, randomUUID(), 'Jan');
    expect(unknown.status).toBe(404);
    expect(await json(unknown, ProblemSchema)).toMatchObject({
      type: '/problems/unknown-feedback',
    });
    expect((await redact(collector, id, 'Jan', collector.steering)).status).toBe(403);
    expect((await redact(collector, id, 'Jan', collector.tokenB)).status).toBe(403);
    expect(
      (await send(collector, 'POST', `${feedbackPath(id)}/redact`, undefined, { text: 'Jan' }))
        .status,
    ).toBe(401);
    expect((await collector.store.getFeedback(id))?.comment).toBe(comments[0]!.comment);
  });

  it('records the redaction in the audit with the number replaced, never the text', async () => {
    const collector = await collectorWith(comments);
    expect((await redact(collector, comments[0]!.id, 'Jan Peeters')).status).toBe(200);
    const entries = await collector.store.auditEntries(0, NOW + 1);
    expect(entries).toEqual([
      {
        id: expect.any(String),
        at: NOW,
        actor: collector.actorA,
        action: 'feedback.redacted',
        target: `feedback:${comments[0]!.id}`,
        details: { serviceId: 'dienst-a', replaced: 2 },
      },
    ]);
    const audit = JSON.stringify(entries);
    for (const text of ['Jan Peeters', 'Peeters', 'belde drie keer', '[verwijderd]']) {
      expect(audit).not.toContain(text);
    }
  });
});
