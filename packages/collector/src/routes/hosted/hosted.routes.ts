import { Hono, type Context } from 'hono';
import { ChannelSchema, DEFAULT_REASONS, LanguageSchema, type Language } from '@vo-feedback/shared';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { formErrorPage, thankYouPage } from '../../views/form-pages.ts';
import { hostedPage, promise } from '../../views/hosted-page.ts';
import { returnAddress } from './return-address.ts';

// The hosted feedback page and the form's thank-you page: pages citizens read on the collector,
// not API operations (so not in the OpenAPI document). No script; each in the asked language.

/** The page's language: `?lang=`, else Dutch (a link in a letter or on a poster names its own). */
const language = (c: Context): Language =>
  LanguageSchema.safeParse(c.req.query('lang')).data ?? 'nl';

/** GET /f/:serviceId?channel=&lang= and GET /f/:serviceId/bedankt?lang=&terug= */
export function hostedRoutes(services: ServiceDirectory) {
  const app = new Hono();
  const unknown = (c: Context) => c.html(formErrorPage(language(c), { status: 404 }), 404);

  app.get('/f/:serviceId', async (c) => {
    const service = await services.activeService(c.req.param('serviceId'));
    const channel = ChannelSchema.safeParse(c.req.query('channel') ?? 'web');
    // An unknown channel is a broken link, like an unknown service.
    if (!service || !channel.success) return unknown(c);
    return c.html(
      hostedPage(
        language(c),
        {
          id: service.id,
          name: service.name,
          helpUrl: service.helpUrl ?? null,
          reasons: service.reasons ?? DEFAULT_REASONS,
        },
        channel.data,
      ),
    );
  });

  app.get('/f/:serviceId/bedankt', async (c) => {
    const service = await services.activeService(c.req.param('serviceId'));
    if (!service) return unknown(c);
    // The address back is checked again here: anyone can type this page's query.
    const page = returnAddress(c.req.query('terug'), service);
    const back = page
      ? { href: page, to: 'page' as const }
      : service.publicServiceUri
        ? { href: service.publicServiceUri, to: 'service' as const }
        : undefined;
    const lang = language(c);
    return c.html(
      thankYouPage(lang, {
        ...(back ? { back } : {}),
        help: promise(lang, service.helpUrl ?? null),
      }),
    );
  });
  return app;
}
