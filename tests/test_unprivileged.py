"""The permission tests skip, with a reason that says what to do, when the unprivileged user
cannot run the interpreter (a clone under a 0700 folder): they failed with an IndexError."""

from __future__ import annotations

import sys

from unprivileged import cannot_run


def test_a_user_who_can_run_the_interpreter_is_used() -> None:
    assert cannot_run([]) is None


def test_a_user_who_cannot_run_it_gives_a_reason_to_skip() -> None:
    reason = cannot_run(["false"])  # stands for a user the interpreter's folder keeps out
    assert reason == (
        f"the unprivileged user cannot run {sys.executable} with taskleak (exit 1): put the "
        "clone and its virtual environment where that user can read them (not under a 0700 "
        "folder), or run the suite as a user who is not root")
