"""The sync client: the upstream ``PersistenceStore`` methods (snake_case, epoch-ms
times) plus the service's API, on ``httpx``, with an optional background queue."""

from __future__ import annotations

import time
from typing import Any, Dict, Iterator, List, Optional, Union

import httpx

from . import _requests as r
from .errors import RealtimeStoreError, error_from_response, network_error
from .queue import QueueOptions, QueueStats, ThreadQueue

Json = Dict[str, Any]


class RealtimeStoreClient:
    """A client of ``realtime-store serve``. ``queue=True`` (or options) sends writes
    from a background thread; then write methods return ``None`` at once."""

    def __init__(self, url: str, token: str, *, queue: Union[bool, QueueOptions] = False, timeout: float = 10.0, retries: int = 2, transport: Optional[httpx.BaseTransport] = None):
        self._http = httpx.Client(base_url=url.rstrip("/"), headers={"authorization": f"Bearer {token}"}, timeout=timeout, transport=transport)
        self._retries = retries
        self._queue: Optional[ThreadQueue] = None
        if queue:
            self._queue = ThreadQueue(self.ingest, self.put_session, queue if isinstance(queue, QueueOptions) else None)

    # ---- transport ----

    def _send(self, req: r.Req) -> httpx.Response:
        method, path, body, ndjson = req
        try:
            if ndjson is not None:
                return self._http.request(method, path, content=ndjson, headers={"content-type": "application/x-ndjson"})
            return self._http.request(method, path, json=body) if body is not None else self._http.request(method, path)
        except httpx.HTTPError:
            raise network_error(method, path) from None

    def _call(self, req: r.Req) -> Any:
        res = self._send(req)
        if res.status_code >= 400:
            raise error_from_response(res)
        return None if res.status_code == 204 else res.json()

    def _write(self, req: r.Req) -> Any:
        delay = 0.1
        for attempt in range(self._retries + 1):
            try:
                return self._call(req)
            except RealtimeStoreError as e:
                if not e.retryable or attempt >= self._retries:
                    raise
                time.sleep(delay)
                delay *= 2

    def _or_none(self, req: r.Req) -> Any:
        try:
            return self._call(req)
        except RealtimeStoreError as e:
            if e.status == 404:
                return None
            raise

    # ---- the upstream interface ----

    def save_session_meta(self, session_id: str, user: Optional[Json], config: Json, timings: Json, consent: str) -> None:
        """Upserts a session (upstream ``saveSessionMeta``)."""
        body = r.session_meta(user, config, timings, consent)
        if self._queue:
            self._queue.push("meta", body, session_id)
        else:
            self.put_session(session_id, body)

    def append_transcript(self, session_id: str, segment: Json) -> None:
        """Appends ``{role, text, startedAt, endedAt}`` (upstream ``appendTranscript``)."""
        self.add_transcript(session_id, {"role": segment["role"], "text": segment["text"], "started_at": segment["startedAt"], "ended_at": segment.get("endedAt")})

    def append_tool_event(self, session_id: str, event: Json) -> None:
        """Appends ``{name, args, result?}`` at the current time (upstream ``appendToolEvent``)."""
        self.add_tool_event(session_id, {"name": event["name"], "args": event.get("args"), "result": event.get("result"), "at": r.now_ms()})

    def persist_summary(self, session_id: str, summary: str) -> None:
        """Stores the summary (upstream ``persistSummary``)."""
        self.add_summary(session_id, {"text": summary, "at": r.now_ms()})

    def get_session(self, session_id: str) -> Optional[Json]:
        """The session, or None."""
        return self._or_none(("GET", f"/v1/sessions/{r.q(session_id)}", None, None))

    def get_transcripts(self, session_id: str) -> List[Json]:
        """All segments in the upstream shape (epoch ms); ``[]`` for an unknown session."""
        if self.get_session(session_id) is None:
            return []
        return [r.upstream_segment(s) for s in self.all_transcripts(session_id)]

    def get_tool_events(self, session_id: str) -> List[Json]:
        """All tool events in the upstream shape; ``[]`` for an unknown session."""
        if self.get_session(session_id) is None:
            return []
        return [r.upstream_tool(e) for e in self.all_tool_events(session_id)]

    def get_summary(self, session_id: str) -> Optional[str]:
        """The latest summary text, or None."""
        s = self._or_none(("GET", f"/v1/sessions/{r.q(session_id)}/summary", None, None))
        return s["text"] if s else None

    # ---- the richer API ----

    def put_session(self, session_id: str, meta: Json) -> Json:
        """``PUT /v1/sessions/{id}`` in the server's shape (consent may be ``PENDING``)."""
        return self._write(("PUT", f"/v1/sessions/{r.q(session_id)}", meta, None))

    def reconsent(self, session_id: str, consent: str) -> Json:
        """Changes consent; settles buffered events."""
        return self._write(("POST", f"/v1/sessions/{r.q(session_id)}/reconsent", {"consent": consent}, None))

    def _event(self, session_id: str, kind: str, body: Json) -> Optional[Json]:
        body = r.keyed(kind, body)
        if self._queue:
            self._queue.push("event", {**body, "session_id": session_id, "type": kind})
            return None
        return self._write(r.event_req(session_id, kind, body))

    def add_transcript(self, session_id: str, segment: Json) -> Optional[Json]:
        """Appends a segment (server shape); its outcome, or None when queued."""
        return self._event(session_id, "transcript", segment)

    def add_tool_event(self, session_id: str, event: Json) -> Optional[Json]:
        """Appends a tool event (server shape)."""
        return self._event(session_id, "tool_event", event)

    def add_usage(self, session_id: str, usage: Json) -> Optional[Json]:
        """Appends a usage figure ``{kind, value, at}``."""
        return self._event(session_id, "usage", usage)

    def add_summary(self, session_id: str, summary: Json) -> Optional[Json]:
        """Stores a summary version ``{text, at}``."""
        return self._event(session_id, "summary", summary)

    def ingest(self, events: List[Json]) -> List[Json]:
        """``POST /v1/ingest``: one result per event (each has ``session_id`` and ``type``)."""
        return r.parse_ingest(self._send(r.ingest_req(events)))

    def transcripts_page(self, session_id: str, cursor: Optional[str] = None, limit: Optional[int] = None) -> Json:
        """One page ``{items, next_cursor}`` of segments."""
        return self._call(("GET", f"/v1/sessions/{r.q(session_id)}/transcripts{r.query(cursor=cursor, limit=limit)}", None, None))

    def tool_events_page(self, session_id: str, cursor: Optional[str] = None, limit: Optional[int] = None) -> Json:
        """One page of tool events."""
        return self._call(("GET", f"/v1/sessions/{r.q(session_id)}/tool-events{r.query(cursor=cursor, limit=limit)}", None, None))

    def all_transcripts(self, session_id: str, limit: int = 500) -> Iterator[Json]:
        """Every stored segment, page by page."""
        cursor = None
        while True:
            page = self.transcripts_page(session_id, cursor, limit)
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def all_tool_events(self, session_id: str, limit: int = 500) -> Iterator[Json]:
        """Every stored tool event, page by page."""
        cursor = None
        while True:
            page = self.tool_events_page(session_id, cursor, limit)
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def list_sessions(self, **filters: Any) -> Json:
        """One page of sessions (filters of ``GET /v1/sessions``)."""
        return self._call(("GET", f"/v1/sessions{r.query(**filters)}", None, None))

    def get_usage(self, session_id: str) -> Json:
        """Usage events and totals."""
        return self._call(("GET", f"/v1/sessions/{r.q(session_id)}/usage", None, None))

    def delete_transcript(self, session_id: str, seq: int) -> bool:
        """Deletes one transcript segment by its ``seq``, physically; False if there was none."""
        return self._delete(f"/v1/sessions/{r.q(session_id)}/transcripts/{int(seq)}")

    def delete_tool_event(self, session_id: str, seq: int) -> bool:
        """Deletes one tool event by its ``seq``, physically; False if there was none."""
        return self._delete(f"/v1/sessions/{r.q(session_id)}/tool-events/{int(seq)}")

    def _delete(self, path: str) -> bool:
        try:
            self._call(("DELETE", path, None, None))
            return True
        except RealtimeStoreError as e:
            if e.status == 404:
                return False
            raise

    def delete_session(self, session_id: str) -> bool:
        """Deletes a session; False if there was none."""
        try:
            self._call(("DELETE", f"/v1/sessions/{r.q(session_id)}", None, None))
            return True
        except RealtimeStoreError as e:
            if e.status == 404:
                return False
            raise

    def erase_user(self, user_id: str) -> Json:
        """Erases a user and all their sessions; the counts."""
        return self._call(("DELETE", f"/v1/users/{r.q(user_id)}", None, None))

    def health(self) -> Json:
        """``GET /healthz`` (a 503 report is returned, not raised)."""
        res = self._send(("GET", "/healthz", None, None))
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

    def flush(self) -> None:
        """Waits until everything queued is acknowledged or given up on."""
        if self._queue:
            self._queue.flush()

    def close(self) -> None:
        """Flushes the queue and closes the connection pool."""
        if self._queue:
            self._queue.close()
        self._http.close()

    def __enter__(self) -> "RealtimeStoreClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
