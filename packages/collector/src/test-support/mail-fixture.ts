import { onTestFinished } from 'vitest';
import { SubscriptionSchema } from '@vo-feedback/shared';
import { silentLogger } from '../config/logger.ts';
import { smtpSender } from '../use-cases/mail-sender.ts';
import type { MailWorkerOptions } from '../use-cases/mail-worker.ts';
import { json, testCollector } from './fixtures.ts';
import { startSmtpServer } from './smtp-test-server.ts';

/** The PUBLIC_URL of the mail tests: every link in a mail starts with it. */
export const MAIL_PUBLIC_URL = 'https://feedback.example.be';
export const MAIL_FROM = 'Feedback Vlaanderen <feedback@vlaanderen.be>';

/**
 * A collector on a moving clock, a real SMTP server in the process, and a mail worker's options
 * that send to it: what the mail tests share. Everything closes when the test ends.
 */
export async function mailFixture(start: number) {
  const clock = { now: start };
  const collector = await testCollector({ now: () => clock.now, publicUrl: MAIL_PUBLIC_URL });
  const smtp = await startSmtpServer();
  const sender = smtpSender({ url: smtp.url, from: MAIL_FROM });
  onTestFinished(async () => {
    sender.close();
    await smtp.close();
  });
  const worker = (extra: Partial<MailWorkerOptions> = {}): MailWorkerOptions => ({
    store: collector.store,
    sender,
    logger: silentLogger,
    publicUrl: MAIL_PUBLIC_URL,
    minPublicN: 10,
    now: () => clock.now,
    ...extra,
  });
  const request = (method: string, path: string, token?: string, body?: unknown) =>
    collector.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Subscribes through the API as organisation A's provider (or `token`'s). */
  const subscribe = async (body: Record<string, unknown>, token = collector.tokenA) => {
    const response = await request('POST', '/api/v1/subscriptions', token, body);
    if (response.status !== 201) {
      throw new Error(`subscribe answered ${response.status}: ${await response.text()}`);
    }
    return json(response, SubscriptionSchema);
  };
  return { ...collector, clock, smtp, sender, worker, request, subscribe };
}

/** The instant of a Brussels wall-clock time, e.g. ('2026-06-08', '08:00') in summer (UTC+2). */
export function brussels(day: string, time: string, offsetHours = 2): number {
  return Date.parse(`${day}T${time}:00+0${offsetHours}:00`);
}
