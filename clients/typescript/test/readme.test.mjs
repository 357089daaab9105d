// Runs every ```js block of README.md against the real binary.
import { test } from "node:test";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { startServer } from "../scripts/server.mjs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const dist = pathToFileURL(fileURLToPath(new URL("../dist/index.js", import.meta.url))).href;

test("README snippets run", async () => {
  if (blocks.length < 2) throw new Error("README lost its snippets");
  const server = await startServer();
  const dir = mkdtempSync(join(server.dir, "readme-"));
  process.env.REALTIME_STORE_URL = server.url;
  process.env.REALTIME_STORE_TOKEN = server.token;
  try {
    for (const [i, code] of blocks.entries()) {
      const file = join(dir, `snippet${i}.mjs`);
      writeFileSync(file, code.replaceAll('"realtime-store-client"', JSON.stringify(dist)));
      await import(pathToFileURL(file).href);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.dispose();
  }
});
