import { describe, expect, it } from 'vitest';
import { SubscriptionListSchema, SummarySchema, ThemesSchema } from '@vo-feedback/shared';
import { json, ORIGIN_A, submission } from '../test-support/fixtures.ts';
import { brussels, MAIL_PUBLIC_URL, mailFixture } from '../test-support/mail-fixture.ts';
import type { ReceivedMail } from '../test-support/smtp-test-server.ts';
import { queueDigests, queueDueDigests } from './digest-schedule.ts';
import { sendDueMails } from './mail-worker.ts';

// The digest as a subscriber reads it, received by a real SMTP server and parsed as a mail client
// does: its figures are the summary API's, its themes the themes API's, no comment text is in it,
// and its one-click unsubscribe link works (RFC 8058), after which no digest goes to it.

/** A comment no digest may carry, word for word or in part. */
const SECRET = 'Mijn buurman Zorrobaldus klaagde over het formulier';

/**
 * Comments that share made-up words with the secret and each other: "zorrobaldus" (in four),
 * "quirnefax" (three), "vlimmerhoek" and "klaagde" (two) come back, so they are themes — the
 * citizens' own words, which a digest does show, as single words with counts. Each comment also
 * has words of its own ("dramfelig", "plomberig"…), which only a comment's text could carry.
 */
const SHARING = [
  'Zorrobaldus klaagde over de quirnefax bij Vlimmerhoek',
  'Opnieuw stond Zorrobaldus te wachten op een quirnefax: dramfelig',
  'Zorrobaldus vindt de quirnefax van Vlimmerhoek echt plomberig',
];
/** Made-up words: in a mail only as a theme, never from the template or another source. */
const MADE_UP = ['zorrobaldus', 'quirnefax', 'vlimmerhoek', 'dramfelig', 'plomberig', 'buurman'];

/** The words of a text, lower case, for comparing without punctuation. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}]+/gu) ?? [];

/** The week of the digest (Monday–Sunday) and the one before it. */
const WEEK = { from: '2026-06-01', to: '2026-06-07' };
const WEEK_BEFORE = { from: '2026-05-25', to: '2026-05-31' };

/** A Dutch number of the mail ("66,7", "1.234") as a number. */
const dutch = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

/** The text part's lines of one service, by their label ("Antwoorden" → "12"). */
function serviceLines(mail: ReceivedMail, name: string): Map<string, string> {
  const lines = (mail.parsed.text ?? '').split('\n');
  const start = lines.indexOf(name);
  expect(start, `the text part names ${name}`).toBeGreaterThan(-1);
  const fields = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}([^:]+): (.*)$/.exec(line);
    if (!match) break;
    fields.set(match[1]!, match[2]!);
  }
  return fields;
}

/** "Label (3); Other (1)" as [label, count] pairs. */
const counted = (text: string) =>
  text === 'geen'
    ? []
    : text.split('; ').map((item) => {
        const match = /^(.*) \((\d+)\)$/.exec(item)!;
        return [match[1]!, Number(match[2])] as const;
      });

async function weekWithFeedback() {
  const f = await mailFixture(brussels('2026-05-27', '10:00'));
  // The week before: 6 answers, 3 satisfied.
  for (const rating of [5, 4, 4, 2, 1, 3]) {
    expect((await f.post(submission({ rating }))).status).toBe(201);
  }
  // The week itself: 12 answers with reasons and comments, one of them the secret.
  f.clock.now = brussels('2026-06-03', '10:00');
  const answers: Array<[number, string | undefined, string[]]> = [
    [5, 'Het formulier was duidelijk', []],
    [5, undefined, []],
    [4, 'Formulier vlot ingevuld', []],
    [4, undefined, []],
    [4, 'Snelle afhandeling', []],
    [4, undefined, []],
    [3, 'Het formulier was te lang', ['too-slow']],
    [2, 'Wachttijd te lang en formulier onduidelijk', ['too-slow', 'unclear-information']],
    [1, SECRET, ['technical-problem', 'too-slow']],
    [5, undefined, []],
    [4, undefined, []],
    [2, 'Lange wachttijd', ['unclear-information']],
    [3, SHARING[0], []],
    [2, SHARING[1], []],
    [4, SHARING[2], []],
  ];
  for (const [rating, comment, reasons] of answers) {
    const body = submission({ rating, reasons, ...(comment ? { comment } : {}) });
    // From the widget on an allowed page: they count in the response rate.
    expect((await f.post(body, { origin: ORIGIN_A })).status).toBe(201);
  }
  for (let i = 0; i < 30; i += 1) await f.store.recordImpression('dienst-a', '2026-06-03');
  const action = await f.request('POST', '/api/v1/services/dienst-a/actions', f.tokenA, {
    title: 'Formulier korter maken',
    status: 'planned',
  });
  expect(action.status).toBe(201);
  return f;
}

