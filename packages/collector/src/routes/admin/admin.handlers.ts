import type { Context } from 'hono';
import { addOrganisation, updateOrganisation } from '../../use-cases/administration.ts';
import {
  addServiceWithin,
  createTokenWithin,
  listOrganisationsWithin,
  listServicesWithin,
  listTokensWithin,
  platformOnly,
  revokeTokenWithin,
  updateServiceWithin,
} from '../../use-cases/organisation-scope.ts';
import { bodyJson, decodeUtf8, readBodyBytes } from '../../http/body.ts';
import type { Config } from '../../config/deps.ts';
import type { ServiceDirectory } from '../../use-cases/service-directory.ts';
import { auditLog, recordAudit } from '../../use-cases/audit.ts';
import { adminCallerOf } from './admin-access.ts';

// The handlers of the admin API (declared in admin.routes.ts). The use cases validate each body
// with its shared schema and throw a ProblemError (400, 403, 404, 409) that the app renders; a
// manager's requests go through the checks of its scope first (organisation-scope.ts). Each
// change is logged with ids and field names, never a token or a value a citizen typed.

/** Admin bodies are small: an organisation, a service with at most 50 origins, a token request. */
const ADMIN_BODY = { accept: ['application/json'], maxBytes: 64 * 1024 } as const;

/** The body's JSON value, unchecked: 415, 413, and one 400 for bytes that are not UTF-8 JSON. */
export async function readJson(c: Context): Promise<unknown> {
  return bodyJson(
    decodeUtf8(await readBodyBytes(c, ADMIN_BODY)),
    'Send the body as one JSON object in UTF-8; it could not be parsed.',
  );
}

export function adminHandlers(config: Config, origins: ServiceDirectory) {
  const { store, logger } = config;
  /** Logs the change and records it in the audit, as done by `admin` or the manager. */
  const audit = async (c: Context, action: string, fields: Record<string, unknown>) => {
    logger.info('admin', { requestId: c.get('requestId'), action, ...fields });
    const [kind] = action.split(' ');
    const id = fields[`${kind}Id`];
    await recordAudit(
      store,
      {
        actor: adminCallerOf(c).actor,
        action: action.replace(' ', '.'),
        target: `${kind}:${String(id)}`,
        details: fields,
      },
      config.now(),
    );
  };

  const scope = (c: Context) => adminCallerOf(c).scope;

  return {
    async addOrganisation(c: Context) {
      platformOnly(scope(c), 'Adding an organisation');
      const organisation = await addOrganisation(store, await readJson(c));
      await audit(c, 'organisation created', { organisationId: organisation.id });
      return c.json(organisation, 201);
    },

    async listOrganisations(c: Context) {
      return c.json(await listOrganisationsWithin(store, scope(c)), 200);
    },

    async updateOrganisation(c: Context) {
      platformOnly(scope(c), 'Changing an organisation');
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
      const service = await addServiceWithin(store, await readJson(c), scope(c));
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
      return c.json(await listServicesWithin(store, organisationId || undefined, scope(c)), 200);
    },

    async updateService(c: Context) {
      const changes = await readJson(c);
      const { service, changed } = await updateServiceWithin(
        store,
        c.req.param('id')!,
        changes,
        scope(c),
      );
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
      const created = await createTokenWithin(store, await readJson(c), scope(c), config.now());
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
      platformOnly(scope(c), 'The audit');
      const query = c.req.query();
      return c.json(await auditLog(store, { from: query.from, to: query.to }, config.now()), 200);
    },

    async listTokens(c: Context) {
      return c.json(await listTokensWithin(store, scope(c)), 200);
    },

    async revokeToken(c: Context) {
      const id = c.req.param('id')!;
      await revokeTokenWithin(store, id, scope(c), config.now());
      await audit(c, 'token revoked', { tokenId: id });
      return c.body(null, 204);
    },
  };
}
