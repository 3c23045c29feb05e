import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Makes SQLite's write-ahead log durable without holding the event loop: fdatasync(2) on the
 * `-wal` file runs in libuv's thread pool while the loop goes on reading requests and writing the
 * next batch. The log is one file written in order, so a sync started after a commit covers that
 * commit and every one before it; SQLite's recovery ignores frames after the last complete commit.
 * With `synchronous = NORMAL` for the batch's own commit, that is `FULL`'s guarantee (the log
 * synced before the answer), and SQLite still syncs the log and the database at checkpoints.
 */
export class WalSync {
  private fd: number | undefined;

  constructor(private readonly path: string) {}

  /** Resolves once everything written to the log so far is on disk. */
  sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        // The log exists from the first write on, and stays while the connection is open (it is
        // reset in place, not replaced, after a checkpoint): one descriptor serves for good.
        this.fd ??= openSync(this.path, 'r+');
      } catch (error) {
        reject(error);
        return;
      }
      fdatasync(this.fd, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
