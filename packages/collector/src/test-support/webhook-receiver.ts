import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a receiver got. */
export interface ReceivedRequest {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
  /** The how-manieth request with this webhook-id (1 for the first). */
  attempt: number;
  receivedAt: number;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request and answers what `answer`
 * says for it (default 204); `delayMs` holds each answer back that long; `close: true` closes
 * the connection after each answer. Counts the connections it was opened.
 */
export async function startWebhookReceiver(
  options: {
    answer?: (request: Omit<ReceivedRequest, 'status'>) => number;
    delayMs?: number;
    close?: boolean;
  } = {},
) {
  const received: ReceivedRequest[] = [];
  let connections = 0;
  let open = 0;
  const attempts = new Map<string, number>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const id = String(incoming.headers['webhook-id'] ?? '');
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      const request = {
        id,
        timestamp: String(incoming.headers['webhook-timestamp'] ?? ''),
        signature: String(incoming.headers['webhook-signature'] ?? ''),
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        attempt,
        receivedAt: Date.now(),
      };
      const status = options.answer?.(request) ?? 204;
      const reply = () => {
        received.push({ ...request, status });
        outgoing
          .writeHead(status, {
            'content-type': 'text/plain',
            ...(options.close ? { connection: 'close' } : {}),
          })
          .end(status < 300 ? '' : 'no');
      };
      if (options.delayMs) setTimeout(reply, options.delayMs);
      else reply();
    });
  });
  server.on('connection', (socket) => {
    connections += 1;
    open += 1;
    socket.on('close', () => (open -= 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/vo`,
    port,
    received,
    /** The connections opened to it so far, and those open now. */
    connections: () => ({ opened: connections, open }),
    /** The requests answered 2xx, one per delivered event. */
    delivered: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A received request checked as a receiver would, with the Standard Webhooks reference library:
 * its parsed body, or a throw when the signature or the timestamp does not hold.
 */
export function verifyStandardWebhook(secret: string, request: ReceivedRequest): unknown {
  return new Webhook(secret).verify(request.body, {
    'webhook-id': request.id,
    'webhook-timestamp': request.timestamp,
    'webhook-signature': request.signature,
  });
}
