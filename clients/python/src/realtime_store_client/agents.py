"""An OpenAI Agents SDK ``Session`` (conversation memory) on realtime-store, so an
agent's memory is consented and redacted like any transcript.

It implements the protocol's shape (``session_id``, ``get_items(limit)``,
``add_items``, ``pop_item``, ``clear_session``) without importing the SDK.
Messages (``role`` user/assistant with text content) become transcript segments;
every other item (function calls and their outputs, ...) becomes a tool event
named ``agents/<type>/<name>/<call_id>`` (structure, kept verbatim) with the rest
of the item as its arguments (redacted like any tool argument). Order is kept by
a per-item timestamp.

``pop_item`` deletes the latest item on the server, physically
(``DELETE /v1/sessions/{id}/transcripts/{seq}`` or ``.../tool-events/{seq}``);
``clear_session`` deletes every item the same way and keeps the session, so its id
can go on being used.
"""

from __future__ import annotations

import re
import time
from typing import Any, Dict, List, Optional, Tuple

from .async_client import AsyncRealtimeStoreClient

Item = Dict[str, Any]
_PREFIX = "agents/"
_STRUCT = ("type", "name", "call_id")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.:/-]{0,127}")


def _text(content: Any) -> Optional[str]:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)]
        if parts and len(parts) == len(content):
            return "".join(parts)
    return None


class RealtimeStoreSession:
    """The Agents SDK ``Session`` protocol on a realtime-store session."""

    def __init__(self, session_id: str, client: AsyncRealtimeStoreClient, *, consent: str = "ACCEPTED", user_id: Optional[str] = None):
        self.session_id = session_id
        self.session_settings = None
        self._client = client
        self._consent = consent
        self._user_id = user_id
        self._created = False
        self._clock = 0

    def _now(self) -> int:
        # strictly increasing per session object, so items keep their order
        self._clock = max(self._clock + 1, int(time.time() * 1000))
        return self._clock

    async def _ensure(self) -> None:
        if self._created:
            return
        if await self._client.get_session(self.session_id) is None:
            meta: Dict[str, Any] = {"consent": self._consent, "started_at": int(time.time() * 1000) - 1}
            if self._user_id:
                meta["user"] = {"id": self._user_id}
            await self._client.put_session(self.session_id, meta)
        self._created = True

    async def _all(self) -> List[Tuple[int, int, str, Item]]:
        """(time, seq, kind, item) of the items, oldest first; kind is "t"
        (transcript segment) or "e" (tool event)."""
        if await self._client.get_session(self.session_id) is None:
            return []
        rows: List[Tuple[int, int, str, Item]] = []
        from ._requests import iso_ms

        async for s in self._client.all_transcripts(self.session_id):
            rows.append((iso_ms(s["started_at"]), s["seq"], "t", {"role": s["role"], "content": s["text"]}))
        async for e in self._client.all_tool_events(self.session_id):
            name = e["name"]
            if name.startswith(_PREFIX):
                parts = name.split("/")
                item: Item = dict(e.get("args") or {})
                for k, v in zip(_STRUCT, parts[1:]):
                    if v:
                        item[k] = v
                rows.append((iso_ms(e["at"]), e["seq"], "e", item))
        rows.sort(key=lambda r: (r[0], r[1]))
        return rows

    async def get_items(self, limit: Optional[int] = None) -> List[Item]:
        """The items, oldest first; with ``limit``, the latest ``limit`` of them."""
        items = [r[3] for r in await self._all()]
        return items[-limit:] if limit else items

    async def add_items(self, items: List[Item]) -> None:
        """Appends items (messages as transcript segments, others as tool events)."""
        await self._ensure()
        for item in items:
            at = self._now()
            text = _text(item.get("content"))
            if item.get("role") in ("user", "assistant") and text is not None:
                await self._client.add_transcript(self.session_id, {"role": item["role"], "text": text, "started_at": at, "ended_at": at})
            else:
                struct = "/".join(str(item.get(k) or "") for k in _STRUCT)
                rest = {k: v for k, v in item.items() if k not in _STRUCT}
                if not _NAME.fullmatch(_PREFIX + struct):
                    # a tool name outside the server's charset: keep it in the (redacted) args
                    struct = str(item.get("type") or "item")
                    rest = {k: v for k, v in item.items() if k != "type"}
                await self._client.add_tool_event(self.session_id, {"name": _PREFIX + struct, "args": rest, "at": at})

    async def pop_item(self) -> Optional[Item]:
        """Removes and returns the latest item (None when empty)."""
        rows = await self._all()
        if not rows:
            return None
        _, seq, kind, item = rows[-1]
        if kind == "t":
            await self._client.delete_transcript(self.session_id, seq)
        else:
            await self._client.delete_tool_event(self.session_id, seq)
        return item

    async def clear_session(self) -> None:
        """Deletes every item of the session, physically, one by one; the session
        itself stays, so the same ``session_id`` goes on being used (deleting the
        whole session would retire its id: the server keeps a tombstone)."""
        for _, seq, kind, _ in reversed(await self._all()):
            if kind == "t":
                await self._client.delete_transcript(self.session_id, seq)
            else:
                await self._client.delete_tool_event(self.session_id, seq)
