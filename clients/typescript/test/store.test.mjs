// The TypeScript client against the real `realtime-store serve` binary (SQLite).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHttpStore, RealtimeStoreError } from "../dist/index.js";
import { startServer } from "../scripts/server.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.dispose();
});

const config = {
  persona: "concierge",
  voice: "alloy",
  capabilities: ["audio"],
  toolPolicy: "auto",
  allowedTools: ["lookup_order"],
  user: { sub: "auth0|u1" },
  featureFlags: {},
};
let n = 0;
const sid = () => `ts-${process.pid}-${++n}`;
const timings = () => {
  const t = Date.now() - 5000;
  return { providerSessionId: "prov_1", connectRequested: t, sessionIssued: t + 10, webrtcConnected: t + 20, firstAudio: t + 30 };
};
const store = (extra = {}) => createHttpStore({ url: server.url, token: server.token, ...extra });

test("upstream interface end to end, PII redacted", async () => {
  const s = store();
  const id = sid();
  const t = Date.now() - 4000;
  await s.saveSessionMeta(id, { appUserId: "u_1", authUserId: "auth0|u1" }, config, timings(), "ACCEPTED");
  await s.appendTranscript(id, { role: "user", text: "my email is jane.doe@example.com", startedAt: t, endedAt: t + 900 });
  await s.appendTranscript(id, { role: "assistant", text: "thanks", startedAt: t + 1000, endedAt: t + 1500 });
  await s.appendToolEvent(id, { name: "lookup_order", args: { email: "jane.doe@example.com" }, result: { ok: true } });
  await s.persistSummary(id, "Caller asked about an order.");
  const session = await s.getSession(id);
  assert.equal(session.id, id);
  assert.equal(session.consent, "ACCEPTED");
  assert.equal(session.user_id, "u_1");
  const tr = await s.getTranscripts(id);
  assert.equal(tr.length, 2);
  assert.equal(tr[0].role, "user");
  assert.ok(!tr[0].text.includes("jane.doe@example.com"), "email redacted");
  assert.ok(tr[0].text.startsWith("my email is "));
  assert.equal(tr[0].startedAt, t);
  assert.equal(tr[0].endedAt, t + 900);
  assert.equal(tr[1].text, "thanks");
  const tools = await s.getToolEvents(id);
  assert.equal(tools.length, 1);
  assert.equal(tools[0].name, "lookup_order");
  assert.ok(!JSON.stringify(tools[0].args).includes("jane.doe@example.com"));
  assert.deepEqual(tools[0].result, { ok: true });
  assert.equal(await s.getSummary(id), "Caller asked about an order.");
  assert.equal(await s.getSession("ts-no-such-session"), null);
  assert.equal(await s.getSummary("ts-no-such-session"), null);
});

test("consent DECLINED stores nothing", async () => {
  const s = store();
  const id = sid();
  const t = Date.now() - 3000;
  await s.saveSessionMeta(id, null, config, timings(), "DECLINED");
  await s.appendTranscript(id, { role: "user", text: "hello there", startedAt: t, endedAt: t + 100 });
  await s.appendToolEvent(id, { name: "lookup_order", args: { id: 1 } });
  const out = await s.addTranscript(id, { role: "user", text: "again", started_at: t + 200 });
  assert.equal(out.outcome, "dropped");
  assert.equal(out.reason, "consent_declined");
  assert.deepEqual(await s.getTranscripts(id), []);
  assert.deepEqual(await s.getToolEvents(id), []);
  assert.equal(await s.getSession(id), null);
});

test("a retry after a lost answer is not a duplicate", async () => {
  let lost = 0;
  // Delivers every request, but loses the answer of the first transcript write.
  const flaky = async (url, init) => {
    const res = await fetch(url, init);
    if (init.method === "POST" && String(url).endsWith("/transcripts") && lost === 0) {
      lost++;
      throw new TypeError("socket hang up");
    }
    return res;
  };
  const s = store({ fetch: flaky });
  const id = sid();
  const t = Date.now() - 2000;
  await s.saveSessionMeta(id, null, config, timings(), "ACCEPTED");
  await s.appendTranscript(id, { role: "user", text: "only once", startedAt: t, endedAt: t + 10 });
  assert.equal(lost, 1);
  const tr = await s.getTranscripts(id);
  assert.deepEqual(tr.map((x) => x.text), ["only once"]);
});

test("validation errors name the field", async () => {
  const s = store();
  const id = sid();
  await s.saveSessionMeta(id, null, config, timings(), "ACCEPTED");
  await assert.rejects(
    s.appendTranscript(id, { role: "user", text: "x", startedAt: 5, endedAt: 6 }),
    (e) => e instanceof RealtimeStoreError && e.status === 400 && e.code === "validation" && /(^|\.)started_at$/.test(e.field) && !e.retryable && !e.message.includes("x"),
  );
});

