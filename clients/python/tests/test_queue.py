"""The background queue (thread and asyncio) across a server restart."""

from __future__ import annotations

import asyncio
import time

from realtime_store_client import AsyncRealtimeStoreClient, QueueOptions, RealtimeStoreClient

CONFIG = {"persona": "p", "voice": "alloy", "capabilities": [], "toolPolicy": "auto", "allowedTools": [], "featureFlags": {}}
OPTS = QueueOptions(max_batch=7, initial_backoff=0.02, max_backoff=0.2)


def _seg(t, k):
    return {"role": "user", "text": f"seg {k}", "startedAt": t + k, "endedAt": t + k}


def test_thread_queue_survives_restart(fresh_server):
    s = fresh_server["s"]
    c = RealtimeStoreClient(s.url, s.token, queue=OPTS)
    t = int(time.time() * 1000) - 10_000
    c.save_session_meta("q1", None, CONFIG, {"connectRequested": t}, "ACCEPTED")
    for k in range(30):
        c.append_transcript("q1", _seg(t, k))
    c.flush()
    assert c.stats.sent == 31
    s.stop()
    for k in range(30, 60):
        c.append_transcript("q1", _seg(t, k))
    assert c.stats.pending > 0
    time.sleep(0.3)  # let it fail and retry while down
    fresh_server["s"] = s = s.restart()
    c.flush()
    st = c.stats
    assert st.pending == 0 and st.dropped == 0 and st.rejected == 0 and st.retries > 0
    assert [x["text"] for x in c.get_transcripts("q1")] == [f"seg {k}" for k in range(60)]
    c.close()
    c.append_transcript("q1", _seg(t, 99))
    assert c.dropped == 1


def test_async_queue_survives_restart(fresh_server):
    async def run():
        s = fresh_server["s"]
        c = AsyncRealtimeStoreClient(s.url, s.token, queue=OPTS)
        t = int(time.time() * 1000) - 10_000
        await c.save_session_meta("q2", None, CONFIG, {"connectRequested": t}, "ACCEPTED")
        for k in range(20):
            await c.append_transcript("q2", _seg(t, k))
        await c.flush()
        s.stop()
        for k in range(20, 40):
            await c.append_transcript("q2", _seg(t, k))
        await asyncio.sleep(0.3)
        fresh_server["s"] = s.restart()
        await c.close()
        assert c.stats.pending == 0 and c.stats.dropped == 0 and c.stats.retries > 0
        c2 = AsyncRealtimeStoreClient(fresh_server["s"].url, s.token)
        assert [x["text"] for x in await c2.get_transcripts("q2")] == [f"seg {k}" for k in range(40)]

    asyncio.run(run())


def test_full_queue_drops_and_counts():
    c = RealtimeStoreClient("http://127.0.0.1:9", "t-0123456789abcdef", queue=QueueOptions(max_size=3, initial_backoff=0.01))
    for _ in range(5):
        c.add_transcript("qf", {"role": "user", "text": "x", "started_at": int(time.time() * 1000)})
    assert c.dropped == 2
