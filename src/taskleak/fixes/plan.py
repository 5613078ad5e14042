"""What a fix kind answers for one finding: an offer (with how to build it) or why there is none."""

from __future__ import annotations

from collections.abc import Callable

from taskleak.fixes.edits import Edits
from taskleak.records import record
from taskleak.rules import FixKind


@record(frozen=True)
class Offer:
    """A fix that can be applied to one spawn."""

    kind: FixKind
    safe: bool
    description: str  # what the fix does, for reports ("keep the task in self._background_tasks")
    build: Callable[[Edits], None]  # adds the fix's edits; raises edits.Conflict when it cannot
    removes_spawn: bool = False  # the await fix: the spawn call is gone afterwards
    # the spawn call's code afterwards, when the fix rewrites it (with removes_spawn: the new
    # call may be no spawn at all, like a project's spawn helper)
    new_call: str = ""
    # (old, new) comments the fix rewrites on purpose: a noqa directive for F841 it makes stale
    comments: tuple[tuple[str, str], ...] = ()
    # the fix calls the package's keep-helper, which `fix` writes when it does not exist yet
    package_helper: bool = False


@record(frozen=True)
class NoFix:
    """Why a fix kind does not apply to a finding, in words for the report."""

    reason: str
