"""Errors of the realtime-store client."""

from __future__ import annotations

from typing import Optional

import httpx

_RETRYABLE_CODES = {"overloaded", "unavailable", "timeout"}


class RealtimeStoreError(Exception):
    """A failed call: the server's error ``code``, the offending ``field`` for bad
    input and the HTTP ``status`` (0 when the server could not be reached). The
    message never contains the values that were sent."""

    def __init__(self, status: int, code: str, message: str, field: Optional[str] = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.field = field
        self.message = message

    @property
    def retryable(self) -> bool:
        """True when the same call may succeed later (network, 429, 5xx, timeouts)."""
        return self.status == 0 or self.status == 429 or self.status >= 500 or self.code in _RETRYABLE_CODES

    def __repr__(self) -> str:
        return f"RealtimeStoreError(status={self.status}, code={self.code!r}, field={self.field!r})"


def error_from_response(res: httpx.Response) -> RealtimeStoreError:
    """The error of a non-2xx answer, from its JSON body ``{"error": {...}}``."""
    code, message, field = f"http_{res.status_code}", f"HTTP {res.status_code}", None
    try:
        err = res.json().get("error") or {}
        code = err.get("code") or code
        message = err.get("message") or message
        field = err.get("field")
    except Exception:  # not JSON: keep the status
        pass
    return RealtimeStoreError(res.status_code, code, message, field)


def network_error(method: str, path: str) -> RealtimeStoreError:
    """The error of a request that got no answer."""
    return RealtimeStoreError(0, "network", f"{method} {path.split('?')[0]} failed: server unreachable")
