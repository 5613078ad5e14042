"""`taskleak server` with a bug planted: checking a buffer that holds `PLANTED_BUG` raises.

For the robustness test: an internal error in one document must be logged, and the server must
go on serving the others.
"""

from __future__ import annotations

from taskleak import api
from taskleak.server.app import serve

MARKER = b"PLANTED_BUG"
_check = api.check


def _planted(options: api.CheckOptions, progress: object = None) -> api.Outcome:
    if options.stdin is not None and MARKER in options.stdin:
        raise RuntimeError("a planted bug")
    return _check(options)


if __name__ == "__main__":
    api.check = _planted  # type: ignore[assignment]
    serve()
