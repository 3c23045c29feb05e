import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  addOrganisation,
  addService,
  createToken,
  listOrganisations,
  listServices,
  listTokens,
  revokeToken,
  updateOrganisation,
  updateService,
} from '../../use-cases/administration.ts';
import { bodyJson, decodeUtf8, readBodyBytes } from '../../http/body.ts';
import type { Config } from '../../config/deps.ts';
import { hashToken, sameHash } from '../../domain/tokens.ts';
import { notFound, ProblemError } from '../../domain/problems.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { auditLog, recordAudit } from '../../use-cases/audit.ts';

// The handlers of the admin API (declared in admin.routes.ts). The use cases validate each body
// with its shared schema and throw a ProblemError (400, 404, 409) that the app renders. Each change
// is logged with ids and field names, never a token or a value a citizen typed.

/** Admin bodies are small: an organisation, a service with at most 50 origins, a token request. */
const ADMIN_BODY = { accept: ['application/json'], maxBytes: 64 * 1024 } as const;

/** The body's JSON value, unchecked: 415, 413, and one 400 for bytes that are not UTF-8 JSON. */
async function readJson(c: Context): Promise<unknown> {
  return bodyJson(
    decodeUtf8(await readBodyBytes(c, ADMIN_BODY)),
    'Send the body as one JSON object in UTF-8; it could not be parsed.',
  );
}

/** 404 while ADMIN_TOKEN is not set; 401 without the admin bearer token. */
export function requireAdmin(config: Config) {
  // Compared as SHA-256 hashes in constant time: equal lengths, and the time an answer takes says
  // nothing about how much of a guess was right.
  const adminHash = config.adminToken === undefined ? undefined : hashToken(config.adminToken);
  return createMiddleware(async (c, next) => {
    if (adminHash === undefined) {
      throw notFound('The admin API is off; the operator turns it on by setting ADMIN_TOKEN.');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !sameHash(hashToken(match[1]!), adminHash)) {
      config.logger.warn('admin authentication failed', {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
      });
      throw new ProblemError(
        401,
        'unauthorized',
        'Send the ADMIN_TOKEN of this collector as "Authorization: Bearer <token>".',
        undefined,
        { 'www-authenticate': 'Bearer realm="vo-feedback admin"' },
      );
    }
    await next();
  });
}

export function adminHandlers(config: Config, origins: ServiceDirectory) {
  const { store, logger } = config;
  /** Logs the change and records it in the audit, as done by `admin` (ADMIN_TOKEN). */
  const audit = async (c: Context, action: string, fields: Record<string, unknown>) => {
    logger.info('admin', { requestId: c.get('requestId'), action, ...fields });
    const [kind] = action.split(' ');
    const id = fields[`${kind}Id`];
    await recordAudit(
      store,
      {
        actor: 'admin',
        action: action.replace(' ', '.'),
        target: `${kind}:${String(id)}`,
        details: fields,
      },
      config.now(),
    );
  };

  return {
    async addOrganisation(c: Context) {
      const organisation = await addOrganisation(store, await readJson(c));
      await audit(c, 'organisation created', { organisationId: organisation.id });
      return c.json(organisation, 201);
    },

    async listOrganisations(c: Context) {
      return c.json(await listOrganisations(store), 200);
    },

    async updateOrganisation(c: Context) {
      const changes = await readJson(c);
      const { organisation, changed } = await updateOrganisation(
        store,
        c.req.param('id')!,
        changes,
      );
      await audit(c, 'organisation updated', { organisationId: organisation.id, changed });
      return c.json(organisation, 200);
    },

    async addService(c: Context) {
      const service = await addService(store, await readJson(c));
      // CORS preflights of this instance see the new origins at once.
      origins.invalidate();
      await audit(c, 'service created', {
        serviceId: service.id,
        organisationId: service.organisationId,
        allowedOrigins: service.allowedOrigins,
        active: service.active,
      });
      return c.json(service, 201);
    },

    async listServices(c: Context) {
      const organisationId = c.req.query('organisationId');
      return c.json(await listServices(store, organisationId || undefined), 200);
    },

    async updateService(c: Context) {
      const changes = await readJson(c);
      const { service, changed } = await updateService(store, c.req.param('id')!, changes);
      origins.invalidate();
      await audit(c, 'service updated', {
        serviceId: service.id,
        changed,
        allowedOrigins: service.allowedOrigins,
        active: service.active,
      });
      return c.json(service, 200);
    },

    async createToken(c: Context) {
      const created = await createToken(store, await readJson(c), config.now());
      await audit(c, 'token created', {
        tokenId: created.id,
        role: created.role,
        organisationId: created.organisationId,
      });
      // The token is in this answer only; no cache may keep it.
      c.header('cache-control', 'no-store');
      return c.json({ id: created.id, token: created.token }, 201);
    },

    async audit(c: Context) {
      const query = c.req.query();
      return c.json(await auditLog(store, { from: query.from, to: query.to }, config.now()), 200);
    },

    async listTokens(c: Context) {
      return c.json(await listTokens(store), 200);
    },

    async revokeToken(c: Context) {
      const id = c.req.param('id')!;
      await revokeToken(store, id, config.now());
      await audit(c, 'token revoked', { tokenId: id });
      return c.body(null, 204);
    },
  };
}
