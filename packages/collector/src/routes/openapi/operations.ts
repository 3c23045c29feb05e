import { z } from 'zod';
import {
  AdminServiceSchema,
  AnnualReportQuerySchema,
  AnnualReportSchema,
  ExportQuerySchema,
  ExportRowSchema,
  FeedbackPageSchema,
  FeedbackQuerySchema,
  ImpressionSchema,
  MAX_BODY_BYTES,
  OrganisationSchema,
  PERIOD_FIRST_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_MAX_DAYS,
  PeriodQuerySchema,
  ProblemSchema,
  PublicServiceStatsSchema,
  PublicStatsQuerySchema,
  PublicStatsSchema,
  ServiceIdSchema,
  ServiceSchema,
  ServiceUpdateSchema,
  SubmissionAckSchema,
  SubmissionSchema,
  SummarySchema,
  ThemesSchema,
  TokenCreatedSchema,
  TokenInfoSchema,
  TokenRequestSchema,
} from '@vo-feedback/shared';

// The API v1 as one table of operations, from which both the OpenAPI 3.1 document
// (GET /api/v1/openapi.json) and the readable page (GET /api) are rendered. Bodies and answers
// are the shared zod schemas, converted with zod's own z.toJSONSchema: never retyped here. A route
// added to the app without an entry here fails openapi.routes.test.ts.

export type JsonSchema = Record<string, unknown>;

/** The named schemas of components.schemas: request bodies as clients send them (`input`, before
 * trimming and defaults), answers as the collector sends them (`output`). */
const SCHEMAS = {
  Submission: [SubmissionSchema, 'input'],
  SubmissionAck: [SubmissionAckSchema, 'output'],
  Impression: [ImpressionSchema, 'input'],
  Problem: [ProblemSchema, 'output'],
  Summary: [SummarySchema, 'output'],
  FeedbackPage: [FeedbackPageSchema, 'output'],
  Themes: [ThemesSchema, 'output'],
  ExportRow: [ExportRowSchema, 'output'],
  AnnualReport: [AnnualReportSchema, 'output'],
  PublicStats: [PublicStatsSchema, 'output'],
  PublicServiceStats: [PublicServiceStatsSchema, 'output'],
  Organisation: [OrganisationSchema, 'input'],
  NewService: [ServiceSchema, 'input'],
  ServiceUpdate: [ServiceUpdateSchema, 'input'],
  AdminService: [AdminServiceSchema, 'output'],
  TokenRequest: [TokenRequestSchema, 'input'],
  TokenCreated: [TokenCreatedSchema, 'output'],
  TokenInfo: [TokenInfoSchema, 'output'],
} as const satisfies Record<string, readonly [z.ZodType, 'input' | 'output']>;

export type SchemaName = keyof typeof SCHEMAS;

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without `$schema`. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

type Auth = 'none' | 'token' | 'admin';

export const TAGS = [
  ['Ingest', 'Public: the widget (and the no-JavaScript form) post submissions and impressions.'],
  [
    'Providers and steering',
    'Bearer token. A provider token reaches its own organisation’s services, comments included; a steering token reaches the aggregates of every organisation, never comments.',
  ],
  [
    'Public transparency',
    'No token. Aggregates only; a service with too few responses is reported as suppressed.',
  ],
  [
    'Administration',
    'Bearer ADMIN_TOKEN. Without ADMIN_TOKEN the admin API is off and every route answers 404.',
  ],
  ['Operations', 'Health checks and this documentation.'],
] as const;
export type Tag = (typeof TAGS)[number][0];

/** What an answer carries, per content type: a named schema, an inline one, or nothing. */
type Content = Record<string, SchemaName | JsonSchema | null>;

