// Starts the real `realtime-store serve` binary on a free loopback port with an
// embedded SQLite database in a fresh temp dir (shared by the type generator and
// the test suite). The binary is $REALTIME_STORE_BIN, else
// $CARGO_TARGET_DIR/debug/realtime-store, else <repo>/target/debug/realtime-store.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The server binary to run. */
export function binary() {
  if (process.env.REALTIME_STORE_BIN) return process.env.REALTIME_STORE_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
  const bin = join(target, "debug", "realtime-store");
  if (!existsSync(bin)) throw new Error(`no server binary at ${bin}: run cargo build -p realtime-store-server`);
  return bin;
}

/**
 * Starts a server. `listen` defaults to a free port; pass the previous server's
 * address (and dir) to restart it on the same port and database.
 */
export async function startServer({ dir, listen = "127.0.0.1:0", token } = {}) {
  dir ??= mkdtempSync(join(tmpdir(), "rts-ts-"));
  token ??= "test-" + randomBytes(16).toString("hex");
  const child = spawn(
    binary(),
    ["--database-url", `sqlite://${join(dir, "store.db")}`, "serve", "--listen", listen],
    { env: { ...process.env, REALTIME_STORE_TOKEN: token }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const url = await new Promise((ok, fail) => {
    const onData = (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/[0-9.:]+)/.exec(log);
      if (m) ok(m[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => fail(new Error(`serve exited (${code}): ${log}`)));
  });
  const exited = new Promise((ok) => child.on("exit", ok));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return {
    url,
    token,
    dir,
    stop,
    /** Stops the server and removes its database. */
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    /** Stops and starts it again on the same port and database. */
    async restart() {
      await stop();
      return startServer({ dir, listen: url.replace("http://", ""), token });
    },
  };
}
