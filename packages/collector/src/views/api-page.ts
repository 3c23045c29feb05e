import { escapeHtml } from './html.ts';

// The readable API page at GET /api, rendered on the server from the generated OpenAPI document:
// its operations, parameters, bodies, answers and JSON Schemas. Plain HTML and one stylesheet: no
// script, nothing inline, so it passes the collector's CSP (default-src 'self').

/** Escapes, then shows `code` spans as <code>. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Who may call an operation, from its security requirement. */
function authText(security: unknown): string {
  const schemes = Array.isArray(security)
    ? security.flatMap((requirement: object) => Object.keys(requirement))
    : [];
  if (schemes.includes('adminToken')) return 'Bearer ADMIN_TOKEN';
  if (schemes.includes('token')) return 'Bearer token (provider or steering)';
  return 'none';
}

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

/** What the page reads of an OpenAPI 3.1 document. */
export interface ApiDocument {
  info: { description?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Components };
}

/** One operation of the document: its method, path and operation object. */
interface Operation {
  method: string;
  path: string;
  object: JsonSchema;
}

/** The document's operations in its order, each under its first tag, the tags in their order. */
function operationsByTag(document: ApiDocument): Map<string, Operation[]> {
  const byTag = new Map<string, Operation[]>((document.tags ?? []).map(({ name }) => [name, []]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, object] of Object.entries(item)) {
      const tag = (object.tags as string[] | undefined)?.[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, object });
    }
  }
  return byTag;
}

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    return (components as Record<string, JsonSchema>)[ref.split('/').pop()!] ?? schema;
  }
  return schema;
}

/** One line saying what a value may be: "integer 1–5", "one of: nl, fr, en, de", … */
export function describeSchema(s: JsonSchema, components: Components): string {
  const suffix: string[] = [];
  if (s.default !== undefined) suffix.push(`default ${JSON.stringify(s.default)}`);
  const withSuffix = (text: string) => (suffix.length ? `${text}; ${suffix.join('; ')}` : text);

  const anyOf = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (anyOf) {
    return withSuffix(anyOf.map((option) => describeSchema(option, components)).join(' or '));
  }
  if (s.const !== undefined) return withSuffix(JSON.stringify(s.const));
  if (Array.isArray(s.enum)) return withSuffix(`one of: ${s.enum.join(', ')}`);
  if (typeof s.$ref === 'string') return withSuffix(s.$ref.split('/').pop()!);
  switch (s.type) {
    case 'string': {
      const parts = [typeof s.format === 'string' ? `${s.format}` : 'text'];
      if (typeof s.minLength === 'number' && s.minLength > 0) parts.push(`at least ${s.minLength}`);
      if (typeof s.maxLength === 'number') parts.push(`at most ${s.maxLength} characters`);
      if (typeof s.pattern === 'string' && typeof s.format !== 'string') {
        parts.push(`matching ${s.pattern}`);
      }
      return withSuffix(parts.join(', '));
    }
    case 'integer':
    case 'number': {
      const min =
        typeof s.minimum === 'number' && Math.abs(s.minimum) < 1e15 ? s.minimum : undefined;
      const max =
        typeof s.maximum === 'number' && Math.abs(s.maximum) < 1e15 ? s.maximum : undefined;
      const range =
        min !== undefined && max !== undefined
          ? ` ${min}–${max}`
          : min !== undefined
            ? ` ≥ ${min}`
            : max !== undefined
              ? ` ≤ ${max}`
              : '';
      return withSuffix(`${s.type}${range}`);
    }
    case 'boolean':
      return withSuffix('true or false');
    case 'null':
      return 'null';
    case 'array': {
      const items = s.items as JsonSchema | undefined;
      const max = typeof s.maxItems === 'number' ? ` (at most ${s.maxItems})` : '';
      return withSuffix(`list${max}${items ? ` of ${describeSchema(items, components)}` : ''}`);
    }
    case 'object':
      return withSuffix('object');
    default:
      return withSuffix('any');
  }
}

