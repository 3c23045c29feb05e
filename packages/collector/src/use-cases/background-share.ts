import { setImmediate as nextTurn, setTimeout as sleepFor } from 'node:timers/promises';

// Background work (webhook deliveries, mail, the theme indexer) runs on the event loop that
// answers submissions, and on one core a delivery costs more CPU than ingesting its submission.
// So after each piece of it a worker asks this share for a pause: none while the loop has room,
// so a backlog goes at full speed; while requests keep the loop busy, nineteen times the piece's
// time, so background work holds a twentieth of the loop and ingest keeps the rest. The outboxes
// are durable: what waits during a peak is sent after it, and under a load that never ends it
// still moves at its share.

/** The share of the loop's time background work keeps while the loop is busy. */
export const BACKGROUND_SHARE = 0.05;
/** Pieces shorter than this are added up before the loop is looked at (a look costs a probe). */
export const SLICE_MS = 40;
/** How long the loop is watched before the first decision: a twentieth of a slice. */
export const PROBE_MS = 2;
/**
 * A busy probe is confirmed over this longer window before the pause counts: a process that the
 * machine set aside for a moment makes a 2 ms window look busy while it has nothing to do.
 */
export const CONFIRM_MS = 20;
/** During a long pause the loop is looked at again this often; the pause ends once it has room. */
export const STEP_MS = 100;
/** A loop busy more than this fraction of a window has requests waiting. */
export const BUSY_ABOVE = 0.5;

export interface BackgroundShare {
  /**
   * Called after a piece of background work that took `elapsedMs`; resolves when the next piece
   * may start: at once while the event loop has room, else after nineteen times the work since
   * the last pause (sooner if the loop frees up meanwhile). Pauses of several workers sharing one
   * share add up. The pause it planned, in ms: 0 when the loop had room (at the probe, or at the
   * look that confirms it).
   */
  pause(elapsedMs: number): Promise<number>;
}

export interface BackgroundShareOptions {
  /** Default BACKGROUND_SHARE. */
  share?: number;
  /** Tests: a clock in ms, and a sleep and a loop meter that follow it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Starts watching the loop; the function it returns gives its utilization (0–1) since. */
  watchLoop?: () => () => number;
}

/** performance.eventLoopUtilization over a window: the fraction of it the loop was not idle. */
function watchEventLoop(): () => number {
  const start = performance.eventLoopUtilization();
  return () => performance.eventLoopUtilization(start).utilization;
}

export function backgroundShare(options: BackgroundShareOptions = {}): BackgroundShare {
  const share = options.share ?? BACKGROUND_SHARE;
  const now = options.now ?? (() => performance.now());
  // Unreferenced: a pause never keeps a stopping process alive.
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms, undefined, { ref: false }));
  const watchLoop = options.watchLoop ?? watchEventLoop;
  const pausePerMs = 1 / share - 1;
  /** Work since the last look at the loop, in ms. */
  let owed = 0;
  /** While the loop is busy: when background work may go on. */
  let resumeAt = -Infinity;

  return {
    async pause(elapsedMs) {
      owed += Math.max(0, elapsedMs);
      if (owed < SLICE_MS && now() >= resumeAt) {
        // Still let waiting requests in between two pieces.
        await nextTurn();
        return 0;
      }
      const start = now();
      resumeAt = Math.max(resumeAt, start) + owed * pausePerMs;
      owed = 0;
      const planned = resumeAt - start;
      // Watch the loop while nothing of ours runs on it: a short probe first (the cost of a look
      // when the loop is free), its confirmation, then longer steps.
      for (let look = 0; ; look += 1) {
        const step = look === 0 ? PROBE_MS : look === 1 ? CONFIRM_MS : STEP_MS;
        const utilization = watchLoop();
        await sleep(Math.max(1, Math.min(step, resumeAt - now())));
        if (utilization() <= BUSY_ABOVE) {
          resumeAt = now();
          return look <= 1 ? 0 : planned;
        }
        if (now() >= resumeAt) return planned;
      }
    },
  };
}

/** What a round of background work did: how much it took, and whether its batch was full. */
export interface Round {
  worked: number;
  full: boolean;
}

/**
 * Runs a worker's rounds until `stop()`: the next at once after a full batch, else after `pollMs`;
 * a round that did something is first followed by its pause of `share`. `round` handles its own
 * errors (it logs them and reports nothing done). `stop()` waits for the round in flight, never
 * for a pause or a poll.
 */
export function runRounds(
  round: () => Promise<Round>,
  pollMs: number,
  share?: BackgroundShare,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const run = async () => {
    const started = performance.now();
    const { worked, full } = await round();
    const next = () => {
      if (!stopped) timer = setTimeout(tick, full ? 0 : pollMs);
    };
    if (worked > 0 && share) void share.pause(performance.now() - started).then(next);
    else next();
  };
  const tick = () => {
    inFlight = run();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