describe('the digest mail', () => {
  it('carries the summary API’s figures, the themes API’s words and no comment text, and its one-click link unsubscribes', async () => {
    const f = await weekWithFeedback();
    const subscription = await f.subscribe({
      email: 'Team.Loket@Gemeente-A.be',
      frequency: 'weekly',
    });
    expect(subscription.email).toBe('team.loket@gemeente-a.be');
    // Organisation B's subscriber gets B's digest, never A's figures.
    await f.subscribe({ email: 'b@gemeente-b.be', frequency: 'weekly' }, f.tokenB);

    // Monday 08:00 in Brussels: the schedule queues the week before, and the worker sends it.
    f.clock.now = brussels('2026-06-08', '08:00');
    expect(await queueDueDigests(f.store, f.clock.now)).toBe(2);
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 2, failed: 0 });
    const mails = await f.smtp.waitFor(2);
    const mail = mails.find((m) => m.to.includes('team.loket@gemeente-a.be'))!;
    expect(mail.parsed.from?.text).toBe('"Feedback Vlaanderen" <feedback@vlaanderen.be>');
    expect(mail.parsed.subject).toBe('Weekoverzicht feedback: 1–7 juni 2026 – Organisatie A');

    // The figures of the text part are the API's for the same week.
    const get = async (path: string) => f.get(path, f.tokenA);
    const summary = await json(
      await get(`/api/v1/services/dienst-a/summary?from=${WEEK.from}&to=${WEEK.to}`),
      SummarySchema,
    );
    const before = await json(
      await get(`/api/v1/services/dienst-a/summary?from=${WEEK_BEFORE.from}&to=${WEEK_BEFORE.to}`),
      SummarySchema,
    );
    const themes = await json(
      await get(`/api/v1/services/dienst-a/themes?from=${WEEK.from}&to=${WEEK.to}`),
      ThemesSchema,
    );
    const lines = serviceLines(mail, 'Dienst A');
    expect(Number(lines.get('Antwoorden'))).toBe(summary.responses);
    expect(summary.responses).toBe(15);
    const satisfaction = /^(\d+,\d) % \(95 %-interval: (\d+,\d)–(\d+,\d) %\)$/u.exec(
      lines.get('Tevredenheid')!.replace(/\u00a0/g, ' '),
    )!;
    expect(satisfaction, lines.get('Tevredenheid')).not.toBeNull();
    expect(dutch(satisfaction[1]!)).toBeCloseTo(summary.csat! * 100, 1);
    expect(dutch(satisfaction[2]!)).toBeCloseTo(summary.csatInterval![0] * 100, 1);
    expect(dutch(satisfaction[3]!)).toBeCloseTo(summary.csatInterval![1] * 100, 1);
    const change =
      /^([+−])(\d+,\d) procentpunt \(vorige week: (\d+,\d) % op (\d+) antwoorden\)$/u.exec(
        lines.get('Verandering')!.replace(/\u00a0/g, ' '),
      )!;
    expect(change, lines.get('Verandering')).not.toBeNull();
    const points = (change[1] === '−' ? -1 : 1) * dutch(change[2]!);
    expect(points).toBeCloseTo((summary.csat! - before.csat!) * 100, 1);
    expect(dutch(change[3]!)).toBeCloseTo(before.csat! * 100, 1);
    expect(Number(change[4])).toBe(before.responses);
    const rate = /^(\d+,\d) % \((\d+) keer getoond\)$/u.exec(
      lines.get('Responsgraad')!.replace(/\u00a0/g, ' '),
    )!;
    expect(summary.responseRate).toBeGreaterThan(0);
    expect(dutch(rate[1]!)).toBeCloseTo(summary.responseRate! * 100, 1);
    expect(Number(rate[2])).toBe(summary.impressions);
    expect(counted(lines.get('Redenen')!).map(([, n]) => n)).toEqual(
      summary.byReason.slice(0, 3).map((r) => r.count),
    );
    expect(counted(lines.get('Redenen')!)[0]![0]).toBe('Het duurde te lang');
    expect(counted(lines.get("Thema's")!)).toEqual(
      themes.words.slice(0, 5).map((t) => [t.term, t.count]),
    );
    expect(themes.words.length).toBeGreaterThan(0);
    expect(lines.get('Nieuwe verbeteracties')).toBe('Formulier korter maken (gepland)');

    // The HTML says the same, and neither part carries a comment, not even a part of one.
    const html = String(mail.parsed.html);
    expect(html).toContain('Dienst A');
    expect(html).toContain(lines.get('Antwoorden')!);
    expect(html).toContain(satisfaction[1]!);
    // The citizens' shared words are there as themes, and only as themes: once in each part, in
    // the themes. A word of one comment alone, or two words of a comment side by side, never.
    const shown = themes.words.slice(0, 5).map((t) => t.term.toLowerCase());
    expect(shown).toEqual(expect.arrayContaining(['zorrobaldus', 'quirnefax']));
    const text = mail.parsed.text ?? '';
    // The raw message holds both parts (encoded: a line may break inside a word there).
    const parts = { html: html.replace(/<[^>]*>/g, ' '), text, raw: mail.raw };
    for (const [name, part] of Object.entries(parts)) {
      const words = wordsOf(part);
      for (const word of MADE_UP) {
        const times = words.filter((w) => w === word).length;
        if (!shown.includes(word)) expect(times, `${word} in the ${name}`).toBe(0);
        else if (name === 'raw') expect(times).toBeLessThanOrEqual(2);
        else expect(times, `${word} in the ${name}`).toBe(1);
      }
      const said = ` ${words.join(' ')} `;
      for (const comment of [...SHARING, SECRET, 'Snelle afhandeling']) {
        const own = wordsOf(comment);
        for (let i = 1; i < own.length; i += 1) {
          const pair = `${own[i - 1]} ${own[i]}`;
          if (MADE_UP.some((word) => pair.includes(word)) || comment === 'Snelle afhandeling') {
            expect(said, `"${pair}" in the ${name}`).not.toContain(` ${pair} `);
          }
        }
      }
    }
    expect(text).toMatch(/^ {2}Thema's: .*zorrobaldus \(4\)/imu);
    expect(html).not.toMatch(/<script|<img|<link|@import|url\(/i);
    expect(mail.parsed.text).not.toContain('Dienst B');

    // One click: the headers of RFC 8058, and the same link visible in both parts.
    const link = /^<(.+)>$/.exec(mail.header('List-Unsubscribe')!)![1]!;
    expect(link).toMatch(new RegExp(`^${MAIL_PUBLIC_URL}/unsubscribe/[A-Za-z0-9_-]{43}$`));
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(html).toContain(`href="${link}"`);
    expect(mail.parsed.text).toContain(`Afmelden (één klik op de pagina die opent): ${link}`);

    const path = link.slice(MAIL_PUBLIC_URL.length);
    // A GET (a mail scanner following the link) shows the button and changes nothing.
    const page = await f.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(await page.text()).toContain('<button type="submit">Afmelden</button>');
    const listed = async () =>
      (await json(await get('/api/v1/subscriptions'), SubscriptionListSchema)).subscriptions;
    expect(await listed()).toHaveLength(1);
    // The mail client's one-click POST.
    const done = await f.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('set-cookie')).toBeNull();
    expect(await done.text()).toContain('U bent afgemeld');
    expect(await listed()).toEqual([]);
    // A second click finds nothing left to do, and says so.
    const again = await f.app.request(path, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Geen abonnement bij deze link');

    // The next Monday: B gets its digest, the address that unsubscribed nothing.
    f.clock.now = brussels('2026-06-15', '08:00');
    expect(await queueDueDigests(f.store, f.clock.now)).toBe(1);
    await sendDueMails(f.worker());
    const later = await f.smtp.waitFor(3);
    expect(later.slice(2).map((m) => m.to)).toEqual([['b@gemeente-b.be']]);
  });

  it('counts a service once for every subscriber of a round, and forgets it when a provider erases', async () => {
    const f = await weekWithFeedback();
    f.clock.now = brussels('2026-06-04', '10:00');
    const extra = submission({ rating: 1, comment: 'Zorrobaldus opnieuw' });
    expect((await f.post(extra)).status).toBe(201);
    for (const email of ['een@gemeente-a.be', 'twee@gemeente-a.be']) {
      await f.subscribe({ email, frequency: 'weekly' });
    }
    f.clock.now = brussels('2026-06-08', '08:00');
    expect(await queueDueDigests(f.store, f.clock.now)).toBe(2);
    expect(await sendDueMails(f.worker())).toMatchObject({ sent: 2, failed: 0 });
    const round = await f.smtp.waitFor(2);
    const [first, second] = round.map((mail) => serviceLines(mail, 'Dienst A'));
    expect(second).toEqual(first);
    expect(first!.get('Antwoorden')).toBe('16');

    // Erased within the ten minutes a round's figures are reused: the next digest is without it.
    f.clock.now += 60_000;
    const erased = await f.request(
      'DELETE',
      `/api/v1/services/dienst-a/feedback/${extra.id}`,
      f.tokenA,
    );
    expect(erased.status).toBe(204);
    await queueDigests(f.store, 'weekly', WEEK, f.clock.now, { soFar: false, run: 'again' });
    await sendDueMails(f.worker());
    const again = (await f.smtp.waitFor(4)).slice(2);
    for (const mail of again) expect(serviceLines(mail, 'Dienst A').get('Antwoorden')).toBe('15');
  });

  it('compares a month with the whole month before, and says so', async () => {
    // 30 April is not in May; 1 May is (a June of 30 days compared with "30 days before" is not).
    const f = await mailFixture(brussels('2026-04-30', '10:00'));
    expect((await f.post(submission({ rating: 1 }))).status).toBe(201);
    f.clock.now = brussels('2026-05-01', '10:00');
    for (const rating of [5, 4, 2, 1]) {
      expect((await f.post(submission({ rating }))).status).toBe(201);
    }
    f.clock.now = brussels('2026-06-10', '10:00');
    for (const rating of [5, 5, 4, 1]) {
      expect((await f.post(submission({ rating }))).status).toBe(201);
    }
    await f.subscribe({ email: 'team@gemeente-a.be', frequency: 'monthly' });
    f.clock.now = brussels('2026-07-01', '08:00');
    expect(await queueDueDigests(f.store, f.clock.now)).toBe(1);
    await sendDueMails(f.worker());
    const [mail] = await f.smtp.waitFor(1);
    const text = (mail!.parsed.text ?? '').replace(/\u00a0/g, ' ');
    expect(text).toContain(
      'De verandering is vergeleken met vorige maand: 1 mei 2026 tot en met 31 mei 2026.',
    );
    // June: 3 of 4 satisfied; May: 2 of 4 — the answers of 1 May counted, not 30 April's.
    expect(
      serviceLines(mail!, 'Dienst A')
        .get('Verandering')
        ?.replace(/\u00a0/g, ' '),
    ).toBe('+25,0 procentpunt (vorige maand: 50,0 % op 4 antwoorden)');
  });

  it('says "weinig antwoorden" beside a satisfaction on fewer than MIN_PUBLIC_N answers', async () => {
    const f = await mailFixture(brussels('2026-06-03', '10:00'));
    for (const rating of [5, 4, 2]) expect((await f.post(submission({ rating }))).status).toBe(201);
    await f.subscribe({ email: 'team@gemeente-a.be', frequency: 'monthly' });
    f.clock.now = brussels('2026-07-01', '08:00');
    expect(await queueDueDigests(f.store, f.clock.now)).toBe(1);
    await sendDueMails(f.worker());
    const [mail] = await f.smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Maandoverzicht feedback: juni 2026 – Organisatie A');
    expect(serviceLines(mail!, 'Dienst A').get('Tevredenheid')).toMatch(/– weinig antwoorden$/);
    expect(String(mail!.parsed.html)).toContain('weinig antwoorden');
  });
});
