import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { TAGS } from '../../http/openapi.ts';

// The OpenAPI 3.1 document of API v1, generated from the routes' declarations (createRoute): their
// paths, parameters, bodies, answers, tags and security, merged into the app's registry as the
// sub-apps are mounted. zod-to-openapi writes the structure; the JSON Schemas in it are zod's own
// (z.toJSONSchema), because zod-to-openapi's conversion drops what zod can express: strict output
// objects, the pattern of a UUID or a date, integer bounds. Request parts are documented as the
// client sends them (zod `input`: before trimming and defaults), answers as the collector sends
// them (`output`). Named schemas are the shared schemas with a `.meta({ id })`: each becomes one
// component, referenced by $ref wherever it is used.

export type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';

/** Replaces zod's local `#/$defs/Name` references with the document's component references. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string'
        ? [key, inner.replace(/^#\/\$defs\//, COMPONENTS)]
        : [key, relink(inner)],
    ),
  );
}

/**
 * A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without `$schema`; a named
 * schema, here or nested, is a $ref to its component.
 */
export function jsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _dialect, $defs: _named, ...rest } = converted;
  return relink(rest) as JsonSchema;
}

/** Every named schema as a component, in both directions; the document takes the ones it uses. */
function namedSchemas(io: Io): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `${COMPONENTS}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
      return [name, rest];
    }),
  );
}

function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith(COMPONENTS)) {
        found.add(inner.slice(COMPONENTS.length));
      } else refsIn(inner, found);
    }
  }
  return found;
}

const isZod = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

/** The fields of a parameter object (`params`, `query`), also behind a transform or preprocess. */
function fieldsOf(schema: unknown): Record<string, z.ZodType> {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (!isZod(schema)) return {};
  const def = schema.def as { in?: unknown; out?: unknown };
  if (def.in === undefined) return {};
  const fields = fieldsOf(def.in);
  return Object.keys(fields).length > 0 ? fields : fieldsOf(def.out);
}

type MediaObjects = Record<string, { schema?: unknown }>;
/** The parts of an operation object that the generated document fixes up and the page reads. */
export interface OperationObject {
  [key: string]: unknown;
  operationId?: string;
  parameters?: Array<{ name: string; in: string; schema?: unknown }>;
  requestBody?: { content: MediaObjects };
  responses: Record<string, { content?: MediaObjects }>;
}

/** `postApiV1ServicesServiceIdSummary` for POST /api/v1/services/{serviceId}/summary. */
function operationId(method: string, path: string): string {
  const words = path
    .replace(/[{}]/g, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1));
  return `${method}${words.join('')}`;
}

/** Writes zod's schemas of one declared operation into its operation object. */
function useZodSchemas(route: RouteConfig, operation: OperationObject) {
  operation.operationId ??= operationId(route.method, route.path);
  for (const parameter of operation.parameters ?? []) {
    const source =
      parameter.in === 'path'
        ? route.request?.params
        : parameter.in === 'query'
          ? route.request?.query
          : undefined;
    const field = fieldsOf(source)[parameter.name];
    if (field) parameter.schema = jsonSchema(field, 'input');
  }
  const body = route.request?.body?.content ?? {};
  for (const [type, media] of Object.entries(body)) {
    const target = operation.requestBody?.content[type];
    const schema = (media as { schema?: unknown } | undefined)?.schema;
    if (target && isZod(schema)) target.schema = jsonSchema(schema, 'input');
  }
  for (const [status, response] of Object.entries(route.responses)) {
    const content = 'content' in response ? (response.content ?? {}) : {};
    for (const [type, media] of Object.entries(content)) {
      const target = operation.responses[status]?.content?.[type];
      const schema = (media as { schema?: unknown } | undefined)?.schema;
      if (target && isZod(schema)) target.schema = jsonSchema(schema, 'output');
    }
  }
}

/**
 * The components the paths use, and the ones those use: as the client sends them where a request
 * uses them (input), else as the collector sends them (output).
 */
function components(paths: unknown, responses: unknown): Record<string, JsonSchema> {
  const byIo = { input: namedSchemas('input'), output: namedSchemas('output') };
  const requests = Object.values(paths as Record<string, Record<string, OperationObject>>)
    .flatMap((item) => Object.values(item))
    .map((operation) => [operation.parameters, operation.requestBody]);
  const chosen: Record<string, JsonSchema> = {};
  const take = (names: Iterable<string>, io: Io) => {
    for (const name of names) {
      const schema = byIo[io][name];
      if (chosen[name] || !schema) continue;
      chosen[name] = schema;
      take(refsIn(schema), io);
    }
  };
  take(refsIn(requests), 'input');
  take(refsIn([paths, responses]), 'output');
  return Object.fromEntries(
    Object.keys(chosen)
      .sort(byName)
      .map((name) => [name, chosen[name]!]),
  );
}

// Components in the order the shared package names them, so that the document reads the same
// from run to run.
const byName = (a: string, b: string) => registryOrder(a) - registryOrder(b);
const registryOrder = (name: string) => [...z.globalRegistry._idmap.keys()].indexOf(name);

// A variable, not a literal in the call: OpenAPI 3.1's `summary` and license `identifier` are
// newer than the generator's types.
const INFO = {
  title: 'vo-feedback collector API',
  version: '1',
  summary: 'The feedback instrument of the Flemish government’s digital services.',
  description:
    'All bodies are JSON; errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for validation errors, `errors: [{path, message}]`. A path asked with a method it does not answer gets 405 with an `Allow` header naming the methods it does. Dates are `YYYY-MM-DD`; days and months are counted in Europe/Brussels time.',
  license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
};

export interface OpenApiDocument {
  [key: string]: unknown;
  openapi: string;
  info: typeof INFO;
  paths: Record<string, Record<string, OperationObject>>;
  components: { [key: string]: unknown; schemas: Record<string, JsonSchema> };
}

/** The OpenAPI 3.1 document of everything declared in `app` and its sub-apps. */
export function openApiDocument(app: OpenAPIHono): OpenApiDocument {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
  });
  const paths = (document.paths ?? {}) as Record<string, Record<string, OperationObject>>;
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const operation = paths[definition.route.path]?.[definition.route.method];
    if (operation) useZodSchemas(definition.route, operation);
  }
  // Any path answers 405 to a method it does not take: one answer for the whole API.
  const responses = {
    MethodNotAllowed: {
      description: 'The path does not answer this method; `Allow` names the ones it does.',
      headers: {
        Allow: { description: 'The methods this path answers.', schema: { type: 'string' } },
      },
      content: { 'application/problem+json': { schema: { $ref: `${COMPONENTS}Problem` } } },
    },
  };
  return {
    ...document,
    info: INFO,
    paths,
    components: {
      ...document.components,
      schemas: components(paths, responses),
      responses,
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
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The collector’s METRICS_TOKEN (environment), for Prometheus.',
        },
      },
    },
  };
}
