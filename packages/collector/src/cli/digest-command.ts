import { ConfigError } from '../config/env.ts';
import { silentLogger } from '../config/logger.ts';
import { MAIL_LEASE_MS, periodSoFar } from '../domain/mail.ts';
import { brusselsDay } from '../domain/time.ts';
import { queueDigests, type DigestFrequency } from '../use-cases/digest-schedule.ts';
import { smtpSender } from '../use-cases/mail-sender.ts';
import { sendDueMails } from '../use-cases/mail-worker.ts';
import { stringOption, UsageError, type Command } from './command.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * `digests send --now`: every digest subscriber's digest of the period so far (this week from
 * Monday, this month from the first, up to today), at once — a first look. It is not a way to send
 * a completed week or month again: the schedule queues a missed run by itself, for a day after it.
 * Each run is its own send (its key carries the run's time); a message the SMTP server refused
 * stays queued for the server's mail worker to retry.
 */
export const digestsSendCommand: Command = {
  name: 'digests send',
  args: '--now [--frequency weekly|monthly]',
  summary:
    'send every digest subscriber the digest of the period so far now (this week from Monday, this month from the 1st, up to today; not a completed period)',
  options: { now: { type: 'boolean' }, frequency: { type: 'string' } },
  positionals: [0, 0],
  async run(input, context) {
    if (input.values.now !== true) {
      throw new UsageError(
        'Give --now: digests go out on their own on Monday and on the first of the month at 08:00; --now sends the period so far.',
      );
    }
    const only = stringOption(input.values, 'frequency');
    if (only !== undefined && only !== 'weekly' && only !== 'monthly') {
      throw new UsageError(`Use --frequency weekly or --frequency monthly, not "${only}".`);
    }
    const { env } = context;
    // readEnv requires MAIL_FROM and PUBLIC_URL once SMTP_URL is set; SMTP_URL itself is ours.
    if (!env.SMTP_URL || !env.MAIL_FROM || !env.PUBLIC_URL) {
      throw new ConfigError(
        'SMTP_URL: set it (e.g. smtp://mail.internal:25), with MAIL_FROM and PUBLIC_URL, to send mail.',
      );
    }
    const store = await context.store();
    const now = context.now();
    const frequencies: DigestFrequency[] = only ? [only] : ['weekly', 'monthly'];
    const ids: string[] = [];
    for (const frequency of frequencies) {
      // The period so far on today's Brussels day.
      const period = periodSoFar(frequency, brusselsDay(now));
      const queued = await queueDigests(store, frequency, period, now, {
        soFar: true,
        run: `now-${now}`,
      });
      ids.push(...queued.ids);
    }
    if (ids.length === 0) {
      context.out('No digest subscriptions: nothing to send.');
      return;
    }
    const sender = smtpSender({ url: env.SMTP_URL, from: env.MAIL_FROM });
    let sent = 0;
    let failed = 0;
    let attempted = 0;
    try {
      const options = {
        store,
        sender,
        logger: silentLogger,
        publicUrl: env.PUBLIC_URL,
        minPublicN: env.MIN_PUBLIC_N,
        now: context.now,
        leaseMs: MAIL_LEASE_MS,
      };
      // This run's messages only, each attempted once; a batch at a time.
      for (;;) {
        const round = await sendDueMails(options, ids);
        if (round.attempted === 0) break;
        attempted += round.attempted;
        sent += round.sent;
        failed += round.failed;
      }
    } finally {
      sender.close();
    }
    // A running server's mail worker may have taken some of them first: it sends those.
    const elsewhere = ids.length - attempted;
    context.out(
      `Sent ${plural(sent, 'digest', 'digests')}, ${failed} failed` +
        (elsewhere > 0 ? `, ${elsewhere} sent by a running collector` : '') +
        '.',
    );
    if (failed > 0) {
      throw new Error(
        `${plural(failed, 'digest was', 'digests were')} not accepted by the SMTP server; the collector's mail worker retries ${failed === 1 ? 'it' : 'them'} (see its log).`,
      );
    }
  },
};
