"""The rule registry: one source of truth for codes, names and default risks.

Rule pages (`taskleak explain`, docs/rules/) are generated from this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from taskleak.model import Risk


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    risk: Risk  # default risk; a finding may raise or lower it (e.g. per-iteration spawns)
    summary: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("TL101", "task-discarded", Risk.HIGH,
             "The Task returned by a spawn is dropped, so nothing keeps it alive."),
        Rule("TL102", "task-unreferenced", Risk.HIGH,
             "The Task is bound to a name that is never read again."),
        Rule("TL103", "task-overwritten", Risk.MEDIUM,
             "A stored Task is replaced by a new spawn without cancelling the running one."),
        Rule("TL201", "task-never-cleaned", Risk.MEDIUM,
             "The Task is kept, but nothing ever awaits or cancels it."),
        Rule("TL202", "collection-never-pruned", Risk.MEDIUM,
             "Tasks are added to a collection that is never pruned, awaited or cancelled."),
        Rule("TL001", "task-tracked", Risk.LOW,
             "The Task is kept and cleaned up (informational)."),
    )
}