interface Reply {
  description: string;
  content?: Content;
  headers?: Record<string, string>;
}

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete' | 'options';
  /** OpenAPI form: /api/v1/services/{serviceId}/summary. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  auth: Auth;
  pathParameters?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: { content: Content; description?: string };
  responses: Record<number, Reply>;
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid request; `errors` names each field and how to fix it.',
  401: 'No valid token; see WWW-Authenticate.',
  403: 'Outside the token’s reach; on ingest, a browser Origin the service does not allow.',
  404: 'No such resource.',
  409: 'Conflict with what is stored.',
  413: `Body larger than ${MAX_BODY_BYTES / 1024} KiB.`,
  415: 'Wrong content type.',
  422: 'Well-formed but cannot be served as asked.',
  429: 'Too many requests from this client; wait Retry-After seconds.',
  503: 'The database is busy or unavailable; retry after Retry-After seconds.',
};

const RETRY_AFTER = 'Seconds to wait before retrying.';

/** problem+json answers for the given statuses, with their usual descriptions. */
function problems(...statuses: number[]): Record<number, Reply> {
  const headers: Record<number, Record<string, string>> = {
    401: { 'WWW-Authenticate': 'Bearer realm="vo-feedback"' },
    429: { 'Retry-After': RETRY_AFTER },
    503: { 'Retry-After': RETRY_AFTER },
  };
  return Object.fromEntries(
    statuses.map((status): [number, Reply] => [
      status,
      {
        description: PROBLEM_TEXT[status] ?? 'Error.',
        content: { 'application/problem+json': 'Problem' },
        ...(headers[status] ? { headers: headers[status] } : {}),
      },
    ]),
  );
}

/** The 400 of a route with a period: a malformed query, or a period beyond the limits. */
const PERIOD_400: Reply = {
  description: `Invalid query (\`validation-error\`), or a period outside ${PERIOD_FIRST_YEAR}–${PERIOD_LAST_YEAR} or longer than ${PERIOD_MAX_DAYS} days, both ends included (\`invalid-period\`); \`errors\` names each parameter and how to fix it.`,
  content: { 'application/problem+json': 'Problem' },
};

const json = (schema: SchemaName | JsonSchema): Content => ({ 'application/json': schema });
const listOf = (name: SchemaName): JsonSchema => ({
  type: 'array',
  items: { $ref: `#/components/schemas/${name}` },
});
const serviceIdParameter = { serviceId: ServiceIdSchema };

