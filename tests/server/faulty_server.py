"""`taskleak server` with a bug planted: checking a buffer that holds `PLANTED_BUG` raises.

For the robustness test: an internal error in one document must be logged, and the server must
go on serving the others.
"""

from __future__ import annotations

from pathlib import Path

from taskleak.api import check_buffer
from taskleak.model import RunResult
from taskleak.server import engine
from taskleak.server.app import serve
from taskleak.settings import Settings

MARKER = "PLANTED_BUG"


def _check_buffer(text: str, path: Path, settings: Settings) -> RunResult:
    if MARKER in text:
        raise RuntimeError("a planted bug")
    return check_buffer(text, path, settings)


if __name__ == "__main__":
    engine.check_buffer = _check_buffer
    serve()
