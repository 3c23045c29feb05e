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
  /** The sync under way, and the one that starts after it, which every caller until then shares. */
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly path: string) {}

  /**
   * Resolves once everything written to the log so far is on disk. A sync under way may have
   * started before the caller's commit: the caller waits for the next one, shared with every
   * caller until it starts (ingest's batches and the webhook worker's results).
   */
  sync(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<void> {
    const running = this.fdatasync();
    this.running = running;
    const done = () => {
      if (this.running === running) this.running = undefined;
    };
    running.then(done, done);
    return running;
  }

  private fdatasync(): Promise<void> {
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
