/**
 * realtime-store client: `createHttpStore({ url, token })` is a drop-in for the
 * upstream `PersistenceStore` (epoch-ms times) with the richer API of the
 * service on top, and an optional background queue for live calls.
 */
import { randomUUID } from "node:crypto";
import type { components } from "./schema.js";
import { RealtimeStoreError, errorFromResponse } from "./errors.js";
import { IngestQueue, type IngestLineResult, type QueueOptions, type QueueStats } from "./queue.js";

export { RealtimeStoreError } from "./errors.js";
export type { QueueOptions, QueueStats, IngestLineResult } from "./queue.js";
export type { components, paths } from "./schema.js";

type S = components["schemas"];
/** Server types, generated from its OpenAPI document. */
export type Session = S["Session"];
export type StoredSegment = S["StoredSegment"];
export type StoredToolEvent = S["StoredToolEvent"];
export type StoredSummary = S["StoredSummary"];
export type UsageReport = S["UsageReport"];
export type HealthReport = S["HealthReport"];
export type WriteOutcome = S["WriteOutcome"];
export type SessionMeta = S["SessionMeta"];
export type TranscriptSegment = S["TranscriptSegment"];
export type ToolEvent = S["ToolEvent"];
export type UsageEvent = S["UsageEvent"];
export type Summary = S["Summary"];
export type Consent = S["Consent"];
export type EraseCounts = S["EraseCounts"];

// ---- the upstream contract ----

/** The upstream user of a session. */
export interface SessionUser { appUserId: string; authUserId?: string | null }
/** The upstream agent config. */
export interface AgentConfig {
  persona: string;
  voice: string;
  capabilities: unknown;
  toolPolicy: unknown;
  allowedTools: string[];
  user?: { sub: string; tenant?: string };
  featureFlags: Record<string, unknown>;
  [k: string]: unknown;
}
/** The upstream connection timings (epoch ms). */
export interface SessionTimings {
  providerSessionId: string;
  connectRequested: number;
  sessionIssued: number;
  webrtcConnected?: number;
  firstAudio?: number;
}
/** An upstream transcript segment (epoch ms). */
export interface TranscriptInput { role: "user" | "assistant"; text: string; startedAt: number; endedAt: number }
/** An upstream tool event. */
export interface ToolEventInput { name: string; args: unknown; result?: unknown }

/** The upstream `PersistenceStore` interface. */
export interface PersistenceStore {
  saveSessionMeta(sessionId: string, user: SessionUser | null, config: AgentConfig, timings: SessionTimings, consent: "DECLINED" | "ACCEPTED"): Promise<void>;
  appendTranscript(sessionId: string, segment: TranscriptInput): Promise<void>;
  appendToolEvent(sessionId: string, event: ToolEventInput): Promise<void>;
  persistSummary(sessionId: string, summary: string): Promise<void>;
  getSession(sessionId: string): Promise<Session | null>;
  getTranscripts(sessionId: string): Promise<TranscriptInput[]>;
  getToolEvents(sessionId: string): Promise<ToolEventInput[]>;
  getSummary(sessionId: string): Promise<string | null>;
}

/** Options of {@link createHttpStore}. */
export interface HttpStoreOptions {
  /** Base URL of `realtime-store serve`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** The bearer token (`REALTIME_STORE_TOKEN` of the server). */
  token: string;
  /** Send writes in the background (never block the caller). `true` for defaults. */
  queue?: boolean | QueueOptions;
  /** Per-request timeout in ms. Default 10 000. */
  timeoutMs?: number;
  /** Retries of a direct (unqueued) write on a retryable error. Default 2. */
  retries?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** A page of a paged read. */
export interface Page<T> { items: T[]; next_cursor?: string | null }

const ms = (t: string | null | undefined): number => (t ? Date.parse(t) : 0);
const newKey = (): string => "c-" + randomUUID();
const enc = encodeURIComponent;

/** The HTTP store: the upstream interface plus the service's API. */
export class HttpStore implements PersistenceStore {
  private readonly base: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly fetchImpl: typeof fetch;
  private readonly queue: IngestQueue | null;

