// Getting a citizen's answer to the collector exactly once, even across a dead network.
//
// Every submission carries a client-generated id, and the collector answers an identical re-post
// with `200 unchanged` at any time. So an answer is written to the device's queue before the first
// attempt and leaves it only when the collector has settled it (2xx, or a 4xx that asking again
// cannot change); whatever happens in between — a closed tab, a dead network, two tabs flushing at
// once — the worst case is a repeat that the collector absorbs.

import type { SubmissionInput } from '@vo-feedback/shared';

/** What became of a submission: at the collector, waiting on this device, or refused for good. */
export type DeliveryResult = 'sent' | 'queued' | 'failed';

interface QueuedSubmission {
  id: string;
  url: string;
  body: string;
  /** When it was queued (ms since the epoch): it is dropped, unsent, a week later. */
  at: number;
}

/** The localStorage key of the queue; namespaced because the host page owns the storage. */
export const QUEUE_KEY = 'vo-feedback:queue';

// Waits between in-page attempts. Short on purpose: the citizen watches a "sending" message, and a
// longer outage is what the queue is for.
const RETRY_DELAYS = [1000, 2000];
// A Retry-After longer than this is not waited for in the page; the queue takes over.
const MAX_WAIT = 10_000;
// One more flush while the page stays open, for an outage that never fires an `online` event.
const REFLUSH_AFTER = 30_000;
// A bound on what one browser keeps for a collector that never comes back: the newest answers.
const MAX_QUEUED = 20;
// A comment is kept unredacted on the device, so not for ever: the privacy text promises a week.
const MAX_AGE = 7 * 24 * 3600 * 1000;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of milliseconds, then the random bits of a v4
 * UUID with its version digit changed. The collector's primary key is this id, and ordered keys
 * insert several times faster than random ones.
 */
export function uuidv7(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${crypto.randomUUID().slice(15)}`;
}

// Where storage is refused (blocked by policy, quota) the queue lives in memory: still delivered on
// the next `online` event of this page view.
let memoryQueue: QueuedSubmission[] = [];

/**
 * The answers still waiting, oldest first. One older than a week (or dated more than a week ahead,
 * after a clock change, or not dated at all) is dropped unsent and removed from the storage here,
 * so every read of the queue, the one at page load included, clears what expired.
 */
function readQueue(): QueuedSubmission[] {
  let queue: QueuedSubmission[];
  try {
    queue = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedSubmission[];
  } catch {
    queue = memoryQueue;
  }
  const fresh = queue.filter((entry) => Math.abs(Date.now() - entry.at) < MAX_AGE);
  if (fresh.length < queue.length) writeQueue(fresh);
  return fresh;
}

function writeQueue(queue: QueuedSubmission[]): void {
  try {
    if (queue.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    else localStorage.removeItem(QUEUE_KEY);
  } catch {
    memoryQueue = queue;
  }
}

/**
 * True when the collector has settled the answer: 2xx, or a 4xx other than 429 (invalid, forbidden,
 * unknown service, conflict: asking again changes nothing). 0 is a network failure.
 */
const isSettled = (status: number) => status > 0 && status < 500 && status !== 429;

/**
 * One POST. A settled answer leaves the queue, but only if the queue still holds this exact
 * content: a newer version (the comment after the rating) stays until it is settled itself.
 */
async function post(entry: QueuedSubmission): Promise<{ status: number; retryAfter?: number }> {
  try {
    const response = await fetch(entry.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: entry.body,
      // No cookie goes to the collector, and the request survives the citizen leaving the page.
      credentials: 'omit',
      keepalive: true,
    });
    const status = response.status;
    if (isSettled(status)) writeQueue(readQueue().filter((e) => e.body !== entry.body));
    // Delay-seconds only: that is what the collector sends; a date falls back to our own backoff.
    const retryAfter = Number(response.headers.get('retry-after') || NaN) * 1000;
    return { status, retryAfter: retryAfter >= 0 ? retryAfter : undefined };
  } catch {
    return { status: 0 };
  }
}

/**
 * Sends `submission` to `url`, retrying network failures, 429 and 5xx with a short backoff
 * (honouring Retry-After); when that does not help, the answer stays queued for the next page load
 * or `online` event.
 */
export async function deliver(url: string, submission: SubmissionInput): Promise<DeliveryResult> {
  const entry = { id: submission.id, url, body: JSON.stringify(submission), at: Date.now() };
  // Queued before the first attempt, so a tab closed mid-request still delivers on the next load.
  // A newer content for the same id replaces the older one.
  writeQueue([...readQueue().filter((e) => e.id !== entry.id), entry].slice(-MAX_QUEUED));
  for (let attempt = 0; ; attempt++) {
    const { status, retryAfter } = await post(entry);
    if (isSettled(status)) return status < 300 ? 'sent' : 'failed';
    const wait = retryAfter ?? RETRY_DELAYS[attempt];
    if (wait === undefined || wait > MAX_WAIT || !navigator.onLine) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  setTimeout(flushQueue, REFLUSH_AFTER);
  return 'queued';
}

let flushing: Promise<void> | undefined;

/**
 * Sends what waits in the queue, one attempt each, oldest first, and stops at the first that still
 * cannot get through. Runs once at a time, so a page load and an `online` event arriving together
 * do not post the same answer twice in parallel (which the collector would absorb anyway).
 */
export function flushQueue(): Promise<void> {
  flushing ??= (async () => {
    for (const entry of readQueue()) {
      if (!isSettled((await post(entry)).status)) break;
    }
  })().finally(() => (flushing = undefined));
  return flushing;
}

const impressionsSent = new Set<string>();

/**
 * Counts one showing of the widget for `serviceId`, once per page view, without any identifier:
 * the response rate in the reports is answers divided by impressions.
 */
export function sendImpression(endpoint: string, serviceId: string): void {
  const key = `${endpoint} ${serviceId}`;
  if (impressionsSent.has(key)) return;
  impressionsSent.add(key);
  const url = `${endpoint}/api/v1/impressions`;
  const body = JSON.stringify({ serviceId });
  // sendBeacon posts text/plain, which needs no CORS preflight and outlives the page.
  if (!navigator.sendBeacon?.(url, body)) {
    // Also text/plain, so no preflight; the answer is not read, so CORS does not matter.
    fetch(url, { method: 'POST', body, credentials: 'omit', keepalive: true }).catch(() => {});
  }
}
