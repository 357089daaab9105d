"""The Agents SDK Session adapter against the real binary."""

from __future__ import annotations

import asyncio
import inspect

from realtime_store_client import AsyncRealtimeStoreClient
from realtime_store_client.agents import RealtimeStoreSession


def test_protocol_shape():
    for name in ("get_items", "add_items", "pop_item", "clear_session"):
        assert inspect.iscoroutinefunction(getattr(RealtimeStoreSession, name)), name
    assert list(inspect.signature(RealtimeStoreSession.get_items).parameters) == ["self", "limit"]


def test_session_memory_redacted_ordered_pop_clear(server):
    async def run():
        c = AsyncRealtimeStoreClient(server.url, server.token)
        s = RealtimeStoreSession("agents-1", c, user_id="u_agent")
        assert await s.get_items() == []
        await s.add_items([
            {"role": "user", "content": "my mail is jane.doe@example.com"},
            {"type": "function_call", "name": "lookup", "call_id": "call_1", "arguments": "{}"},
            {"role": "assistant", "content": [{"type": "output_text", "text": "found it"}]},
        ])
        items = await s.get_items()
        assert len(items) == 3
        assert items[0]["role"] == "user" and "jane.doe@example.com" not in items[0]["content"]
        assert items[1]["type"] == "function_call" and items[1]["name"] == "lookup"
        assert items[2] == {"role": "assistant", "content": "found it"}
        assert await s.get_items(limit=1) == [items[2]]
        assert await s.pop_item() == items[2]
        assert await s.get_items() == items[:2]
        # Popped means deleted on the server, not hidden: nothing of it is stored.
        texts = [t["text"] async for t in c.all_transcripts("agents-1")]
        assert texts == [items[0]["content"]]
        assert await s.pop_item() == items[1]
        assert [e async for e in c.all_tool_events("agents-1")] == []
        await s.add_items([{"role": "assistant", "content": "again"}])
        assert [i["content"] for i in await s.get_items()] == [items[0]["content"], "again"]
        await s.clear_session()
        assert await s.get_items() == []
        assert [t async for t in c.all_transcripts("agents-1")] == []
        # The SDK goes on using a cleared session: it is still there and writable.
        assert await c.get_session("agents-1") is not None
        await s.add_items([{"role": "user", "content": "after clearing"}])
        assert await s.get_items() == [{"role": "user", "content": "after clearing"}]

    asyncio.run(run())