/** Every operation of API v1, grouped by tag in the order the page shows them. */
export const OPERATIONS: Operation[] = [
  // Ingest
  {
    method: 'post',
    path: '/api/v1/feedback',
    tag: 'Ingest',
    summary: 'Submit feedback',
    description:
      'The `id` is a UUID generated by the client: the idempotency key. A retry with identical content answers 200 `unchanged` at any time; within 30 minutes of the first post a changed submission replaces the stored one (200 `updated`). Personal data in `comment` and `page` is redacted before storage. Checks run in the order 415, 413, 429, 400, 404, 403, 409. A filled-in `website` (the honeypot) answers 201 and stores nothing.',
    auth: 'none',
    body: { content: json('Submission') },
    responses: {
      201: { description: 'Stored (first time this id is seen).', content: json('SubmissionAck') },
      200: {
        description: 'Updated within the 30-minute window, or unchanged (identical content).',
        content: json('SubmissionAck'),
      },
      ...problems(400, 403, 404, 409, 413, 415, 429, 503),
    },
  },
  {
    method: 'options',
    path: '/api/v1/feedback',
    tag: 'Ingest',
    summary: 'CORS preflight for submissions',
    description:
      'A preflight carries no body, so it allows the union of the allowed origins of all active services; the POST then checks the origin against its own service.',
    auth: 'none',
    responses: {
      204: { description: 'The Origin is allowed; Access-Control-Allow-* headers follow.' },
      ...problems(403),
    },
  },
  {
    method: 'post',
    path: '/api/v1/feedback/form',
    tag: 'Ingest',
    summary: 'Submit feedback without JavaScript',
    description:
      'The same submission as an HTML form (fields as in `Submission`, all as text; `id` optional). The answers are pages, not JSON: 303 back to the page when its origin is allowed for the service, otherwise a plain thank-you page; errors as an HTML page with the same status as the JSON route.',
    auth: 'none',
    body: {
      content: {
        'application/x-www-form-urlencoded': {
          type: 'object',
          description: 'The fields of Submission, each as text.',
          additionalProperties: { type: 'string' },
        },
      },
    },
    responses: {
      303: { description: 'Back to the page the form was on (allowed origins only).' },
      200: { description: 'A thank-you page.', content: { 'text/html': null } },
      400: { description: 'An HTML page saying what to fix.', content: { 'text/html': null } },
      403: { description: 'Origin not allowed (HTML page).', content: { 'text/html': null } },
      404: {
        description: 'Unknown or inactive service (HTML page).',
        content: { 'text/html': null },
      },
      409: { description: 'Conflict (HTML page).', content: { 'text/html': null } },
      ...problems(413, 415, 429, 503),
    },
  },
  {
    method: 'post',
    path: '/api/v1/impressions',
    tag: 'Ingest',
    summary: 'Count one showing of the widget',
    description:
      'For the response rate (answers sent by the widget per impression, at most 1): counted per service and day, with no identifier of any kind. Only from the widget on a page of an allowed origin: without an `Origin` header (a script, curl) the answer is 403. Accepts `text/plain` too, which is what `navigator.sendBeacon` sends. Has its own, higher rate limit.',
    auth: 'none',
    body: { content: { 'application/json': 'Impression', 'text/plain': 'Impression' } },
    responses: { 204: { description: 'Counted.' }, ...problems(400, 403, 404, 413, 415, 429) },
  },
  {
    method: 'options',
    path: '/api/v1/impressions',
    tag: 'Ingest',
    summary: 'CORS preflight for impressions',
    auth: 'none',
    responses: {
      204: { description: 'The Origin is allowed; Access-Control-Allow-* headers follow.' },
      ...problems(403),
    },
  },

  // Providers and steering
  {
    method: 'get',
    path: '/api/v1/me',
    tag: 'Providers and steering',
    summary: 'The role and organisation of the token',
    description:
      '`{role, organisationId, organisationName}`: `provider` with its organisation, or `steering` with null. Lets a client know what it may ask for before it asks.',
    auth: 'token',
    responses: {
      200: {
        description: 'The token’s role.',
        content: json({
          type: 'object',
          required: ['role', 'organisationId', 'organisationName'],
          properties: {
            role: { type: 'string', enum: ['provider', 'steering'] },
            organisationId: { type: ['string', 'null'] },
            organisationName: { type: ['string', 'null'] },
          },
        }),
      },
      ...problems(401),
    },
  },
  {
    method: 'get',
    path: '/api/v1/services',
    tag: 'Providers and steering',
    summary: 'The services within the token’s reach',
    description:
      'An array of `{id, name, organisationId, active, publicServiceUri}`: a provider’s own services, or every service for steering.',
    auth: 'token',
    responses: {
      200: {
        description: 'The services, by id.',
        content: json({ type: 'array', items: { type: 'object' } }),
      },
      ...problems(401),
    },
  },
  {
    method: 'get',
    path: '/api/v1/services/{serviceId}/summary',
    tag: 'Providers and steering',
    summary: 'Satisfaction figures of a service for a period',
    description:
      'Without `from`/`to`: the current calendar year in Brussels up to today. `mean`, `csat` and `responseRate` are null when their n is 0.',
    auth: 'token',
    pathParameters: serviceIdParameter,
    query: PeriodQuerySchema,
    responses: {
      200: { description: 'The summary.', content: json('Summary') },
      ...problems(400, 401, 403, 404),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/services/{serviceId}/feedback',
    tag: 'Providers and steering',
    summary: 'Redacted comments, newest first',
    description:
      'Cursor-paginated: pass the `nextCursor` of a page as `cursor` for the next. Providers only; steering gets 403.',
    auth: 'token',
    pathParameters: serviceIdParameter,
    query: FeedbackQuerySchema,
    responses: {
      200: { description: 'One page of comments.', content: json('FeedbackPage') },
      ...problems(400, 401, 403, 404),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/services/{serviceId}/themes',
    tag: 'Providers and steering',
    summary: 'Frequent words and word pairs in the comments of a period',
    auth: 'token',
    pathParameters: serviceIdParameter,
    query: PeriodQuerySchema,
    responses: {
      200: { description: 'The themes.', content: json('Themes') },
      ...problems(400, 401, 403, 404),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/services/{serviceId}/export',
    tag: 'Providers and steering',
    summary: 'Every submission of a period, streamed',
    description:
      'CSV, JSON (an array of ExportRow) or XLSX, as an attachment. Contains comments: providers only; steering gets 403.',
    auth: 'token',
    pathParameters: serviceIdParameter,
    query: ExportQuerySchema,
    responses: {
      200: {
        description: 'The export.',
        content: {
          'text/csv': null,
          'application/json': listOf('ExportRow'),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': null,
        },
      },
      ...problems(400, 401, 403, 404, 422),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/reports/annual',
    tag: 'Providers and steering',
    summary: 'The annual feedback report, with the previous year beside it',
    description:
      'Per service, per organisation and in total. A provider gets its own organisation’s; steering gets all organisations, or one with `organisation`.',
    auth: 'token',
    query: AnnualReportQuerySchema,
    responses: {
      200: {
        description: 'The report.',
        content: { 'application/json': 'AnnualReport', 'text/csv': null, 'text/html': null },
      },
      ...problems(400, 401, 403, 404),
      400: PERIOD_400,
    },
  },

  // Public transparency
  {
    method: 'get',
    path: '/api/v1/public/stats',
    tag: 'Public transparency',
    summary: 'Public figures of every active service for a year',
    auth: 'none',
    query: PublicStatsQuerySchema,
    responses: {
      200: {
        description: 'The figures; suppressed services carry no figure.',
        content: { 'application/json': 'PublicStats', 'text/csv': null },
      },
      ...problems(400),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/public/stats.csv',
    tag: 'Public transparency',
    summary: 'The same public figures as open-data CSV',
    auth: 'none',
    query: PublicStatsQuerySchema,
    responses: {
      200: { description: 'CSV.', content: { 'text/csv': null } },
      ...problems(400),
      400: PERIOD_400,
    },
  },
  {
    method: 'get',
    path: '/api/v1/public/services/{serviceId}/stats',
    tag: 'Public transparency',
    summary: 'Public figures of one service for a year',
    auth: 'none',
    pathParameters: serviceIdParameter,
    query: PublicStatsQuerySchema,
    responses: {
      200: {
        description: 'The figures, or `suppressed: true` with the minimum and no figure.',
        content: { 'application/json': 'PublicServiceStats', 'text/csv': null },
      },
      ...problems(400, 404),
      400: PERIOD_400,
    },
  },

  // Administration
  {
    method: 'post',
    path: '/api/v1/admin/organisations',
    tag: 'Administration',
    summary: 'Add an organisation',
    auth: 'admin',
    body: { content: json('Organisation') },
    responses: {
      201: { description: 'Added.', content: json('Organisation') },
      ...problems(400, 401, 404, 409, 413, 415),
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/organisations',
    tag: 'Administration',
    summary: 'List the organisations',
    auth: 'admin',
    responses: {
      200: { description: 'By id.', content: json(listOf('Organisation')) },
      ...problems(401, 404),
    },
  },
  {
    method: 'post',
    path: '/api/v1/admin/services',
    tag: 'Administration',
    summary: 'Add a service',
    description:
      'Its `allowedOrigins` (lowercased) are the sites whose pages may post for it; CORS applies them at once. The organisation must exist (400 on `organisationId` otherwise).',
    auth: 'admin',
    body: { content: json('NewService') },
    responses: {
      201: { description: 'Added.', content: json('AdminService') },
      ...problems(400, 401, 404, 409, 413, 415),
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/services',
    tag: 'Administration',
    summary: 'List the services',
    auth: 'admin',
    query: z.strictObject({ organisationId: ServiceIdSchema.optional() }),
    responses: {
      200: { description: 'By id.', content: json(listOf('AdminService')) },
      ...problems(401, 404),
    },
  },
  {
    method: 'patch',
    path: '/api/v1/admin/services/{id}',
    tag: 'Administration',
    summary: 'Change a service',
    description:
      'Only the fields given change. `allowedOrigins` replaces the list; `publicServiceUri: null` removes the URI; `active: false` stops its ingest (404 to the widget).',
    auth: 'admin',
    pathParameters: { id: ServiceIdSchema },
    body: { content: json('ServiceUpdate') },
    responses: {
      200: { description: 'The service as it is now.', content: json('AdminService') },
      ...problems(400, 401, 404, 413, 415),
    },
  },
  {
    method: 'post',
    path: '/api/v1/admin/tokens',
    tag: 'Administration',
    summary: 'Create a token',
    description:
      'The token is in this answer only (Cache-Control: no-store); the collector stores its SHA-256 hash.',
    auth: 'admin',
    body: { content: json('TokenRequest') },
    responses: {
      201: { description: 'Created; copy the token now.', content: json('TokenCreated') },
      ...problems(400, 401, 404, 413, 415),
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/tokens',
    tag: 'Administration',
    summary: 'List the tokens',
    description: 'Never the token, never its hash.',
    auth: 'admin',
    responses: {
      200: { description: 'Oldest first.', content: json(listOf('TokenInfo')) },
      ...problems(401, 404),
    },
  },
  {
    method: 'delete',
    path: '/api/v1/admin/tokens/{id}',
    tag: 'Administration',
    summary: 'Revoke a token',
    description: 'The very next request with the token answers 401. Revoking twice is harmless.',
    auth: 'admin',
    pathParameters: { id: z.uuid() },
    responses: { 204: { description: 'Revoked.' }, ...problems(401, 404) },
  },

  // Operations
  {
    method: 'get',
    path: '/healthz',
    tag: 'Operations',
    summary: 'Liveness: the process answers',
    auth: 'none',
    responses: {
      200: { description: '`{"status": "ok"}`', content: json({ type: 'object' }) },
    },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'Operations',
    summary: 'Readiness: the database answers',
    auth: 'none',
    responses: {
      200: { description: '`{"status": "ready"}`', content: json({ type: 'object' }) },
      ...problems(503),
    },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'Operations',
    summary: 'This document',
    auth: 'none',
    responses: {
      200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) },
    },
  },
];

function schemaOrRef(schema: SchemaName | JsonSchema | null): JsonSchema | undefined {
  if (schema === null) return undefined;
  return typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : schema;
}

function content(map: Content) {
  return Object.fromEntries(
    Object.entries(map).map(([type, schema]) => {
      const resolved = schemaOrRef(schema);
      return [type, resolved ? { schema: resolved } : {}];
    }),
  );
}

/** The query parameters of a strict zod object, one per property. */
export function queryParameters(query: z.ZodObject) {
  const schema = jsonSchema(query, 'input');
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(
    ([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }),
  );
}

function pathParameters(operation: Operation) {
  return [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const schema = operation.pathParameters?.[name!];
    return {
      name: name!,
      in: 'path',
      required: true,
      schema: schema ? jsonSchema(schema, 'input') : { type: 'string' },
    };
  });
}

function operationObject(operation: Operation) {
  const parameters = [
    ...pathParameters(operation),
    ...(operation.query ? queryParameters(operation.query) : []),
  ];
  const security =
    operation.auth === 'token'
      ? [{ token: [] }]
      : operation.auth === 'admin'
        ? [{ adminToken: [] }]
        : [];
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    operationId: `${operation.method}${operation.path
      .replace(/[{}]/g, '')
      .split(/[/.-]/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join('')}`,
    security,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: content(operation.body.content) } }
      : {}),
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, reply]) => [
        status,
        {
          description: reply.description,
          ...(reply.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(reply.headers).map(([name, description]) => [
                    name,
                    { description, schema: { type: 'string' } },
                  ]),
                ),
              }
            : {}),
          ...(reply.content ? { content: content(reply.content) } : {}),
        },
      ]),
    ),
  };
}

/** The OpenAPI 3.1 document of API v1. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'vo-feedback collector API',
      version: '1',
      summary: 'The feedback instrument of the Flemish government’s digital services.',
      description:
        'All bodies are JSON; errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for validation errors, `errors: [{path, message}]`. Dates are `YYYY-MM-DD`; days and months are counted in Europe/Brussels time.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    tags: TAGS.map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(SCHEMAS).map(([name, [schema, io]]) => [name, jsonSchema(schema, io)]),
      ),
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'A provider or steering token, issued by the administrator.',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The collector’s ADMIN_TOKEN (environment).',
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
