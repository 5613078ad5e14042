"""Small helpers the tests share."""

from __future__ import annotations

from collections.abc import Sequence

from taskleak.api import check_source
from taskleak.model import Finding


def analyze_source(code: str, display: str = "<string>",
                   spawners: Sequence[str] = ()) -> list[Finding]:
    """The findings `taskleak check` gives for one module's source (every rule)."""
    result = check_source(code, display, spawners)
    assert not result.skipped, result.skipped
    return result.findings
