"""Build `Finding`s by hand for report, noqa and baseline tests (no analysis involved)."""

from __future__ import annotations

from typing import Any

from taskleak.model import Finding, FixInfo, FixKind
from taskleak.rules import RULES

TRACKED_SET_FIX = FixInfo(FixKind.TRACKED_SET, True, "keep the task in a self-pruning set")


def make_finding(**overrides: Any) -> Finding:
    """A TL101 finding at app.py:10 unless overridden; risk follows the rule by default."""
    rule = overrides.get("rule", "TL101")
    fields: dict[str, Any] = {
        "path": "app.py",
        "line": 10,
        "column": 9,
        "end_line": overrides.get("line", 10),
        "end_column": 46,
        "rule": rule,
        "risk": RULES[rule].risk,
        "spawner": "asyncio.create_task",
        "coroutine": "self._send(payload)",
        "tracked": "discarded",
        "cleaned": "none",
        "message": "Task is discarded: nothing keeps it alive",
        "context": "Agent.speak",
        "snippet": "asyncio.create_task(self._send(payload))",
        "statement_line": overrides.get("line", 10),
    }
    fields.update(overrides)
    return Finding(**fields)
