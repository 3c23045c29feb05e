import { z, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import QRCode from 'qrcode';
import { ChannelSchema, ServiceIdSchema } from '@vo-feedback/shared';
import type { Config } from '../../config/deps.ts';
import type { ServiceRecord } from '../../domain/store.ts';
import { forbidden, notFound } from '../../domain/problems.ts';
import { canSeeComments, requireToken, type AuthEnv } from '../../http/auth.ts';
import { operations, problems, router, SECURITY } from '../../http/openapi.ts';
import { qrPoster } from '../../views/qr-poster.ts';
import { firstValues, queryHook } from '../services/query.ts';

// A QR code per service and channel that opens the hosted feedback page (/f/:serviceId), and an
// A4 poster around it for a counter. For the service's provider: it prints what citizens scan.

const qrRoute = operations('Providers and steering', SECURITY.token);
const params = z.object({ serviceId: ServiceIdSchema });
const query = firstValues(
  z.object({
    channel: ChannelSchema.default('web').meta({
      description: 'The channel the hosted page posts with (default `web`).',
    }),
  }),
);
const ACCESS =
  'Providers of the service’s organisation only; steering and other organisations get 403.';

export const qrSvgRoute = qrRoute({
  method: 'get',
  path: '/{serviceId}/qr.svg',
  summary: 'A QR code of the service’s hosted feedback page',
  description: `An SVG QR code of the absolute address \`PUBLIC_URL/f/<serviceId>?channel=<channel>\` (without \`PUBLIC_URL\`: this request's origin). ${ACCESS}`,
  request: { params, query },
  responses: {
    200: { description: 'The QR code.', content: { 'image/svg+xml': {} } },
    ...problems(400, 401, 403, 404),
  },
});

export const posterRoute = qrRoute({
  method: 'get',
  path: '/{serviceId}/poster',
  summary: 'A printable A4 poster with the QR code',
  description: `An HTML page to print on A4: “Hoe tevreden bent u over onze dienstverlening?”, the service’s name, the QR code and its address. ${ACCESS}`,
  request: { params, query },
  responses: {
    200: { description: 'The poster.', content: { 'text/html': {} } },
    ...problems(400, 401, 403, 404),
  },
});

type QrEnv = AuthEnv & { Variables: { service: ServiceRecord } };

/** The hosted page's absolute address for a channel. */
export function hostedPageUrl(base: string, serviceId: string, channel: string): string {
  return `${base}/f/${encodeURIComponent(serviceId)}?${new URLSearchParams({ channel })}`;
}

/** The QR code of `url` as SVG: error correction M, the standard four-module quiet zone. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

/** GET /api/v1/services/:serviceId/qr.svg and …/poster. */
export function qrRoutes(config: Config) {
  const app = router<QrEnv>();
  const unknown = () => notFound('There is no such service.', 'unknown-service');
  const hook = queryHook(unknown);
  // The access check (404, 403) before the query (400), as on the other service routes.
  const providerOnly = createMiddleware<QrEnv>(async (c, next) => {
    const service = await config.store.getService(c.req.param('serviceId') ?? '');
    if (!service) throw unknown();
    if (!canSeeComments(c.get('principal'), service.organisationId)) {
      throw forbidden(
        `QR codes and posters are made by the provider of "${service.id}"; use a provider token of its organisation.`,
      );
    }
    c.set('service', service);
    await next();
  });
  const url = (c: { req: { url: string } }, serviceId: string, channel: string) =>
    hostedPageUrl(config.publicUrl ?? new URL(c.req.url).origin, serviceId, channel);

  const svg: RouteHandler<typeof qrSvgRoute, QrEnv> = async (c) => {
    const service = c.get('service');
    const code = await qrSvg(url(c, service.id, c.req.valid('query').channel));
    return c.body(code, 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
  };
  const poster: RouteHandler<typeof posterRoute, QrEnv> = async (c) => {
    const service = c.get('service');
    const address = url(c, service.id, c.req.valid('query').channel);
    return c.html(qrPoster(service.name, address, await qrSvg(address)), 200);
  };
  // The token first (401), then the service (404, 403); QrEnv only adds `service` to AuthEnv.
  const authenticate = requireToken(config.store) as unknown as MiddlewareHandler<QrEnv>;
  const access = [authenticate, providerOnly];
  app.openapi({ ...qrSvgRoute, middleware: access }, svg, hook);
  app.openapi({ ...posterRoute, middleware: access }, poster, hook);
  return app;
}