test("a wrong token is a 401", async () => {
  const s = createHttpStore({ url: server.url, token: "wrong-token-0123456789" });
  await assert.rejects(s.getSession("x"), (e) => e instanceof RealtimeStoreError && e.status === 401 && e.code === "unauthorized");
  // health is open
  const h = await s.health();
  assert.equal(h.status, "ok");
});

test("PENDING consent buffers until reconsent; usage; paging; erase user", async () => {
  const s = store();
  const id = sid();
  const t = Date.now() - 3000;
  await s.putSession(id, { consent: "PENDING", user: { id: "u_erase" }, started_at: t });
  const o = await s.addTranscript(id, { role: "user", text: "pending words", started_at: t + 1 });
  assert.equal(o.outcome, "buffered");
  assert.deepEqual(await s.getTranscripts(id), []);
  await s.reconsent(id, "ACCEPTED");
  assert.deepEqual((await s.getTranscripts(id)).map((x) => x.text), ["pending words"]);
  for (let i = 0; i < 4; i++) await s.addTranscript(id, { role: "assistant", text: `line ${i}`, started_at: t + 10 + i });
  const p1 = await s.transcriptsPage(id, { limit: 2 });
  assert.equal(p1.items.length, 2);
  assert.ok(p1.next_cursor);
  const all = [];
  for await (const seg of s.allTranscripts(id, 2)) all.push(seg.text);
  assert.deepEqual(all, ["pending words", "line 0", "line 1", "line 2", "line 3"]);
  await s.addUsage(id, { kind: "input_tokens", value: 12, at: t + 50 });
  await s.addUsage(id, { kind: "input_tokens", value: 30, at: t + 60 });
  const usage = await s.getUsage(id);
  assert.equal(usage.totals.input_tokens, 42);
  assert.equal(usage.events.length, 2);
  const erased = await s.eraseUser("u_erase");
  assert.equal(erased.sessions, 1);
  assert.equal(erased.transcripts, 5);
  assert.equal(await s.getSession(id), null);
  assert.equal((await s.eraseUser("u_erase")).sessions, 0);
});

test("one transcript segment or tool event deleted by its seq", async () => {
  const s = store();
  const id = sid();
  const t = Date.now() - 3000;
  await s.putSession(id, { consent: "ACCEPTED", started_at: t });
  for (const text of ["one", "two", "three"]) await s.addTranscript(id, { role: "user", text, started_at: t + 1 });
  await s.addToolEvent(id, { name: "lookup", args: { q: 1 }, at: t + 2 });
  const last = (await s.transcriptsPage(id)).items.at(-1);
  assert.equal(await s.deleteTranscript(id, last.seq), true);
  assert.equal(await s.deleteTranscript(id, last.seq), false);
  assert.deepEqual((await s.getTranscripts(id)).map((x) => x.text), ["one", "two"]);
  assert.equal(await s.deleteToolEvent(id, 1), true);
  assert.deepEqual(await s.getToolEvents(id), []);
  await assert.rejects(s.deleteTranscript(id, 0), (e) => e instanceof RealtimeStoreError && e.field === "seq");
  assert.ok(await s.getSession(id), "the session stays");
});

test("ingest batches: one result per line; an invalid line rejects the batch", async () => {
  const s = store();
  const id = sid();
  const t = Date.now() - 3000;
  await s.putSession(id, { consent: "ACCEPTED", started_at: t });
  const ok = await s.ingest([
    { session_id: id, type: "transcript", role: "user", text: "a", started_at: t + 1, item_id: "k1" },
    { session_id: id, type: "usage", kind: "output_tokens", value: 3, at: t + 2 },
  ]);
  assert.deepEqual(ok.map((r) => r.outcome), ["persisted", "persisted"]);
  const again = await s.ingest([{ session_id: id, type: "transcript", role: "user", text: "a", started_at: t + 1, item_id: "k1" }]);
  assert.equal(again[0].outcome, "duplicate");
  const bad = await s.ingest([
    { session_id: id, type: "transcript", role: "user", text: "b", started_at: t + 3 },
    { session_id: id, type: "transcript", role: "user", text: "c", started_at: 1 },
  ]);
  assert.equal(bad[0].error.code, "batch_rejected");
  assert.equal(bad[1].error.field, "started_at");
  assert.deepEqual((await s.getTranscripts(id)).map((x) => x.text), ["a"]);
});
