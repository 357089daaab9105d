"""The asyncio client: the upstream ``PersistenceStore`` methods (snake_case, epoch-ms
times) plus the service's API, on ``httpx``, with an optional background queue."""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Dict, List, Optional, Union

import httpx

from . import _requests as r
from .errors import RealtimeStoreError, error_from_response, network_error
from .queue import AsyncQueue, QueueOptions, QueueStats

Json = Dict[str, Any]


class AsyncRealtimeStoreClient:
    """A client of ``realtime-store serve``. ``queue=True`` (or options) sends writes
    from a background task; then write methods return ``None`` at once."""

    def __init__(self, url: str, token: str, *, queue: Union[bool, QueueOptions] = False, timeout: float = 10.0, retries: int = 2, transport: Optional[httpx.AsyncBaseTransport] = None):
        self._http = httpx.AsyncClient(base_url=url.rstrip("/"), headers={"authorization": f"Bearer {token}"}, timeout=timeout, transport=transport)
        self._retries = retries
        self._queue: Optional[AsyncQueue] = None
        if queue:
            self._queue = AsyncQueue(self.ingest, self.put_session, queue if isinstance(queue, QueueOptions) else None)

    # ---- transport ----

    async def _send(self, req: r.Req) -> httpx.Response:
        method, path, body, ndjson = req
        try:
            if ndjson is not None:
                return await self._http.request(method, path, content=ndjson, headers={"content-type": "application/x-ndjson"})
            if body is not None:
                return await self._http.request(method, path, json=body)
            return await self._http.request(method, path)
        except httpx.HTTPError:
            raise network_error(method, path) from None

    async def _call(self, req: r.Req) -> Any:
        res = await self._send(req)
        if res.status_code >= 400:
            raise error_from_response(res)
        return None if res.status_code == 204 else res.json()

    async def _write(self, req: r.Req) -> Any:
        delay = 0.1
        for attempt in range(self._retries + 1):
            try:
                return await self._call(req)
            except RealtimeStoreError as e:
                if not e.retryable or attempt >= self._retries:
                    raise
                await asyncio.sleep(delay)
                delay *= 2

    async def _or_none(self, req: r.Req) -> Any:
        try:
            return await self._call(req)
        except RealtimeStoreError as e:
            if e.status == 404:
                return None
            raise

    # ---- the upstream interface ----

    async def save_session_meta(self, session_id: str, user: Optional[Json], config: Json, timings: Json, consent: str) -> None:
        """Upserts a session (upstream ``saveSessionMeta``)."""
        body = r.session_meta(user, config, timings, consent)
        if self._queue:
            self._queue.push("meta", body, session_id)
        else:
            await self.put_session(session_id, body)

    async def append_transcript(self, session_id: str, segment: Json) -> None:
        """Appends ``{role, text, startedAt, endedAt}`` (upstream ``appendTranscript``)."""
        await self.add_transcript(session_id, {"role": segment["role"], "text": segment["text"], "started_at": segment["startedAt"], "ended_at": segment.get("endedAt")})

    async def append_tool_event(self, session_id: str, event: Json) -> None:
        """Appends ``{name, args, result?}`` at the current time (upstream ``appendToolEvent``)."""
        await self.add_tool_event(session_id, {"name": event["name"], "args": event.get("args"), "result": event.get("result"), "at": r.now_ms()})

    async def persist_summary(self, session_id: str, summary: str) -> None:
        """Stores the summary (upstream ``persistSummary``)."""
        await self.add_summary(session_id, {"text": summary, "at": r.now_ms()})

    async def get_session(self, session_id: str) -> Optional[Json]:
        """The session, or None."""
        return await self._or_none(("GET", f"/v1/sessions/{r.q(session_id)}", None, None))

    async def get_transcripts(self, session_id: str) -> List[Json]:
        """All segments in the upstream shape (epoch ms); ``[]`` for an unknown session."""
        if await self.get_session(session_id) is None:
            return []
        return [r.upstream_segment(s) async for s in self.all_transcripts(session_id)]

    async def get_tool_events(self, session_id: str) -> List[Json]:
        """All tool events in the upstream shape; ``[]`` for an unknown session."""
        if await self.get_session(session_id) is None:
            return []
        return [r.upstream_tool(e) async for e in self.all_tool_events(session_id)]

    async def get_summary(self, session_id: str) -> Optional[str]:
        """The latest summary text, or None."""
        s = await self._or_none(("GET", f"/v1/sessions/{r.q(session_id)}/summary", None, None))
        return s["text"] if s else None

    # ---- the richer API ----

    async def put_session(self, session_id: str, meta: Json) -> Json:
        """``PUT /v1/sessions/{id}`` in the server's shape (consent may be ``PENDING``)."""
        return await self._write(("PUT", f"/v1/sessions/{r.q(session_id)}", meta, None))

    async def reconsent(self, session_id: str, consent: str) -> Json:
        """Changes consent; settles buffered events."""
        return await self._write(("POST", f"/v1/sessions/{r.q(session_id)}/reconsent", {"consent": consent}, None))

    async def _event(self, session_id: str, kind: str, body: Json) -> Optional[Json]:
        body = r.keyed(kind, body)
        if self._queue:
            self._queue.push("event", {**body, "session_id": session_id, "type": kind})
            return None
        return await self._write(r.event_req(session_id, kind, body))

    async def add_transcript(self, session_id: str, segment: Json) -> Optional[Json]:
        """Appends a segment (server shape); its outcome, or None when queued."""
        return await self._event(session_id, "transcript", segment)

    async def add_tool_event(self, session_id: str, event: Json) -> Optional[Json]:
        """Appends a tool event (server shape)."""
        return await self._event(session_id, "tool_event", event)

    async def add_usage(self, session_id: str, usage: Json) -> Optional[Json]:
        """Appends a usage figure ``{kind, value, at}``."""
        return await self._event(session_id, "usage", usage)

    async def add_summary(self, session_id: str, summary: Json) -> Optional[Json]:
        """Stores a summary version ``{text, at}``."""
        return await self._event(session_id, "summary", summary)

    async def ingest(self, events: List[Json]) -> List[Json]:
        """``POST /v1/ingest``: one result per event (each has ``session_id`` and ``type``)."""
        return r.parse_ingest(await self._send(r.ingest_req(events)))

    async def transcripts_page(self, session_id: str, cursor: Optional[str] = None, limit: Optional[int] = None) -> Json:
        """One page ``{items, next_cursor}`` of segments."""
        return await self._call(("GET", f"/v1/sessions/{r.q(session_id)}/transcripts{r.query(cursor=cursor, limit=limit)}", None, None))

    async def tool_events_page(self, session_id: str, cursor: Optional[str] = None, limit: Optional[int] = None) -> Json:
        """One page of tool events."""
        return await self._call(("GET", f"/v1/sessions/{r.q(session_id)}/tool-events{r.query(cursor=cursor, limit=limit)}", None, None))

    async def all_transcripts(self, session_id: str, limit: int = 500) -> AsyncIterator[Json]:
        """Every stored segment, page by page."""
        cursor = None
        while True:
            page = await self.transcripts_page(session_id, cursor, limit)
            for item in page["items"]:
                yield item
            cursor = page.get("next_cursor")
            if not cursor:
                return

    async def all_tool_events(self, session_id: str, limit: int = 500) -> AsyncIterator[Json]:
        """Every stored tool event, page by page."""
        cursor = None
        while True:
            page = await self.tool_events_page(session_id, cursor, limit)
            for item in page["items"]:
                yield item
            cursor = page.get("next_cursor")
            if not cursor:
                return

    async def list_sessions(self, **filters: Any) -> Json:
        """One page of sessions (filters of ``GET /v1/sessions``)."""
        return await self._call(("GET", f"/v1/sessions{r.query(**filters)}", None, None))

    async def get_usage(self, session_id: str) -> Json:
        """Usage events and totals."""
        return await self._call(("GET", f"/v1/sessions/{r.q(session_id)}/usage", None, None))

    async def delete_transcript(self, session_id: str, seq: int) -> bool:
        """Deletes one transcript segment by its ``seq``, physically; False if there was none."""
        return await self._delete(f"/v1/sessions/{r.q(session_id)}/transcripts/{int(seq)}")

    async def delete_tool_event(self, session_id: str, seq: int) -> bool:
        """Deletes one tool event by its ``seq``, physically; False if there was none."""
        return await self._delete(f"/v1/sessions/{r.q(session_id)}/tool-events/{int(seq)}")

    async def _delete(self, path: str) -> bool:
        try:
            await self._call(("DELETE", path, None, None))
            return True
        except RealtimeStoreError as e:
            if e.status == 404:
                return False
            raise

    async def delete_session(self, session_id: str) -> bool:
        """Deletes a session; False if there was none."""
        try:
            await self._call(("DELETE", f"/v1/sessions/{r.q(session_id)}", None, None))
            return True
        except RealtimeStoreError as e:
            if e.status == 404:
                return False
            raise

    async def erase_user(self, user_id: str) -> Json:
        """Erases a user and all their sessions; the counts."""
        return await self._call(("DELETE", f"/v1/users/{r.q(user_id)}", None, None))

    async def health(self) -> Json:
        """``GET /healthz`` (a 503 report is returned, not raised)."""
        res = await self._send(("GET", "/healthz", None, None))
        if res.status_code not in (200, 503):
            raise error_from_response(res)
        return res.json()

    # ---- the queue ----

    @property
    def stats(self) -> QueueStats:
        """Counters of the queue (zeros without one)."""
        return self._queue.stats if self._queue else QueueStats()

    @property
    def dropped(self) -> int:
        """Writes the queue had to drop."""
        return self.stats.dropped

    async def flush(self) -> None:
        """Waits until everything queued is acknowledged or given up on."""
        if self._queue:
            await self._queue.flush()

    async def close(self) -> None:
        """Flushes the queue and closes the connection pool."""
        if self._queue:
            await self._queue.close()
        await self._http.aclose()

    async def __aenter__(self) -> "AsyncRealtimeStoreClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()
