// Feeds the recorded OpenAI Realtime events to examples/openai-realtime-node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { startServer } from "../scripts/server.mjs";

const ex = new URL("../../../examples/openai-realtime-node/", import.meta.url);
const dist = pathToFileURL(fileURLToPath(new URL("../dist/index.js", import.meta.url))).href;

test("the OpenAI Realtime example forwards transcript, tool and usage events", async () => {
  const server = await startServer();
  try {
    const dir = mkdtempSync(join(server.dir, "ex-"));
    const file = join(dir, "hook.mjs");
    writeFileSync(file, readFileSync(new URL("hook.mjs", ex), "utf8").replace('"realtime-store-client"', JSON.stringify(dist)));
    const { realtimeHook, createHttpStore } = await import(pathToFileURL(file).href);
    const store = createHttpStore({ url: server.url, token: server.token, queue: true });
    await store.putSession("rt-example", { consent: "ACCEPTED", started_at: Date.now() - 60_000 });
    const hook = realtimeHook(store, "rt-example");
    const events = readFileSync(new URL("recorded-events.jsonl", ex), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    for (const ev of events) hook(ev);
    for (const ev of events) hook(ev); // a replay is all duplicates
    await store.close();
    const tr = await store.getTranscripts("rt-example");
    assert.deepEqual(tr.map((s) => s.text.slice(0, 4)), ["Hi, ", "Your"]);
    assert.ok(!tr[0].text.includes("jane.doe@example.com"));
    const tools = await store.getToolEvents("rt-example");
    assert.equal(tools.length, 1);
    assert.equal(tools[0].name, "lookup_order");
    assert.equal(tools[0].args.order, 42);
    const usage = await store.getUsage("rt-example");
    assert.deepEqual(usage.totals, { input_tokens: 120, output_tokens: 30 });
    assert.equal(store.stats.rejected, 0);
  } finally {
    await server.dispose();
  }
});
