"""A finding's path as places with words: the spawn, each store into a holder, each end, and
the loss (or the end, or what was not followed) at the last of them. SARIF's code flow and
related locations and the editor's related information show the same list.

The loss has no place of its own in the facts: it is said at the last place the task was
stored (an overwrite, a binding never read, a holder nothing ends all happen there), or at
the spawn when nothing holds it.
"""

from __future__ import annotations

from enum import Enum

from taskleak.model import Finding, StepKind
from taskleak.records import record


class PathKind(Enum):
    SPAWN = "spawn"  # the finding's own place
    STORE = "store"
    END = "end"
    OUTCOME = "outcome"  # the loss, the end or what was not followed, said at the last place


@record(frozen=True)
class PathStep:
    kind: PathKind
    line: int  # 1-based
    column: int  # 1-based
    message: str


def path_steps(finding: Finding) -> list[PathStep]:
    """The steps of `finding`'s path in order; none for a finding with no obligation (a file
    not analysed, an unused `# noqa`)."""
    ob = finding.obligation
    if ob is None:
        return []
    out = [PathStep(PathKind.SPAWN, finding.line, finding.column,
                    f"the task is created: {ob.created}")]
    for step in ob.steps:
        if step.kind is StepKind.STORE:
            out.append(PathStep(PathKind.STORE, step.line, step.column, f"stored in {step.name}"))
        else:
            out.append(PathStep(PathKind.END, step.line, step.column, f"ended by {step.name}"))
    last = out[-1]
    if ob.loss:
        outcome = f"lost: {ob.loss}"
    elif ob.unresolved:
        outcome = f"not followed: {ob.unresolved}"
    else:  # the ends say it where they are placed
        outcome = f"then: {ob.end}" if ob.end and last.kind is not PathKind.END else ""
    if outcome:
        out.append(PathStep(PathKind.OUTCOME, last.line, last.column, outcome))
    return out
