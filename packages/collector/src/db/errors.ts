/**
 * The database cannot take work right now (busy beyond its timeout, disk full, I/O error, read
 * only). Routes answer 503 with Retry-After: the widget keeps the submission and retries, and the
 * collector recovers without a restart once the cause goes.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable: ${reason}`, options);
  }
}

const UNAVAILABLE_SQLITE_CODES =
  /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;
const UNAVAILABLE_PG_CODES = /^(53|57P|08)/; // insufficient resources, shutdown, connection

/** Wraps errors that mean "try again later" so routes can answer 503; others pass through. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_SQLITE_CODES.test(code) || UNAVAILABLE_PG_CODES.test(code))
  ) {
    return new StoreUnavailableError(code, { cause: error });
  }
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new StoreUnavailableError('closed', { cause: error });
  }
  return error;
}
