import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  addOrganisation,
  addService,
  AdminError,
  createToken,
  listOrganisations,
  listServices,
  listTokens,
  revokeToken,
  updateService,
} from '../../use-cases/administration.ts';
import { decodeUtf8, readLimitedBody } from '../../http/body.ts';
import type { Config } from '../../config/deps.ts';
import { hashToken, sameHash } from '../../domain/tokens.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { problem } from '../../http/problem.ts';

/** Admin bodies are small: an organisation, a service with at most 50 origins, a token request. */
const MAX_ADMIN_BODY_BYTES = 64 * 1024;

type Parsed = { ok: true; value: unknown } | { ok: false; response: Response };

async function readJson(c: Context): Promise<Parsed> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    return {
      ok: false,
      response: problem(
        c,
        415,
        'unsupported-media-type',
        'Unsupported Media Type',
        'Send the body as application/json.',
      ),
    };
  }
  const bytes = await readLimitedBody(c.req.raw, MAX_ADMIN_BODY_BYTES);
  if (bytes === 'too-large') {
    return {
      ok: false,
      response: problem(
        c,
        413,
        'payload-too-large',
        'Payload Too Large',
        `Send at most ${MAX_ADMIN_BODY_BYTES} bytes.`,
      ),
    };
  }
  const text = decodeUtf8(bytes);
  try {
    if (text === undefined) throw new SyntaxError('not UTF-8');
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: problem(
        c,
        400,
        'invalid-body',
        'Bad Request',
        'Send the body as one JSON object in UTF-8; it could not be parsed.',
        [{ path: '(body)', message: 'Send valid JSON.' }],
      ),
    };
  }
}

/** An AdminError as problem+json; anything else goes on to the app's error handler. */
function adminProblem(c: Context, error: unknown): Response {
  if (!(error instanceof AdminError)) throw error;
  switch (error.failure) {
    case 'invalid':
      return problem(c, 400, 'validation-error', 'Bad Request', error.message, error.errors);
    case 'not-found':
      return problem(c, 404, 'not-found', 'Not Found', error.message);
    case 'conflict':
      return problem(c, 409, 'conflict', 'Conflict', error.message);
  }
}

/**
 * The admin API under /api/v1/admin, guarded by ADMIN_TOKEN. Without ADMIN_TOKEN every route
 * answers 404: the admin API is off. Each change is logged with ids and field names, never a
 * token or a value a citizen typed.
 */
export function adminRoutes(config: Config, origins: ServiceDirectory) {
  const { store, logger } = config;
  // Compared as SHA-256 hashes in constant time: equal lengths, and the time an answer takes says
  // nothing about how much of a guess was right.
  const adminHash = config.adminToken === undefined ? undefined : hashToken(config.adminToken);

  const requireAdmin = createMiddleware(async (c, next) => {
    if (adminHash === undefined) {
      return problem(
        c,
        404,
        'not-found',
        'Not Found',
        'The admin API is off; the operator turns it on by setting ADMIN_TOKEN.',
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !sameHash(hashToken(match[1]!), adminHash)) {
      logger.warn('admin authentication failed', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
      });
      c.header('www-authenticate', 'Bearer realm="vo-feedback admin"');
      return problem(
        c,
        401,
        'unauthorized',
        'Unauthorized',
        'Send the ADMIN_TOKEN of this collector as "Authorization: Bearer <token>".',
      );
    }
    await next();
  });

  const audit = (c: Context, action: string, fields: Record<string, unknown>) =>
    logger.info('admin', { requestId: c.get('requestId'), action, ...fields });

  return new Hono()
    .use(requireAdmin)
    .post('/organisations', async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      try {
        const organisation = await addOrganisation(store, body.value);
        audit(c, 'organisation created', { organisationId: organisation.id });
        return c.json(organisation, 201);
      } catch (error) {
        return adminProblem(c, error);
      }
    })
    .get('/organisations', async (c) => c.json(await listOrganisations(store)))
    .post('/services', async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      try {
        const service = await addService(store, body.value);
        // CORS preflights of this instance see the new origins at once.
        origins.invalidate();
        audit(c, 'service created', {
          serviceId: service.id,
          organisationId: service.organisationId,
          allowedOrigins: service.allowedOrigins,
          active: service.active,
        });
        return c.json(service, 201);
      } catch (error) {
        return adminProblem(c, error);
      }
    })
    .get('/services', async (c) => {
      const organisationId = c.req.query('organisationId');
      return c.json(await listServices(store, organisationId || undefined));
    })
    .patch('/services/:id', async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      try {
        const { service, changed } = await updateService(store, c.req.param('id'), body.value);
        origins.invalidate();
        audit(c, 'service updated', {
          serviceId: service.id,
          changed,
          allowedOrigins: service.allowedOrigins,
          active: service.active,
        });
        return c.json(service);
      } catch (error) {
        return adminProblem(c, error);
      }
    })
    .post('/tokens', async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      try {
        const created = await createToken(store, body.value, config.now());
        audit(c, 'token created', {
          tokenId: created.id,
          role: created.role,
          organisationId: created.organisationId,
        });
        // The token is in this answer only; no cache may keep it.
        c.header('cache-control', 'no-store');
        return c.json({ id: created.id, token: created.token }, 201);
      } catch (error) {
        return adminProblem(c, error);
      }
    })
    .get('/tokens', async (c) => c.json(await listTokens(store)))
    .delete('/tokens/:id', async (c) => {
      const id = c.req.param('id');
      try {
        await revokeToken(store, id, config.now());
        audit(c, 'token revoked', { tokenId: id });
        return c.body(null, 204);
      } catch (error) {
        return adminProblem(c, error);
      }
    });
}
