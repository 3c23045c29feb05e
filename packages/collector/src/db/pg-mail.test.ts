import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../config/logger.ts';
import { newUnsubscribeToken } from '../domain/mail.ts';
import { brussels, MAIL_FROM, MAIL_PUBLIC_URL } from '../test-support/mail-fixture.ts';
import { dropSchema, freshPostgresUrl } from '../test-support/postgres.ts';
import { seedOrganisation } from '../test-support/seed.ts';
import { startSmtpServer } from '../test-support/smtp-test-server.ts';
import { sqlRows } from '../test-support/sql.ts';
import { queueDueDigests } from '../use-cases/digest-schedule.ts';
import { smtpSender } from '../use-cases/mail-sender.ts';
import { sendDueMails } from '../use-cases/mail-worker.ts';
import { PgStore } from './pg-store.ts';

// Digests with several instances on one PostgreSQL (each instance its own PgStore and pool, as
// two processes would have): their schedules tick together and their workers claim together, and
// every subscriber still gets each period's digest exactly once — also after a restart.

const urls: string[] = [];
const stores: PgStore[] = [];
afterAll(async () => {
  for (const store of stores) await store.close().catch(() => undefined);
  for (const url of urls) await dropSchema(url);
});

const SUBSCRIBERS = 24;
const MONDAY_8 = brussels('2026-06-08', '08:00');

async function open(url: string) {
  const store = await PgStore.open(url);
  stores.push(store);
  return store;
}

describe('digests with two instances on one PostgreSQL', () => {
  it('are queued and sent once per subscriber and period, whoever ticks and claims, and after a restart', async () => {
    const url = freshPostgresUrl();
    urls.push(url);
    const [a, b] = await Promise.all([open(url), open(url)]);
    await seedOrganisation(a!, { id: 'org-a', name: 'A' }, [{ id: 'dienst-a', name: 'Dienst A' }]);
    for (let i = 0; i < SUBSCRIBERS; i += 1) {
      await a!.createSubscription({
        id: crypto.randomUUID(),
        organisationId: 'org-a',
        email: `persoon-${i}@gemeente-a.be`,
        frequency: 'weekly',
        serviceIds: null,
        unsubscribeToken: newUnsubscribeToken(),
        createdAt: MONDAY_8 - 1000,
        createdBy: 'test',
      });
    }
    // Both schedules tick at 08:00, at the same moment.
    const queued = await Promise.all([a!, b!].map((store) => queueDueDigests(store, MONDAY_8)));
    expect(queued[0]! + queued[1]!).toBe(SUBSCRIBERS);

    // Both claim at once: no message is claimed twice.
    const claims = await Promise.all(
      [a!, b!].map((store) => store.claimMails(MONDAY_8, MONDAY_8 + 1, SUBSCRIBERS)),
    );
    const claimed = claims.flatMap((claim) => claim.map((mail) => mail.id));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBeLessThanOrEqual(SUBSCRIBERS);

    // After that lease, both workers send, concurrently, in small batches.
    const smtp = await startSmtpServer();
    const senders = [a!, b!].map(() => smtpSender({ url: smtp.url, from: MAIL_FROM }));
    try {
      const worker = (index: number) => ({
        store: [a!, b!][index]!,
        sender: senders[index]!,
        logger: silentLogger,
        publicUrl: MAIL_PUBLIC_URL,
        minPublicN: 10,
        now: () => MONDAY_8 + 2,
        batch: 3,
      });
      const drain = async (index: number) => {
        let sent = 0;
        for (;;) {
          const round = await sendDueMails(worker(index));
          if (round.attempted === 0) return sent;
          sent += round.sent;
        }
      };
      const sent = await Promise.all([drain(0), drain(1)]);
      expect(sent[0]! + sent[1]!).toBe(SUBSCRIBERS);
      const mails = await smtp.waitFor(SUBSCRIBERS);
      const addresses = mails.flatMap((mail) => mail.to);
      expect(new Set(addresses).size).toBe(SUBSCRIBERS);
      expect(addresses).toHaveLength(SUBSCRIBERS);

      // A restarts (a new store on the same database) and, within the day, queues again: nothing.
      await a!.close();
      const again = await open(url);
      expect(await queueDueDigests(again, brussels('2026-06-08', '11:00'))).toBe(0);
      expect(await sendDueMails({ ...worker(1), store: again, now: () => MONDAY_8 + 3 })).toEqual({
        attempted: 0,
        sent: 0,
        failed: 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(smtp.received).toHaveLength(SUBSCRIBERS);
      const rows = await sqlRows(
        again,
        "select count(*)::int as n from mail_outbox where status = 'sent'",
      );
      expect(rows[0]!.n).toBe(SUBSCRIBERS);
    } finally {
      for (const sender of senders) sender.close();
      await smtp.close();
    }
  });
});
