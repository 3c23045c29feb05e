// The baseline of the ingest benchmark: the same server stack as the collector (Node, @hono/node-server,
// Hono) with one route that answers 204 and does nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().post('/bare', (c) => c.body(null, 204));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, () => {
  process.stdout.write('"message":"listening"\n');
});
process.on('SIGTERM', () => process.exit(0));