  constructor(opts: HttpStoreOptions) {
    this.base = opts.url.replace(/\/+$/, "");
    this.token = opts.token;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.retries = opts.retries ?? 2;
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.queue = opts.queue
      ? new IngestQueue(
          { ingest: (l) => this.ingest(l), putSession: (id, b) => this.putSession(id, b as SessionMeta) },
          opts.queue === true ? {} : opts.queue,
        )
      : null;
  }

  // ---- transport ----

  private async request(method: string, path: string, body?: unknown, ndjson?: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: string | undefined;
    if (ndjson !== undefined) {
      headers["content-type"] = "application/x-ndjson";
      payload = ndjson;
    } else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (e) {
      throw new RealtimeStoreError(0, "network", `${method} ${path.split("?")[0]} failed: server unreachable`, null, { cause: e });
    }
    return res;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    if (!res.ok) throw await errorFromResponse(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  /** A write, retried on retryable errors (its idempotency key is fixed by the caller). */
  private async write<T>(method: string, path: string, body: unknown): Promise<T> {
    let delay = 100;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call<T>(method, path, body);
      } catch (e) {
        if (!(e instanceof RealtimeStoreError) || !e.retryable || attempt >= this.retries) throw e;
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
      }
    }
  }

  private async orNull<T>(p: Promise<T>): Promise<T | null> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof RealtimeStoreError && e.status === 404) return null;
      throw e;
    }
  }

  // ---- the upstream interface ----

  /** Upserts a session (upstream signature). Queued when the queue is on. */
  async saveSessionMeta(sessionId: string, user: SessionUser | null, config: AgentConfig, timings: SessionTimings, consent: "DECLINED" | "ACCEPTED"): Promise<void> {
    const body: SessionMeta = {
      consent,
      user: user ? { id: user.appUserId, auth_user_id: user.authUserId ?? null } : null,
      config: config as unknown as SessionMeta["config"],
      persona: config.persona ?? null,
      voice: config.voice ?? null,
      provider_session_id: timings.providerSessionId ?? null,
      started_at: timings.connectRequested,
      timings: {
        connect_requested: timings.connectRequested ?? null,
        session_issued: timings.sessionIssued ?? null,
        transport_connected: timings.webrtcConnected ?? null,
        first_audio: timings.firstAudio ?? null,
      },
    };
    if (this.queue) {
      this.queue.push({ kind: "meta", sessionId, body: body as Record<string, unknown> });
      return;
    }
    await this.putSession(sessionId, body);
  }

  /** Appends a transcript segment (upstream signature). */
  async appendTranscript(sessionId: string, s: TranscriptInput): Promise<void> {
    await this.addTranscript(sessionId, { role: s.role, text: s.text, started_at: s.startedAt, ended_at: s.endedAt });
  }

  /** Appends a tool event (upstream signature); its time is now. */
  async appendToolEvent(sessionId: string, e: ToolEventInput): Promise<void> {
    await this.addToolEvent(sessionId, { name: e.name, args: e.args, result: e.result, at: Date.now() });
  }

  /** Stores the summary (upstream signature). */
  async persistSummary(sessionId: string, summary: string): Promise<void> {
    await this.addSummary(sessionId, { text: summary, at: Date.now() });
  }

  /** The session, or `null`. */
  async getSession(sessionId: string): Promise<Session | null> {
    return this.orNull(this.call<Session>("GET", `/v1/sessions/${enc(sessionId)}`));
  }

  /** All transcript segments, in order, in the upstream shape (epoch ms); `[]` for an unknown session. */
  async getTranscripts(sessionId: string): Promise<TranscriptInput[]> {
    const out: TranscriptInput[] = [];
    if (!(await this.hasSession(sessionId))) return out;
    for await (const s of this.allTranscripts(sessionId)) {
      out.push({ role: s.role as "user" | "assistant", text: s.text, startedAt: ms(s.started_at), endedAt: ms(s.ended_at ?? s.started_at) });
    }
    return out;
  }

  /** All tool events, in order, in the upstream shape. */
  async getToolEvents(sessionId: string): Promise<ToolEventInput[]> {
    const out: ToolEventInput[] = [];
    if (!(await this.hasSession(sessionId))) return out;
    for await (const e of this.allToolEvents(sessionId)) out.push({ name: e.name, args: e.args, result: e.result ?? undefined });
    return out;
  }

  /** Whether the session is stored (a DECLINED one never is; nor a PENDING one before it settles). */
  private async hasSession(sessionId: string): Promise<boolean> {
    return (await this.getSession(sessionId)) !== null;
  }

  /** The latest summary text, or `null`. */
  async getSummary(sessionId: string): Promise<string | null> {
    const s = await this.orNull(this.call<StoredSummary>("GET", `/v1/sessions/${enc(sessionId)}/summary`));
    return s ? s.text : null;
  }

  // ---- the richer API ----

  /** `PUT /v1/sessions/{id}` in the server's shape (consent may be `PENDING`). */
  async putSession(sessionId: string, meta: SessionMeta): Promise<WriteOutcome> {
    return this.write("PUT", `/v1/sessions/${enc(sessionId)}`, meta);
  }

  /** Changes consent (`POST /v1/sessions/{id}/reconsent`): settles buffered events. */
  async reconsent(sessionId: string, consent: Consent): Promise<WriteOutcome> {
    return this.write("POST", `/v1/sessions/${enc(sessionId)}/reconsent`, { consent });
  }

  /**
   * Appends a segment; returns its outcome (`persisted`, `duplicate`, `buffered`,
   * `dropped`), or `null` when queued. An `item_id` is assigned when missing.
   */
  async addTranscript(sessionId: string, s: TranscriptSegment): Promise<WriteOutcome | null> {
    const seg = { ...s, item_id: s.item_id ?? newKey() };
    return this.event(sessionId, "transcript", "transcripts", seg);
  }

  /** Appends a tool event; a `call_id` is assigned when missing. */
  async addToolEvent(sessionId: string, e: ToolEvent): Promise<WriteOutcome | null> {
    return this.event(sessionId, "tool_event", "tool-events", { ...e, call_id: e.call_id ?? newKey() });
  }

  /** Appends a usage figure; an `event_id` is assigned when missing. */
  async addUsage(sessionId: string, u: UsageEvent): Promise<WriteOutcome | null> {
    return this.event(sessionId, "usage", "usage", { ...u, event_id: u.event_id ?? newKey() });
  }

  /** Stores a summary version. */
  async addSummary(sessionId: string, s: Summary): Promise<WriteOutcome | null> {
    return this.event(sessionId, "summary", "summary", s);
  }

  private async event(sessionId: string, type: string, path: string, body: Record<string, unknown>): Promise<WriteOutcome | null> {
    if (this.queue) {
      this.queue.push({ kind: "event", line: { ...body, session_id: sessionId, type } });
      return null;
    }
    return this.write("POST", `/v1/sessions/${enc(sessionId)}/${path}`, body);
  }

  /** `POST /v1/ingest`: a batch of events of any sessions (`{session_id, type, ...}`), one result per line. */
  async ingest(events: Record<string, unknown>[]): Promise<IngestLineResult[]> {
    const res = await this.request("POST", "/v1/ingest", undefined, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
    const ct = res.headers.get("content-type") ?? "";
    if (!ct.includes("ndjson")) throw await errorFromResponse(res);
    const text = await res.text();
    const lines = text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as IngestLineResult);
    if (res.status === 503) throw new RealtimeStoreError(503, "unavailable", "no line of the batch could be stored");
    return lines;
  }

  /** One page of transcript segments. */
  async transcriptsPage(sessionId: string, opts: { cursor?: string; limit?: number } = {}): Promise<Page<StoredSegment>> {
    return this.call("GET", `/v1/sessions/${enc(sessionId)}/transcripts${query(opts)}`);
  }

  /** One page of tool events. */
  async toolEventsPage(sessionId: string, opts: { cursor?: string; limit?: number } = {}): Promise<Page<StoredToolEvent>> {
    return this.call("GET", `/v1/sessions/${enc(sessionId)}/tool-events${query(opts)}`);
  }

  /** Every transcript segment, page by page. */
  async *allTranscripts(sessionId: string, limit = 500): AsyncGenerator<StoredSegment> {
    yield* pages((cursor) => this.transcriptsPage(sessionId, { cursor, limit }));
  }

  /** Every tool event, page by page. */
  async *allToolEvents(sessionId: string, limit = 500): AsyncGenerator<StoredToolEvent> {
    yield* pages((cursor) => this.toolEventsPage(sessionId, { cursor, limit }));
  }

  /** One page of sessions (filters as in `GET /v1/sessions`). */
  async listSessions(filter: { user_id?: string; consent?: Consent; status?: string; started_after?: string; started_before?: string; cursor?: string; limit?: number } = {}): Promise<Page<Session>> {
    return this.call("GET", `/v1/sessions${query(filter)}`);
  }

  /** Usage events and totals. */
  async getUsage(sessionId: string): Promise<UsageReport> {
    return this.call("GET", `/v1/sessions/${enc(sessionId)}/usage`);
  }

  /** Deletes a session and everything of it; `false` if there was none. */
  async deleteSession(sessionId: string): Promise<boolean> {
    return (await this.orNull(this.call("DELETE", `/v1/sessions/${enc(sessionId)}`))) !== null;
  }

  /** Deletes one transcript segment by its `seq`, physically; `false` when there was none. */
  async deleteTranscript(sessionId: string, seq: number): Promise<boolean> {
    return (await this.orNull(this.call("DELETE", `/v1/sessions/${enc(sessionId)}/transcripts/${seq}`))) !== null;
  }

  /** Deletes one tool event by its `seq`, physically; `false` when there was none. */
  async deleteToolEvent(sessionId: string, seq: number): Promise<boolean> {
    return (await this.orNull(this.call("DELETE", `/v1/sessions/${enc(sessionId)}/tool-events/${seq}`))) !== null;
  }

  /** Erases a user and all their sessions; the counts (zeros for an unknown user). */
  async eraseUser(userId: string): Promise<EraseCounts | null> {
    return this.orNull(this.call("DELETE", `/v1/users/${enc(userId)}`));
  }

  /** `GET /healthz` (a 503 answer is returned, not thrown: it is a report). */
  async health(): Promise<HealthReport> {
    const res = await this.request("GET", "/healthz");
    if (res.status !== 200 && res.status !== 503) throw await errorFromResponse(res);
    return (await res.json()) as HealthReport;
  }

  // ---- the queue ----

  /** Counters of the background queue (zeros without one). */
  get stats(): QueueStats {
    return this.queue ? { ...this.queue.stats } : { pending: 0, sent: 0, dropped: 0, rejected: 0, retries: 0 };
  }

  /** Writes the queue had to drop (full or closed). */
  get dropped(): number {
    return this.queue?.stats.dropped ?? 0;
  }

  /** Waits until everything queued so far is acknowledged (or given up on). */
  async flush(): Promise<void> {
    await this.queue?.flush();
  }

  /** Flushes and stops accepting writes. */
  async close(): Promise<void> {
    await this.queue?.close();
  }
}

function query(o: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) p.set(k, String(v));
  const s = p.toString();
  return s ? "?" + s : "";
}

async function* pages<T>(get: (cursor?: string) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await get(cursor);
    yield* page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/** Creates the HTTP store: `createHttpStore({ url, token })` replaces `createPrismaStore(config, deps)`. */
export function createHttpStore(opts: HttpStoreOptions): HttpStore {
  return new HttpStore(opts);
}
