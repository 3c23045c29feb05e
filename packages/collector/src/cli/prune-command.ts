import { pruneExpiredComments } from '../use-cases/retention.ts';
import type { Command } from './command.ts';

/** Retention now, as the server does daily: comments older than RETENTION_DAYS are deleted. */
export const pruneCommand: Command = {
  name: 'prune',
  args: '',
  summary: 'delete comments older than RETENTION_DAYS now (ratings and aggregates stay)',
  positionals: [0, 0],
  async run(_input, context) {
    const days = context.env.RETENTION_DAYS;
    const { removed, before } = await pruneExpiredComments(
      await context.store(),
      days,
      context.now(),
    );
    context.out(
      `Removed ${removed} comment${removed === 1 ? '' : 's'} first posted before ` +
        `${before.toISOString()} (RETENTION_DAYS=${days}). Ratings and aggregates are kept.`,
    );
  },
};
