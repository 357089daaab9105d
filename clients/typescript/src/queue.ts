/**
 * The background queue: writes are accepted at once, kept in order (one FIFO, so
 * ordered per session), sent in batches to `POST /v1/ingest` (session upserts,
 * which ingest does not take, go alone through `PUT /v1/sessions/{id}` at their
 * place in the order) and retried with exponential backoff. Every event carries
 * an idempotency key assigned when it is queued, so a retry after a lost answer
 * is a `duplicate`, never a second copy.
 */
import { RealtimeStoreError } from "./errors.js";

/** Options of the background queue. */
export interface QueueOptions {
  /** Most writes held at once; beyond it new writes are dropped and counted. Default 10 000. */
  maxSize?: number;
  /** Most events per `/v1/ingest` request. Default 100. */
  maxBatch?: number;
  /** First retry delay in ms (doubles per attempt). Default 100. */
  initialBackoffMs?: number;
  /** Longest retry delay in ms. Default 5 000. */
  maxBackoffMs?: number;
}

/** A queued write. */
export type QueuedWrite =
  | { kind: "event"; line: Record<string, unknown> }
  | { kind: "meta"; sessionId: string; body: Record<string, unknown> };

/** Counters of the queue. */
export interface QueueStats {
  /** Writes waiting. */
  pending: number;
  /** Writes the server acknowledged. */
  sent: number;
  /** Writes dropped because the queue was full. */
  dropped: number;
  /** Writes the server refused as invalid (never retried). */
  rejected: number;
  /** Attempts that failed and were retried. */
  retries: number;
}

/** How the queue talks to the server (implemented by the HTTP store). */
export interface QueueTransport {
  ingest(lines: Record<string, unknown>[]): Promise<IngestLineResult[]>;
  putSession(sessionId: string, body: Record<string, unknown>): Promise<unknown>;
}

/** One result line of `/v1/ingest`. */
export interface IngestLineResult {
  line: number;
  outcome?: string | null;
  reason?: string;
  error?: { code: string; message: string; field?: string | null } | null;
}

// Backoff timers do not keep the process alive: `close()` is how a program waits.
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/** The queue (see the module doc). */
export class IngestQueue {
  private readonly items: QueuedWrite[] = [];
  private readonly opts: Required<QueueOptions>;
  private running: Promise<void> | null = null;
  private closed = false;
  private waiters: Array<() => void> = [];
  readonly stats: QueueStats = { pending: 0, sent: 0, dropped: 0, rejected: 0, retries: 0 };
  /** Called with each error the queue gave up on or retried (no payload in it). */
  onError: ((err: RealtimeStoreError) => void) | null = null;

  constructor(private readonly transport: QueueTransport, opts: QueueOptions = {}) {
    this.opts = {
      maxSize: opts.maxSize ?? 10_000,
      maxBatch: opts.maxBatch ?? 100,
      initialBackoffMs: opts.initialBackoffMs ?? 100,
      maxBackoffMs: opts.maxBackoffMs ?? 5_000,
    };
  }

  /** Queues a write; `false` (and counted as dropped) when full or closed. */
  push(w: QueuedWrite): boolean {
    if (this.closed || this.items.length >= this.opts.maxSize) {
      this.stats.dropped++;
      return false;
    }
    this.items.push(w);
    this.stats.pending = this.items.length;
    this.running ??= this.run().finally(() => {
      this.running = null;
      const ws = this.waiters;
      this.waiters = [];
      ws.forEach((w) => w());
    });
    return true;
  }

  /** Resolves when everything queued so far was acknowledged or given up on. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops accepting writes and flushes. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async run(): Promise<void> {
    while (this.items.length > 0) {
      const head = this.items[0];
      let n = 1;
      if (head.kind === "event") {
        while (n < this.items.length && n < this.opts.maxBatch && this.items[n].kind === "event") n++;
      }
      const batch = this.items.slice(0, n);
      await this.sendWithRetry(batch);
      this.items.splice(0, n);
      this.stats.pending = this.items.length;
    }
  }

  private async sendWithRetry(batch: QueuedWrite[]): Promise<void> {
    let delay = this.opts.initialBackoffMs;
    for (;;) {
      try {
        await this.sendOnce(batch);
        return;
      } catch (e) {
        const err = e instanceof RealtimeStoreError ? e : new RealtimeStoreError(0, "network", "request failed", null, { cause: e });
        this.onError?.(err);
        if (!err.retryable) {
          this.stats.rejected += batch.length;
          return;
        }
        this.stats.retries++;
        await sleep(delay);
        delay = Math.min(delay * 2, this.opts.maxBackoffMs);
      }
    }
  }

  private async sendOnce(batch: QueuedWrite[]): Promise<void> {
    const head = batch[0];
    if (head.kind === "meta") {
      await this.transport.putSession(head.sessionId, head.body);
      this.stats.sent++;
      return;
    }
    await this.sendLines(batch.map((w) => (w as { line: Record<string, unknown> }).line));
  }

  private async sendLines(lines: Record<string, unknown>[]): Promise<void> {
    if (lines.length === 0) return;
    const results = await this.transport.ingest(lines);
    const errs = results.filter((r) => r.error);
    if (errs.some((r) => r.error && ["unavailable", "overloaded", "timeout", "internal"].includes(r.error.code))) {
      // A storage failure of some session: send the batch again (the keys make
      // a resend of what was stored a duplicate).
      throw new RealtimeStoreError(503, "unavailable", "some lines of the batch could not be stored");
    }
    if (errs.some((r) => r.error?.code === "batch_rejected")) {
      // Validated whole: nothing was written. Drop the invalid lines, resend the rest.
      const bad = new Set(errs.filter((r) => r.error?.code !== "batch_rejected").map((r) => r.line));
      this.stats.rejected += bad.size;
      await this.sendLines(lines.filter((_, i) => !bad.has(i + 1)));
      return;
    }
    this.stats.rejected += errs.length;
    this.stats.sent += lines.length - errs.length;
  }
}