function fieldTable(
  caption: string,
  schema: JsonSchema,
  components: Components,
  request = true,
): string {
  const s = resolve(schema, components);
  const alternatives = s.oneOf as JsonSchema[] | undefined;
  if (alternatives) {
    return alternatives
      .map((option, i) =>
        fieldTable(
          `${caption}, form ${i + 1} of ${alternatives.length}`,
          option,
          components,
          request,
        ),
      )
      .join('\n');
  }
  const properties = s.properties as Record<string, JsonSchema> | undefined;
  if (!properties) {
    const text = s.description ? String(s.description) : describeSchema(s, components);
    return `<p>${escapeHtml(caption)}: ${prose(text)}</p>`;
  }
  const required = new Set((s.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, property]) =>
      `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${escapeHtml(
        describeSchema(property, components),
      )}</td><td>${required.has(name) ? 'required' : 'optional'}</td></tr>`,
  );
  // Answers are closed objects too, but only for a request is that worth saying.
  const closed = request && s.additionalProperties === false ? ' Other fields are refused.' : '';
  return `<table><caption>${escapeHtml(caption)}.${closed}</caption>
<thead><tr><th scope="col">field</th><th scope="col">value</th><th scope="col">presence</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

function operationSection({ method: lower, path, object }: Operation, components: Components) {
  const method = lower.toUpperCase();
  const parts = [
    `<section class="operation" id="${slug(`${method} ${path}`)}">`,
    `<h3><span class="method">${method}</span> <code>${escapeHtml(path)}</code></h3>`,
  ];
  if (typeof object.summary === 'string') parts.push(`<p>${prose(object.summary)}.</p>`);
  if (typeof object.description === 'string') parts.push(`<p>${prose(object.description)}</p>`);
  parts.push(`<p>Authentication: ${escapeHtml(authText(object.security))}.</p>`);

  const parameters = (object.parameters ?? []) as Array<{
    name: string;
    in: string;
    required: boolean;
    schema: JsonSchema;
  }>;
  if (parameters.length > 0) {
    const rows = parameters.map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${p.in}</td><td>${escapeHtml(
          describeSchema(p.schema, components),
        )}</td><td>${p.required ? 'required' : 'optional'}</td></tr>`,
    );
    parts.push(`<table><caption>Parameters</caption>
<thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">value</th><th scope="col">presence</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`);
  }

  const body = object.requestBody as
    { content: Record<string, { schema?: JsonSchema }> } | undefined;
  if (body) {
    const [type, media] = Object.entries(body.content)[0]!;
    const types = Object.keys(body.content).join(' or ');
    const name =
      typeof media.schema?.$ref === 'string' ? `: ${media.schema.$ref.split('/').pop()}` : '';
    if (media.schema) {
      parts.push(fieldTable(`Request body (${types})${name}`, media.schema, components));
    } else parts.push(`<p>Request body: ${escapeHtml(type)}.</p>`);
  }

  const responses = Object.entries(
    object.responses as Record<
      string,
      { description: string; content?: Record<string, { schema?: JsonSchema }> }
    >,
  ).map(([status, reply]) => {
    const types = Object.entries(reply.content ?? {})
      .map(([type, media]) =>
        media.schema ? `${type}: ${describeSchema(media.schema, components)}` : type,
      )
      .join('; ');
    return `<tr><th scope="row">${status}</th><td>${prose(reply.description)}</td><td>${escapeHtml(
      types,
    )}</td></tr>`;
  });
  parts.push(`<table><caption>Responses</caption>
<thead><tr><th scope="col">status</th><th scope="col">meaning</th><th scope="col">body</th></tr></thead>
<tbody>${responses.join('')}</tbody></table>`);
  parts.push('</section>');
  return parts.join('\n');
}

/** The whole page. */
export function apiPage(document: ApiDocument): string {
  const components = document.components.schemas;
  const byTag = [...operationsByTag(document)].filter(([, operations]) => operations.length > 0);
  const descriptions = new Map(document.tags?.map((tag) => [tag.name, tag.description]));
  const sections = byTag.map(([tag, operations]) => {
    const description = descriptions.get(tag);
    return `<section id="${slug(tag)}" aria-labelledby="${slug(tag)}-heading">
<h2 id="${slug(tag)}-heading">${escapeHtml(tag)}</h2>
${description ? `<p>${prose(description)}</p>\n` : ''}${operations.map((o) => operationSection(o, components)).join('\n')}
</section>`;
  });
  const schemas = Object.entries(components as Record<string, JsonSchema>).map(
    ([name, schema]) =>
      `<section class="operation" id="schema-${slug(name)}">\n<h3>${escapeHtml(name)}</h3>\n${fieldTable(
        'Fields',
        schema,
        components,
        false,
      )}\n</section>`,
  );
  sections.push(`<section id="schemas" aria-labelledby="schemas-heading">
<h2 id="schemas-heading">Schemas</h2>
<p>The bodies named above, from the shared zod schemas of <code>packages/shared</code>.</p>
${schemas.join('\n')}
</section>`);
  const contents = byTag.map(
    ([tag, operations]) =>
      `<li><a href="#${slug(tag)}">${escapeHtml(tag)}</a> (${operations.length})</li>`,
  );
  contents.push('<li><a href="#schemas">Schemas</a></li>');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vo-feedback API v1</title>
<link rel="stylesheet" href="/api/api.css">
</head>
<body>
<main>
<h1>vo-feedback API v1</h1>
<p>${prose(String(document.info.description))}</p>
<p>The machine-readable description is the <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>; this page is rendered from it.</p>
<nav aria-label="Sections"><ul>${contents.join('')}</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

export const API_PAGE_CSS = `body {
  margin: 0;
  font-family: 'Flanders Art Sans', Arial, sans-serif;
  color: #333332;
  line-height: 1.5;
}
main {
  max-width: 72em;
  margin: 0 auto;
  padding: 1em;
}
a {
  color: #0055cc;
}
a:focus-visible {
  outline: 3px solid #0055cc;
  outline-offset: 2px;
}
code {
  background: #f7f9fc;
  padding: 0 0.2em;
  overflow-wrap: anywhere;
}
h2 {
  border-bottom: 4px solid #ffed00;
  margin-top: 2em;
}
.operation {
  border-top: 1px solid #cfd5dd;
  padding-top: 0.5em;
}
.method {
  display: inline-block;
  min-width: 4.5em;
  font-size: 0.85em;
}
table {
  border-collapse: collapse;
  margin: 0.5em 0 1em;
  width: 100%;
}
caption {
  text-align: left;
  font-weight: bold;
  padding: 0.25em 0;
}
th,
td {
  border: 1px solid #cfd5dd;
  padding: 0.25em 0.5em;
  text-align: left;
  vertical-align: top;
}
thead th {
  background: #f7f9fc;
}
`;
