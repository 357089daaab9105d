// The background queue against the real binary, across a server restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHttpStore } from "../dist/index.js";
import { startServer } from "../scripts/server.mjs";

const config = { persona: "p", voice: "alloy", capabilities: [], toolPolicy: "auto", allowedTools: [], featureFlags: {} };

test("queued writes survive a server restart: nothing lost, no duplicates, in order", async () => {
  let server = await startServer();
  try {
    const s = createHttpStore({ url: server.url, token: server.token, queue: { maxBatch: 7, initialBackoffMs: 20, maxBackoffMs: 200 } });
    const t = Date.now() - 10_000;
    const id = "q-restart";
    await s.saveSessionMeta(id, null, config, { providerSessionId: "p", connectRequested: t, sessionIssued: t }, "ACCEPTED");
    for (let i = 0; i < 40; i++) await s.appendTranscript(id, { role: "user", text: `seg ${i}`, startedAt: t + i, endedAt: t + i });
    await s.flush();
    assert.equal(s.stats.sent, 41);
    // Down: writes keep being accepted (the caller never blocks) and retried.
    await server.stop();
    for (let i = 40; i < 80; i++) await s.appendTranscript(id, { role: "user", text: `seg ${i}`, startedAt: t + i, endedAt: t + i });
    await s.appendToolEvent(id, { name: "lookup", args: { n: 1 } });
    assert.ok(s.stats.pending > 0);
    server = await server.restart();
    await s.close();
    const st = s.stats;
    assert.equal(st.pending, 0);
    assert.equal(st.dropped, 0);
    assert.equal(st.rejected, 0);
    assert.ok(st.retries > 0, "it retried while the server was down");
    const tr = await s.getTranscripts(id);
    assert.deepEqual(tr.map((x) => x.text), Array.from({ length: 80 }, (_, i) => `seg ${i}`));
    assert.equal((await s.getToolEvents(id)).length, 1);
    // closed: further writes are dropped and counted
    await s.appendTranscript(id, { role: "user", text: "late", startedAt: t + 99, endedAt: t + 99 });
    assert.equal(s.dropped, 1);
  } finally {
    await server.dispose();
  }
});

test("a full queue drops and counts, never blocks", async () => {
  // Nothing listens on this port: every send fails and is retried.
  const s = createHttpStore({ url: "http://127.0.0.1:9", token: "t-0123456789abcdef", queue: { maxSize: 5, initialBackoffMs: 5 } });
  for (let i = 0; i < 8; i++) await s.addTranscript("q-full", { role: "user", text: "x", started_at: Date.now() });
  assert.equal(s.dropped, 3);
  assert.equal(s.stats.pending, 5);
});

test("lines the server refuses are counted as rejected, the rest stored", async () => {
  const server = await startServer();
  try {
    const s = createHttpStore({ url: server.url, token: server.token, queue: true });
    const t = Date.now() - 1000;
    await s.putSession("q-bad", { consent: "ACCEPTED", started_at: t });
    await s.addTranscript("q-bad", { role: "user", text: "good 1", started_at: t + 1 });
    await s.addTranscript("q-bad", { role: "user", text: "bad", started_at: 3 });
    await s.addTranscript("q-bad", { role: "user", text: "good 2", started_at: t + 2 });
    await s.flush();
    assert.equal(s.stats.rejected, 1);
    assert.deepEqual((await s.getTranscripts("q-bad")).map((x) => x.text), ["good 1", "good 2"]);
  } finally {
    await server.dispose();
  }
});
