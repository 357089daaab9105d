"""Feeds the recorded LiveKit Agents events to examples/livekit-agents-python."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import time
from pathlib import Path

from realtime_store_client import AsyncRealtimeStoreClient

EX = Path(__file__).resolve().parents[3] / "examples" / "livekit-agents-python"


def test_livekit_example_forwards_events(server):
    spec = importlib.util.spec_from_file_location("lk_hook", EX / "hook.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    events = [json.loads(l) for l in (EX / "recorded-events.jsonl").read_text().splitlines() if l.strip()]

    async def run():
        store = AsyncRealtimeStoreClient(server.url, server.token, queue=True)
        await store.put_session("lk-example", {"consent": "ACCEPTED", "started_at": int(time.time() * 1000) - 60_000})
        hook = mod.LiveKitHook(store, "lk-example")
        for _ in range(2):  # a replay is all duplicates
            for e in events:
                await hook.on_event(e["name"], e["event"])
        await store.close()
        assert store.stats.rejected == 0
        reader = AsyncRealtimeStoreClient(server.url, server.token)
        tr = await reader.get_transcripts("lk-example")
        assert [s["role"] for s in tr] == ["user", "assistant"]
        assert "jane.doe@example.com" not in tr[0]["text"]
        tools = await reader.get_tool_events("lk-example")
        assert len(tools) == 1 and tools[0]["name"] == "lookup_order" and tools[0]["args"] == {"order": 42}
        usage = await reader.get_usage("lk-example")
        assert usage["totals"] == {"prompt_tokens": 120, "completion_tokens": 30}

    asyncio.run(run())
