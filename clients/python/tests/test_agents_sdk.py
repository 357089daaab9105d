"""The adapter against the real OpenAI Agents SDK's ``Session`` protocol (the SDK
is installed in the test venv only; the package does not depend on it)."""

from __future__ import annotations

import inspect

from agents.memory import Session

from realtime_store_client import AsyncRealtimeStoreClient
from realtime_store_client.agents import RealtimeStoreSession


def test_is_an_agents_sdk_session():
    s = RealtimeStoreSession("sdk-check", AsyncRealtimeStoreClient("http://127.0.0.1:9", "t-0123456789abcdef"))
    assert isinstance(s, Session)
    for name in ("get_items", "add_items", "pop_item", "clear_session"):
        ours = inspect.signature(getattr(RealtimeStoreSession, name)).parameters
        theirs = inspect.signature(getattr(Session, name)).parameters
        assert list(ours) == list(theirs), name
        assert inspect.iscoroutinefunction(getattr(RealtimeStoreSession, name)) == inspect.iscoroutinefunction(getattr(Session, name)), name
