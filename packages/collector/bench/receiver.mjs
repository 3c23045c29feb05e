// The receivers of the ingest benchmark's webhook variant (ingest.mjs), in a process of their own
// so that they answer while the benchmark waits for wrk: an HTTP server that answers every POST
// with 204 at once and counts the deliveries (and their distinct webhook-id headers), and an SMTP
// server (smtp-server, no TLS, no login) that accepts and counts every message. GET /count answers
// the counts as JSON. Prints one JSON line with both ports when it listens.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

let requests = 0;
const ids = new Set();
let mails = 0;

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/count') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ requests, distinct: ids.size, mails }));
    return;
  }
  requests += 1;
  const id = request.headers['webhook-id'];
  if (typeof id === 'string') ids.add(id);
  request.resume();
  request.on('end', () => {
    response.writeHead(204);
    response.end();
  });
});

const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      mails += 1;
      callback();
    });
  },
});

const listen = (server, address) =>
  new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(address().port));
  });
const httpPort = await listen(http, () => http.address());
const smtpPort = await listen(smtp, () => smtp.server.address());
console.log(JSON.stringify({ httpPort, smtpPort }));
process.on('SIGTERM', () => process.exit(0));
