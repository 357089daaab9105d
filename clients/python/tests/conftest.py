"""Starts the real ``realtime-store serve`` (embedded SQLite, free port, temp dir)."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def binary() -> str:
    if os.environ.get("REALTIME_STORE_BIN"):
        return os.environ["REALTIME_STORE_BIN"]
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "debug" / "realtime-store")


class Server:
    """A running server; ``restart()`` brings it back on the same port and database."""

    def __init__(self, workdir: str, listen: str = "127.0.0.1:0", token: str = ""):
        self.dir = workdir
        self.token = token or "test-" + secrets.token_hex(16)
        self.log = open(os.path.join(workdir, "serve.log"), "a+")
        start = self.log.tell()
        self.proc = subprocess.Popen(
            [binary(), "--database-url", f"sqlite://{workdir}/store.db", "serve", "--listen", listen],
            env={**os.environ, "REALTIME_STORE_TOKEN": self.token},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = ""
        for _ in range(200):
            self.log.seek(start)
            m = re.search(r"listening on (http://[0-9.:]+)", self.log.read())
            if m:
                self.url = m.group(1)
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not self.url:
            self.stop()
            raise RuntimeError("serve did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)

    def restart(self) -> "Server":
        self.stop()
        return Server(self.dir, self.url.replace("http://", ""), self.token)


@pytest.fixture(scope="session")
def server():
    d = tempfile.mkdtemp(prefix="rts-py-")
    s = Server(d)
    yield s
    s.stop()
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture()
def fresh_server():
    d = tempfile.mkdtemp(prefix="rts-py-")
    holder = {"s": Server(d)}
    yield holder
    holder["s"].stop()
    shutil.rmtree(d, ignore_errors=True)
