import { StoreUnavailableError } from '../domain/store.ts';

// Every database error is classified here, for both databases: what means "try again later"
// (StoreUnavailableError, a 503), what means "this key exists already", and which failures of a
// PostgreSQL transaction are simply tried again.

export { StoreUnavailableError };

const UNAVAILABLE_SQLITE_CODES =
  /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;
const UNAVAILABLE_PG_CODES = /^(53|57P|08)/; // insufficient resources, shutdown, connection
// The PostgreSQL server cannot be reached or went away: node's socket errors, pg's own messages.
// Only the database's socket may reach here with these codes: a request whose client goes away
// fails in the body reader with a ClientGoneError (body.ts), which carries no code.
const UNAVAILABLE_NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;
const PG_CONNECTION_LOST =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * The database's own error code. drizzle wraps the driver's error (DrizzleQueryError), so the
 * code may be on a cause a level or two down.
 */
function databaseCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * A row with this key exists already: PostgreSQL's unique_violation, SQLite's primary-key or
 * unique constraint. With several instances on one database, "check, then insert" races, and
 * the loser's insert is the place where the conflict shows.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = databaseCode(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * PostgreSQL failed the transaction for a race it resolves by itself: a serialization failure, a
 * deadlock, or the unique violation of a concurrent first post of the same id. Tried again, the
 * loser sees the winner's row.
 */
export function isRetryable(error: unknown): boolean {
  const code = databaseCode(error);
  return code === '40001' || code === '40P01' || code === '23505';
}

/** Wraps errors that mean "try again later" so routes can answer 503; others pass through. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = databaseCode(error);
  if (
    code !== undefined &&
    (UNAVAILABLE_SQLITE_CODES.test(code) ||
      UNAVAILABLE_PG_CODES.test(code) ||
      UNAVAILABLE_NETWORK_CODES.test(code))
  ) {
    return new StoreUnavailableError(code, { cause: error });
  }
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error && PG_CONNECTION_LOST.test(e.message)) {
      return new StoreUnavailableError('connection lost', { cause: error });
    }
  }
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new StoreUnavailableError('closed', { cause: error });
  }
  return error;
}
