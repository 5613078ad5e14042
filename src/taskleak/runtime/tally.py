"""The pytest plugin's closing line: how many async tests it checked, and how many leaked.

One line on every run, a clean one too (as pytest-cov and pytest-xdist print theirs), so a run
shows that the check ran. A checked test is an async test that ran on an asyncio loop (not
skipped, not on trio): the plugin counts it once its outcome is known. Under pytest-xdist each
worker counts its own tests and the controller adds them up (`to_json` travels in the worker's
`workeroutput`).
"""

from __future__ import annotations

from taskleak.pytest_settings import MARKER
from taskleak.records import record

_CHECKED_WHEN = {"teardown": "after their teardown", "call": "at the end of their body"}


@record
class CheckedTests:
    """How many async tests were checked, and how many `@taskleak_allow` (no argument) exempted."""

    checked: int = 0
    exempted: int = 0

    def count(self, checked: bool) -> None:
        if checked:
            self.checked += 1
        else:
            self.exempted += 1

    def to_json(self) -> dict[str, int]:
        return {"checked": self.checked, "exempted": self.exempted}

    def add(self, worker: object) -> None:
        """Add a pytest-xdist worker's counts (`to_json`; none from a worker that crashed)."""
        if isinstance(worker, dict):
            self.checked += int(worker.get("checked", 0))
            self.exempted += int(worker.get("exempted", 0))

    def line(self, leaking: int, when: str) -> str:
        tests = "async test" if self.checked == 1 else "async tests"
        verdict = f"{leaking} left tasks running" if leaking else "none left a task running"
        text = f"taskleak: {self.checked} {tests} checked {_CHECKED_WHEN[when]}, {verdict}"
        if self.exempted:
            text += f"; {self.exempted} not checked (@pytest.mark.{MARKER})"
        return text
