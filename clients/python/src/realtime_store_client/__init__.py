"""Client of realtime-store: sync (:class:`RealtimeStoreClient`) and asyncio
(:class:`AsyncRealtimeStoreClient`) on httpx, the upstream ``PersistenceStore``
methods plus the service's API, an optional background ingest queue, and
:mod:`realtime_store_client.agents` (an OpenAI Agents SDK ``Session``)."""

from .async_client import AsyncRealtimeStoreClient
from .client import RealtimeStoreClient
from .errors import RealtimeStoreError
from .queue import QueueOptions, QueueStats

__all__ = ["AsyncRealtimeStoreClient", "RealtimeStoreClient", "RealtimeStoreError", "QueueOptions", "QueueStats"]
