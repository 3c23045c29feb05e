import type { Context } from 'hono';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Config } from '../../config/deps.ts';
import { actorOf } from '../../http/auth.ts';
import {
  eraseSubmission,
  redactCommentText,
  tagSuggestions,
  triageComment,
  type FeedbackAct,
} from '../../use-cases/feedback-triage.ts';
import { feedbackItem, type ServiceEnv } from './services.handlers.ts';
import type { eraseRoute, redactRoute, tagsRoute, triageRoute } from './triage.routes.ts';

// The handlers of triage, erasure and redaction (declared in triage.routes.ts). The access check
// (provider of the service's organisation) ran as route middleware; the use cases do the rest.

export function triageHandlers(config: Config) {
  const { store } = config;

  /** Who acts on which submission: the checked service, the path's id, the caller's actor. */
  const act = (c: Context<ServiceEnv>, feedbackId: string): FeedbackAct => ({
    serviceId: c.get('service').id,
    feedbackId,
    actor: actorOf(c.get('principal')),
    now: config.now(),
  });

  const triage: RouteHandler<typeof triageRoute, ServiceEnv> = async (c) => {
    const record = await triageComment(
      store,
      act(c, c.req.valid('param').feedbackId),
      c.req.valid('json'),
    );
    c.header('cache-control', 'private, no-store');
    return c.json(feedbackItem(record), 200);
  };

  const tags: RouteHandler<typeof tagsRoute, ServiceEnv> = async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await tagSuggestions(store, c.get('service').organisationId), 200);
  };

  const erase: RouteHandler<typeof eraseRoute, ServiceEnv> = async (c) => {
    await eraseSubmission(store, act(c, c.req.valid('param').feedbackId));
    return c.body(null, 204);
  };

  const redact: RouteHandler<typeof redactRoute, ServiceEnv> = async (c) => {
    const record = await redactCommentText(
      store,
      act(c, c.req.valid('param').feedbackId),
      c.req.valid('json').text,
    );
    c.header('cache-control', 'private, no-store');
    return c.json(feedbackItem(record), 200);
  };

  return { triage, tags, erase, redact };
}
