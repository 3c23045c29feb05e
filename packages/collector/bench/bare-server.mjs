// The baselines of the ingest benchmark: the same server stack as the collector (Node,
// @hono/node-server, Hono) with the smallest routes of the same shape.
//   POST /json  reads and parses the JSON body and answers 201 with a small JSON body, as ingest
//               does: the cost of HTTP and JSON that no collector can avoid.
//   POST /bare  answers 204 and reads nothing: the stack alone.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono()
  .post('/json', async (c) => {
    const body = await c.req.json();
    return c.json({ id: body.id, status: 'stored' }, 201);
  })
  .post('/bare', (c) => c.body(null, 204));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, () => {
  process.stdout.write('"message":"listening"\n');
});
process.on('SIGTERM', () => process.exit(0));
