"""What a person can do about a leak report: the words the pytest plugin adds under it."""

from __future__ import annotations

from collections.abc import Sequence

from taskleak.runtime.leaks import LeakedTask

FILTERED_TO_ERROR = (
    "taskleak: taskleak_action = warn, but the filterwarnings setting turns TaskLeakWarning "
    "into an error, so the test fails. To keep leaks warnings, add "
    "'default::taskleak.runtime.TaskLeakWarning' after 'error' in filterwarnings."
)

_WHEN = {
    "teardown": "still pending after the test's fixtures were torn down, before its event "
    "loop was closed",
    "call": "still pending at the end of the test body (taskleak_when = call: a fixture's "
    "teardown had not run yet)",
}


def remedies(leaks: Sequence[LeakedTask], when: str) -> str:
    """Two lines: when the tasks were seen, and the two ways out (stop them, or allow them)."""
    names: list[str] = []
    for leak in leaks:
        if leak.coroutine not in names:
            names.append(leak.coroutine)
    globs = ", ".join(repr(n) for n in names[:3])
    lines = [
        f"{'It was' if len(leaks) == 1 else 'They were'} {_WHEN.get(when, _WHEN['teardown'])}.",
        "Fix: stop it where the test or a fixture starts it: await or cancel the task, or close "
        "what owns it (client, server, scheduler) in the test or in the fixture's teardown.",
        f"Or allow it: @pytest.mark.{_MARKER}({globs}) on the test, or these globs in the "
        "taskleak_ignore ini setting.",
    ]
    return "\n".join(lines)


_MARKER = "taskleak_allow"
