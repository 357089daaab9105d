"""Request building shared by the sync and asyncio clients (no I/O here)."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

import httpx

from .errors import RealtimeStoreError, error_from_response

Json = Dict[str, Any]
#: A request: method, path, JSON body, NDJSON body.
Req = Tuple[str, str, Optional[Any], Optional[str]]


def now_ms() -> int:
    """Epoch milliseconds now."""
    return int(time.time() * 1000)


def new_key() -> str:
    """A fresh idempotency key (random; kept across retries of the same event)."""
    return "c-" + uuid.uuid4().hex


def q(s: str) -> str:
    """A path segment."""
    return quote(s, safe="")


def session_meta(user: Optional[Json], config: Json, timings: Json, consent: str) -> Json:
    """The upstream ``saveSessionMeta`` arguments as a ``PUT /v1/sessions/{id}`` body."""
    return {
        "consent": consent,
        "user": {"id": user["appUserId"], "auth_user_id": user.get("authUserId")} if user else None,
        "config": config,
        "persona": config.get("persona"),
        "voice": config.get("voice"),
        "provider_session_id": timings.get("providerSessionId"),
        "started_at": timings.get("connectRequested"),
        "timings": {
            "connect_requested": timings.get("connectRequested"),
            "session_issued": timings.get("sessionIssued"),
            "transport_connected": timings.get("webrtcConnected"),
            "first_audio": timings.get("firstAudio"),
        },
    }


#: Event type -> (ingest type, path, idempotency key field).
EVENTS = {
    "transcript": ("transcripts", "item_id"),
    "tool_event": ("tool-events", "call_id"),
    "usage": ("usage", "event_id"),
    "summary": ("summary", None),
}


def keyed(kind: str, body: Json) -> Json:
    """The event with an idempotency key assigned when missing."""
    key = EVENTS[kind][1]
    if key and not body.get(key):
        return {**body, key: new_key()}
    return dict(body)


def event_req(session_id: str, kind: str, body: Json) -> Req:
    """The direct request of one event."""
    return ("POST", f"/v1/sessions/{q(session_id)}/{EVENTS[kind][0]}", body, None)


def ingest_req(events: List[Json]) -> Req:
    """``POST /v1/ingest`` of events (each with ``session_id`` and ``type``)."""
    return ("POST", "/v1/ingest", None, "".join(json.dumps(e) + "\n" for e in events))


def parse_ingest(res: httpx.Response) -> List[Json]:
    """The result lines of an ingest answer (raises on an answer that has none)."""
    if "ndjson" not in res.headers.get("content-type", ""):
        raise error_from_response(res)
    lines = [json.loads(l) for l in res.text.splitlines() if l.strip()]
    if res.status_code == 503:
        raise RealtimeStoreError(503, "unavailable", "no line of the batch could be stored")
    return lines


def query(**params: Any) -> str:
    """A query string of the given non-None parameters."""
    p = {k: str(v) for k, v in params.items() if v is not None}
    return ("?" + str(httpx.QueryParams(p))) if p else ""


def iso_ms(t: Optional[str]) -> int:
    """An RFC 3339 instant of the server as epoch milliseconds."""
    if not t:
        return 0
    from datetime import datetime

    return int(datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp() * 1000)


def upstream_segment(s: Json) -> Json:
    """A stored segment in the upstream shape (epoch ms)."""
    return {
        "role": s["role"],
        "text": s["text"],
        "startedAt": iso_ms(s["started_at"]),
        "endedAt": iso_ms(s.get("ended_at") or s["started_at"]),
    }


def upstream_tool(e: Json) -> Json:
    """A stored tool event in the upstream shape."""
    return {"name": e["name"], "args": e.get("args"), "result": e.get("result")}
