import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './api.ts';
import type { DashboardContext } from './context.ts';
import { isAbort } from './errors.ts';
import { emit } from './events.ts';

export type { RoleDiscoveredDetail } from './events.ts';

/** How one load ended: its value, its failure, or undefined when it was aborted. */
export type Settled<T> = { value: T } | { error: unknown } | undefined;

/**
 * Runs `load` with `signal` and says how it ended. An aborted load (a newer one replaced it, or
 * the element left the page) ends in undefined: nothing to show, not even an error.
 */
export async function settle<T>(
  signal: AbortSignal,
  load: (signal: AbortSignal) => Promise<T>,
): Promise<Settled<T>> {
  try {
    const value = await load(signal);
    return signal.aborted ? undefined : { value };
  } catch (error) {
    return isAbort(error) || signal.aborted ? undefined : { error };
  }
}

/**
 * Whether a new context needs the data loaded again: another token, or (with `today`) another
 * day. A new language or role only re-renders.
 */
export function contextMoved(
  changed: PropertyValues,
  context: DashboardContext,
  { today = false } = {},
): boolean {
  if (!changed.has('context')) return false;
  const previous = changed.get('context') as DashboardContext | undefined;
  return !previous || previous.api !== context.api || (today && previous.today !== context.today);
}

export interface LoadHandlers<T> {
  /** The latest load answered. */
  done(value: T): void | Promise<void>;
  /** The latest load failed. */
  failed(error: unknown): void;
  /** The collector refused the latest load to this token (403), with `steeringWhenRefused`. */
  refused?(): void;
}

/**
 * One element's data loading: each run aborts the one before, so only the latest answer or error
 * ever reaches the element, and leaving the page aborts the run in flight.
 *
 * With `steeringWhenRefused` (the comments and themes, which the collector refuses to steering
 * tokens), a 403 is not an error to show: it tells the shell that this token is a steering token
 * (`vo-role-discovered`), which then shows aggregates only.
 */
export class Loader implements ReactiveController {
  #abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: { steeringWhenRefused?: boolean } = {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Aborts the run in flight and starts `load`; without handlers, `load` shows what it finds. */
  async run<T>(
    load: (signal: AbortSignal) => Promise<T>,
    handlers?: LoadHandlers<T>,
  ): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const settled = await settle(abort.signal, load);
    if (!settled) return;
    if ('value' in settled) return handlers?.done(settled.value);
    const { error } = settled;
    if (
      this.options.steeringWhenRefused &&
      error instanceof ApiError &&
      error.kind === 'forbidden'
    ) {
      emit(this.host, 'vo-role-discovered', { role: 'steering' });
      handlers?.refused?.();
      return;
    }
    handlers?.failed(error);
  }
}
