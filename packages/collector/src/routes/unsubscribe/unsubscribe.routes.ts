import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../../config/deps.ts';
import type { SubscriptionRecord } from '../../domain/mail.ts';
import { renderProblemsAs } from '../../http/problem.ts';
import { subscriptionOfLink, unsubscribe } from '../../use-cases/subscriptions.ts';
import {
  noSubscriptionPage,
  unsubscribeConfirmPage,
  unsubscribedPage,
  unsubscribeUnavailablePage,
} from '../../views/unsubscribe-page.ts';

// The one-click unsubscribe link of every mail (RFC 8058): pages staff read on the collector, not
// API operations (so not in the OpenAPI document). A GET shows what the link ends and a button; a
// POST — the mail client's one-click `List-Unsubscribe=One-Click`, or that button — ends it. No
// cookie, no script; a link that names nothing gets a page saying so (200: the mail client's
// second click, after the first one worked, is no error).

/** GET, POST /unsubscribe/:token */
export function unsubscribeRoutes(config: Config) {
  const { store } = config;
  const app = new Hono();

  // A problem (the database away: 503 with Retry-After) is a page here too, never problem+json.
  const problemsAsPages = (c: Context) =>
    renderProblemsAs(c, (c, problem) => {
      for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
      c.header('cache-control', 'no-store');
      return c.html(unsubscribeUnavailablePage(), problem.status as ContentfulStatusCode);
    });
  const answer = (c: Context, page: string) => {
    c.header('cache-control', 'no-store');
    // A secret link: no search engine keeps it.
    c.header('x-robots-tag', 'noindex');
    return c.html(page, 200);
  };
  const subject = async (subscription: SubscriptionRecord) => ({
    email: subscription.email,
    frequency: subscription.frequency,
    organisationName:
      (await store.getOrganisation(subscription.organisationId))?.name ??
      subscription.organisationId,
  });

  app.get('/unsubscribe/:token', async (c) => {
    problemsAsPages(c);
    const token = c.req.param('token');
    const subscription = await subscriptionOfLink(store, token);
    if (!subscription) return answer(c, noSubscriptionPage());
    return answer(
      c,
      unsubscribeConfirmPage(
        await subject(subscription),
        `/unsubscribe/${encodeURIComponent(token)}`,
      ),
    );
  });

  // The body (`List-Unsubscribe=One-Click`) is not read: the POST to this secret address is the
  // request, whichever client makes it.
  app.post('/unsubscribe/:token', async (c) => {
    problemsAsPages(c);
    const ended = await unsubscribe(store, c.req.param('token'), config.now());
    if (!ended) return answer(c, noSubscriptionPage());
    config.logger.info('unsubscribed', { subscriptionId: ended.id });
    return answer(c, unsubscribedPage(await subject(ended)));
  });
  return app;
}
