"""Editor settings (`server/editor_settings.py`), severities and related places
(`server/diagnostics.py`, `server/related.py`)."""

from __future__ import annotations

from lsprotocol import types

from taskleak.model import Finding, Risk
from taskleak.rules import rule_for
from taskleak.server.diagnostics import severity
from taskleak.server.editor_settings import (
    LowSeverity,
    parse_settings,
    settings_in,
)
from taskleak.server.related import related_places

DISCARDED = rule_for("task-discarded")
assert DISCARDED


def test_editor_settings_are_read_and_bad_values_reported() -> None:
    parsed = parse_settings({"select": ["TL1, TL2"], "failOn": "HIGH", "unsafeFixes": True,
                             "lowSeverity": "off", "debounce": 0, "ignore": 7, "x": 1})
    s = parsed.settings
    assert (s.select, s.fail_on, s.unsafe_fixes, s.low_severity, s.debounce_ms) == (
        ("TL1", "TL2"), "high", True, LowSeverity.OFF, 0)
    assert s.ignore is None
    assert [p.split(" ")[0] for p in parsed.problems] == ["setting", "unknown"]


def test_settings_are_found_in_each_payload_shape() -> None:
    inner = {"select": ["TL1"]}
    assert settings_in({"settings": inner}) == inner
    assert settings_in({"taskleak": inner}) == inner
    assert settings_in({"settings": {"taskleak": inner, "ruff": {}}}) == inner
    assert settings_in({"ruff": {}}) is None and settings_in(None) is None


def finding(risk: Risk, structured: bool = False, **words: str) -> Finding:
    return Finding(path="m.py", line=1, column=1, end_line=1, end_column=2, rule=DISCARDED.code,
                   risk=risk, spawner="s", coroutine=words.get("coroutine", "self._run()"),
                   tracked="t", cleaned=words.get("cleaned", "none"),
                   message=words.get("message", "m"), context=words.get("context", "<module>"),
                   structured=structured)


def test_severity_follows_risk_and_fail_on() -> None:
    hint, low = types.DiagnosticSeverity.Hint, LowSeverity.HINT
    assert severity(finding(Risk.HIGH), "medium", low) == types.DiagnosticSeverity.Error
    assert severity(finding(Risk.MEDIUM), "medium", low) == types.DiagnosticSeverity.Warning
    assert severity(finding(Risk.MEDIUM), "high", low) == types.DiagnosticSeverity.Information
    assert severity(finding(Risk.HIGH), "none", low) == types.DiagnosticSeverity.Information
    assert severity(finding(Risk.LOW), "low", low) == hint
    assert severity(finding(Risk.LOW), "low", LowSeverity.OFF) is None


CLASS = '''\
class Other:
    def close(self):
        pass


class Client:
    async def connect(self):
        self._task = spawn(self._run())

    def close(self):
        pass

    async def disconnect(self):
        pass
'''.splitlines()


def test_related_places_are_the_named_methods_of_the_spawns_class() -> None:
    named = finding(Risk.MEDIUM, context="Client.connect", cleaned="cancelled in disconnect()",
                    message="stored in self._task, never cancelled; close() cancels only x; "
                            "re-spawned in connect()")
    places = related_places(named, CLASS)
    assert [(p.line, p.start, p.label) for p in places] == [
        (12, 14, "cancelled in disconnect()"), (9, 8, "close() cancels only x")]


def test_a_name_not_found_or_found_twice_gives_no_place() -> None:
    module_level = finding(Risk.MEDIUM, cleaned="cancelled in close()", context="handler")
    assert related_places(module_level, CLASS) == []  # no module-level close()
    assert related_places(finding(Risk.MEDIUM, cleaned="cancelled in missing()",
                                  context="Client.connect"), CLASS) == []


CLOSED = '''\
import asyncio


class Feed:
    def open(self) -> None:
        self._flusher = asyncio.create_task(self._flush())

    async def close(self) -> None:
        self._flusher.cancel()
        await asyncio.gather(self._flusher, return_exceptions=True)

    async def _flush(self) -> None:
        await asyncio.sleep(0)
'''


def test_related_information_holds_the_path_where_it_is_stored_and_ended() -> None:
    from helpers import analyze_source

    from taskleak.server.diagnostics import finding_diagnostic
    from taskleak.server.text import Lines

    [tracked] = analyze_source(CLOSED, "feed.py")
    diagnostic = finding_diagnostic(tracked, types.DiagnosticSeverity.Hint, Lines(CLOSED),
                                    "file:///feed.py", related=True)
    path = [(r.location.range.start.line, r.location.range.start.character, r.message)
            for r in diagnostic.related_information or ()]
    assert path[:3] == [(5, 8, "stored in self._flusher"),
                        (8, 8, "ended by self._flusher.cancel()"),
                        (9, 14, "ended by asyncio.gather(self._flusher, return_exceptions=True)")]
    plain = finding_diagnostic(tracked, types.DiagnosticSeverity.Hint, Lines(CLOSED),
                               "file:///feed.py", related=False)
    assert plain.related_information is None  # a client that does not show them gets none
