"""Runs every ```python block of README.md against the real binary."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_snippets_run(server, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    assert len(blocks) >= 3, "README lost its snippets"
    monkeypatch.setenv("REALTIME_STORE_URL", server.url)
    monkeypatch.setenv("REALTIME_STORE_TOKEN", server.token)
    for code in blocks:
        exec(compile(code, str(README), "exec"), {"__name__": "__readme__"})
