"""The background queue: writes are accepted at once, kept in one FIFO (so in
order per session), sent in batches to ``POST /v1/ingest`` (session upserts, which
ingest does not take, go alone through ``PUT /v1/sessions/{id}`` at their place)
and retried with exponential backoff. Every event carries an idempotency key
assigned when queued, so a retry after a lost answer is a ``duplicate``."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Deque, Dict, List, Optional, Tuple

from .errors import RealtimeStoreError

Json = Dict[str, Any]
_RETRY_LINE_CODES = {"unavailable", "overloaded", "timeout", "internal"}


@dataclass
class QueueStats:
    """Counters of the queue."""

    pending: int = 0
    sent: int = 0
    dropped: int = 0
    rejected: int = 0
    retries: int = 0


@dataclass
class QueueOptions:
    """Options of the queue."""

    max_size: int = 10_000
    max_batch: int = 100
    initial_backoff: float = 0.1
    max_backoff: float = 5.0


@dataclass
class _Item:
    kind: str  # "event" | "meta"
    body: Json
    session_id: str = ""


def _take(items: Deque[_Item], max_batch: int) -> List[_Item]:
    head = items[0]
    if head.kind == "meta":
        return [head]
    out = []
    for it in items:
        if it.kind != "event" or len(out) >= max_batch:
            break
        out.append(it)
    return out


def _settle(lines: List[Json], results: List[Json], stats: QueueStats) -> Optional[List[Json]]:
    """Accounts for an ingest answer; returns lines to send again now (invalid ones
    removed from a rejected batch), or None when done. Raises to retry later."""
    errs = [r for r in results if r.get("error")]
    if any(r["error"].get("code") in _RETRY_LINE_CODES for r in errs):
        raise RealtimeStoreError(503, "unavailable", "some lines of the batch could not be stored")
    if any(r["error"].get("code") == "batch_rejected" for r in errs):
        bad = {r["line"] for r in errs if r["error"].get("code") != "batch_rejected"}
        stats.rejected += len(bad)
        return [l for i, l in enumerate(lines) if i + 1 not in bad]
    stats.rejected += len(errs)
    stats.sent += len(lines) - len(errs)
    return None


class _Base:
    def __init__(self, opts: Optional[QueueOptions]):
        self.opts = opts or QueueOptions()
        self.stats = QueueStats()
        self._items: Deque[_Item] = deque()
        self._closed = False

    def _accept(self, item: _Item) -> bool:
        if self._closed or len(self._items) >= self.opts.max_size:
            self.stats.dropped += 1
            return False
        self._items.append(item)
        self.stats.pending = len(self._items)
        return True

    def _done(self, n: int) -> None:
        for _ in range(n):
            self._items.popleft()
        self.stats.pending = len(self._items)


class ThreadQueue(_Base):
    """The queue of the sync client: one daemon thread sends."""

    def __init__(self, ingest: Callable[[List[Json]], List[Json]], put_session: Callable[[str, Json], Any], opts: Optional[QueueOptions] = None):
        super().__init__(opts)
        self._ingest, self._put = ingest, put_session
        self._cv = threading.Condition()
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="realtime-store-queue", daemon=True)
        self._thread.start()

    def push(self, kind: str, body: Json, session_id: str = "") -> bool:
        """Queues a write; False (counted as dropped) when full or closed."""
        with self._cv:
            ok = self._accept(_Item(kind, body, session_id))
            self._cv.notify_all()
            return ok

    def flush(self) -> None:
        """Waits until everything queued so far is acknowledged or given up on."""
        with self._cv:
            self._cv.wait_for(lambda: not self._items and not self._busy)

    def close(self) -> None:
        """Stops accepting writes and flushes."""
        with self._cv:
            self._closed = True
        self.flush()

    def _run(self) -> None:
        while True:
            with self._cv:
                self._cv.wait_for(lambda: bool(self._items))
                batch = _take(self._items, self.opts.max_batch)
                self._busy = True
            self._send_with_retry(batch)
            with self._cv:
                self._done(len(batch))
                self._busy = False
                self._cv.notify_all()

    def _send_with_retry(self, batch: List[_Item]) -> None:
        delay = self.opts.initial_backoff
        while True:
            try:
                if batch[0].kind == "meta":
                    self._put(batch[0].session_id, batch[0].body)
                    self.stats.sent += 1
                    return
                lines: Optional[List[Json]] = [i.body for i in batch]
                while lines:
                    lines = _settle(lines, self._ingest(lines), self.stats)
                return
            except RealtimeStoreError as e:
                if not e.retryable:
                    self.stats.rejected += len(batch)
                    return
            except Exception:  # noqa: BLE001 - anything else is a transport failure: retry
                pass
            self.stats.retries += 1
            time.sleep(delay)
            delay = min(delay * 2, self.opts.max_backoff)


class AsyncQueue(_Base):
    """The queue of the asyncio client: one task sends (started on first write)."""

    def __init__(self, ingest: Callable[[List[Json]], Awaitable[List[Json]]], put_session: Callable[[str, Json], Awaitable[Any]], opts: Optional[QueueOptions] = None):
        super().__init__(opts)
        self._ingest, self._put = ingest, put_session
        self._task: Optional[asyncio.Task] = None

    def push(self, kind: str, body: Json, session_id: str = "") -> bool:
        """Queues a write; False (counted as dropped) when full or closed."""
        ok = self._accept(_Item(kind, body, session_id))
        if ok and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(self._run())
        return ok

    async def flush(self) -> None:
        """Waits until everything queued so far is acknowledged or given up on."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def close(self) -> None:
        """Stops accepting writes and flushes."""
        self._closed = True
        await self.flush()

    async def _run(self) -> None:
        while self._items:
            batch = _take(self._items, self.opts.max_batch)
            await self._send_with_retry(batch)
            self._done(len(batch))

    async def _send_with_retry(self, batch: List[_Item]) -> None:
        delay = self.opts.initial_backoff
        while True:
            try:
                if batch[0].kind == "meta":
                    await self._put(batch[0].session_id, batch[0].body)
                    self.stats.sent += 1
                    return
                lines: Optional[List[Json]] = [i.body for i in batch]
                while lines:
                    lines = _settle(lines, await self._ingest(lines), self.stats)
                return
            except RealtimeStoreError as e:
                if not e.retryable:
                    self.stats.rejected += len(batch)
                    return
            except Exception:  # noqa: BLE001 - transport failure: retry
                pass
            self.stats.retries += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.opts.max_backoff)
