"""A LiveKit Agents hook-up: forward an ``AgentSession``'s events (conversation
items, executed function tools, usage metrics) to realtime-store through the
asyncio client's background queue.

    store = AsyncRealtimeStoreClient(url, token, queue=True)
    hook = LiveKitHook(store, ctx.room.name)
    session.on("conversation_item_added", lambda ev: hook.on_event("conversation_item_added", ev))
    ...  # likewise function_tools_executed, metrics_collected; at the end: await store.close()

``on_event`` takes the event name and a dict view of the event (``hook.as_dict``
turns LiveKit's pydantic events into one), so it can be fed recorded events.
"""

from __future__ import annotations

import json
import time
from typing import Any, Dict

from realtime_store_client import AsyncRealtimeStoreClient


class LiveKitHook:
    """Forwards LiveKit Agents events to the store (never blocks: queued)."""

    def __init__(self, store: AsyncRealtimeStoreClient, session_id: str):
        self.store = store
        self.session_id = session_id

    @staticmethod
    def as_dict(ev: Any) -> Dict[str, Any]:
        """A LiveKit (pydantic) event as a dict."""
        return ev.model_dump() if hasattr(ev, "model_dump") else dict(ev)

    async def on_event(self, name: str, ev: Dict[str, Any]) -> None:
        now = int(time.time() * 1000)
        if name == "conversation_item_added":
            item = ev["item"]
            text = " ".join(c for c in item.get("content", []) if isinstance(c, str))
            if item.get("role") in ("user", "assistant") and text:
                started = int(item.get("created_at", now / 1000) * 1000)
                await self.store.add_transcript(self.session_id, {"item_id": item.get("id"), "role": item["role"], "text": text, "started_at": started, "ended_at": max(started, now)})
        elif name == "function_tools_executed":
            for call, out in zip(ev.get("function_calls", []), ev.get("function_call_outputs", [])):
                try:
                    args = json.loads(call.get("arguments") or "null")
                except ValueError:
                    args = call.get("arguments")
                await self.store.add_tool_event(self.session_id, {"call_id": call.get("call_id"), "name": call["name"], "args": args, "result": (out or {}).get("output"), "at": now})
        elif name == "metrics_collected":
            m = ev.get("metrics", {})
            for kind in ("prompt_tokens", "completion_tokens", "audio_duration"):
                if isinstance(m.get(kind), (int, float)):
                    key = f"{m.get('request_id') or m.get('speech_id') or now}.{kind}"
                    await self.store.add_usage(self.session_id, {"event_id": key, "kind": kind, "value": m[kind], "at": now})
