import { alertLine, checkAlerts } from '../use-cases/alerts.ts';
import type { Command } from './command.ts';

/**
 * One alert check now, as the server does every hour: what it raised, one line each (also sent as
 * `alert.raised` to the webhooks, and queued to the alert subscribers). A service whose check
 * failed is named on stderr, the others are checked all the same, and the exit code is 1.
 */
export const alertsCheckCommand: Command = {
  name: 'alerts check',
  args: '',
  summary:
    'check every active service for a significant drop in satisfaction or a rising theme now, and print the alerts raised',
  positionals: [0, 0],
  async run(_input, context) {
    const result = await checkAlerts(
      await context.store(),
      context.now(),
      context.env.MIN_PUBLIC_N,
    );
    for (const alert of result.raised) context.out(alertLine(alert));
    const earlier = result.today.length - result.raised.length;
    context.notice(
      `Checked ${result.services} active service${result.services === 1 ? '' : 's'} on ${result.day} ` +
        `(MIN_PUBLIC_N=${context.env.MIN_PUBLIC_N}): ${result.raised.length} alert${result.raised.length === 1 ? '' : 's'} raised` +
        `${earlier > 0 ? `, ${earlier} raised earlier today` : ''}; ${result.mailsQueued} mail${result.mailsQueued === 1 ? '' : 's'} queued.`,
    );
    // A service that failed did not stop the others; the exit code says it failed (1).
    for (const failure of result.failures) {
      context.notice(`Could not check ${failure.serviceId}: ${failure.error}`);
    }
    if (result.failures.length > 0) {
      throw new Error(
        `${result.failures.length} check${result.failures.length === 1 ? '' : 's'} failed; the other services were checked.`,
      );
    }
  },
};
