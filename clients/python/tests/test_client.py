"""The sync and asyncio clients against the real binary."""

from __future__ import annotations

import asyncio
import itertools
import os
import time

import httpx
import pytest

from realtime_store_client import AsyncRealtimeStoreClient, RealtimeStoreClient, RealtimeStoreError

CONFIG = {"persona": "concierge", "voice": "alloy", "capabilities": [], "toolPolicy": "auto", "allowedTools": ["lookup"], "user": {"sub": "auth0|u1"}, "featureFlags": {}}
_n = itertools.count()


def sid() -> str:
    return f"py-{os.getpid()}-{next(_n)}"


def timings() -> dict:
    t = int(time.time() * 1000) - 5000
    return {"providerSessionId": "prov", "connectRequested": t, "sessionIssued": t + 5}


def test_upstream_interface_end_to_end_redacted(server):
    c = RealtimeStoreClient(server.url, server.token)
    i = sid()
    t = int(time.time() * 1000) - 4000
    c.save_session_meta(i, {"appUserId": "u_py", "authUserId": "a|1"}, CONFIG, timings(), "ACCEPTED")
    c.append_transcript(i, {"role": "user", "text": "mail me at jane.doe@example.com", "startedAt": t, "endedAt": t + 500})
    c.append_tool_event(i, {"name": "lookup", "args": {"email": "jane.doe@example.com"}, "result": {"ok": True}})
    c.persist_summary(i, "A caller asked.")
    assert c.get_session(i)["user_id"] == "u_py"
    tr = c.get_transcripts(i)
    assert len(tr) == 1 and tr[0]["startedAt"] == t and tr[0]["endedAt"] == t + 500
    assert "jane.doe@example.com" not in tr[0]["text"] and tr[0]["text"].startswith("mail me at ")
    tools = c.get_tool_events(i)
    assert tools[0]["name"] == "lookup" and "jane.doe" not in str(tools[0]["args"]) and tools[0]["result"] == {"ok": True}
    assert c.get_summary(i) == "A caller asked."
    assert c.get_session("py-unknown") is None and c.get_summary("py-unknown") is None


def test_declined_stores_nothing(server):
    c = RealtimeStoreClient(server.url, server.token)
    i = sid()
    t = int(time.time() * 1000) - 3000
    c.save_session_meta(i, None, CONFIG, timings(), "DECLINED")
    c.append_transcript(i, {"role": "user", "text": "hello", "startedAt": t, "endedAt": t})
    out = c.add_tool_event(i, {"name": "lookup", "args": {}, "at": t})
    assert out == {"outcome": "dropped", "reason": "consent_declined"}
    assert c.get_transcripts(i) == [] and c.get_tool_events(i) == [] and c.get_session(i) is None


def test_retry_after_lost_answer_is_not_a_duplicate(server):
    lost = []
    real = httpx.HTTPTransport()

    class Flaky(httpx.BaseTransport):
        def handle_request(self, request):
            res = real.handle_request(request)
            if request.method == "POST" and request.url.path.endswith("/transcripts") and not lost:
                res.read()
                lost.append(1)
                raise httpx.ReadError("connection reset")
            return res

    c = RealtimeStoreClient(server.url, server.token, transport=Flaky())
    i = sid()
    t = int(time.time() * 1000) - 2000
    c.save_session_meta(i, None, CONFIG, timings(), "ACCEPTED")
    c.append_transcript(i, {"role": "user", "text": "once", "startedAt": t, "endedAt": t})
    assert lost == [1]
    assert [s["text"] for s in c.get_transcripts(i)] == ["once"]


def test_validation_error_names_field_and_auth(server):
    c = RealtimeStoreClient(server.url, server.token)
    i = sid()
    c.save_session_meta(i, None, CONFIG, timings(), "ACCEPTED")
    with pytest.raises(RealtimeStoreError) as e:
        c.append_transcript(i, {"role": "user", "text": "x", "startedAt": 5, "endedAt": 6})
    assert e.value.status == 400 and e.value.code == "validation" and e.value.field.endswith("started_at") and not e.value.retryable
    bad = RealtimeStoreClient(server.url, "wrong-token-0123456789")
    with pytest.raises(RealtimeStoreError) as e:
        bad.get_session(i)
    assert e.value.status == 401 and e.value.code == "unauthorized"
    assert bad.health()["status"] == "ok"


def test_async_pending_usage_paging_erase(server):
    async def run():
        async with AsyncRealtimeStoreClient(server.url, server.token) as c:
            i = sid()
            t = int(time.time() * 1000) - 3000
            await c.put_session(i, {"consent": "PENDING", "user": {"id": "u_py_erase"}, "started_at": t})
            assert (await c.add_transcript(i, {"role": "user", "text": "pending", "started_at": t + 1}))["outcome"] == "buffered"
            assert await c.get_transcripts(i) == []
            await c.reconsent(i, "ACCEPTED")
            for k in range(3):
                await c.add_transcript(i, {"role": "assistant", "text": f"l{k}", "started_at": t + 10 + k})
            page = await c.transcripts_page(i, limit=2)
            assert len(page["items"]) == 2 and page["next_cursor"]
            assert [s["text"] async for s in c.all_transcripts(i, limit=2)] == ["pending", "l0", "l1", "l2"]
            await c.add_usage(i, {"kind": "input_tokens", "value": 40, "at": t + 20})
            await c.add_usage(i, {"kind": "input_tokens", "value": 2, "at": t + 21})
            usage = await c.get_usage(i)
            assert usage["totals"] == {"input_tokens": 42} and len(usage["events"]) == 2
            counts = await c.erase_user("u_py_erase")
            assert counts["sessions"] == 1 and counts["transcripts"] == 4
            assert await c.get_session(i) is None

    asyncio.run(run())


def test_delete_one_event_by_seq(server):
    c = RealtimeStoreClient(server.url, server.token)
    i = sid()
    t = int(time.time() * 1000) - 3000
    c.put_session(i, {"consent": "ACCEPTED", "started_at": t})
    for text in ("one", "two"):
        c.add_transcript(i, {"role": "user", "text": text, "started_at": t + 1})
    c.add_tool_event(i, {"name": "lookup", "args": {}, "at": t + 2})
    assert c.delete_transcript(i, 2) is True
    assert c.delete_transcript(i, 2) is False
    assert [s["text"] for s in c.all_transcripts(i)] == ["one"]
    assert c.delete_tool_event(i, 1) is True
    assert list(c.all_tool_events(i)) == []
    with pytest.raises(RealtimeStoreError) as e:
        c.delete_transcript(i, 0)
    assert e.value.field == "seq"
    assert c.get_session(i) is not None
