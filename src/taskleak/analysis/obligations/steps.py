"""Where a spawn's task is stored and what ends it, as nodes: the classifier records them as it
follows the task, `analyse` places them (line, column) into its facts, and a finding's path
(`model.Obligation.steps`) shows them: SARIF's code flow, the editor's related places.

A store made by the spawning statement itself (`self._task = create_task(...)`) has no node
to place: it is at that statement. Ends are the reads the holder's effects count as ending it
(an await, a cancel, a gather, a done-callback's prune), the first few only.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import Occurrence, Scope
from taskleak.model import StepKind
from taskleak.records import record

MOST_ENDS = 3  # the ends a path shows: enough to find the cleanup, not every read of it
_LONGEST_NAME = 60
_CODE = cst.Module(body=[])  # code generation of a lone node


@record(eq=False)
class NodeStep:
    kind: StepKind
    node: cst.CSTNode | None  # None: the spawning statement itself
    scope: Scope  # where the node is (its function anchors the search for its position)
    name: str  # the holder or the ending read, as written


class Steps:
    """The steps recorded for each spawn of one module."""

    def __init__(self) -> None:
        self._of: dict[int, list[NodeStep]] = {}

    def store(self, sp: Spawn, node: cst.CSTNode | None, scope: Scope, name: str) -> None:
        """The task goes into the holder `name`: at `node`, or at the spawn when None."""
        steps = self._of.setdefault(id(sp), [])
        if not any(s.kind is StepKind.STORE and s.node is node and s.name == name
                   for s in steps):
            steps.append(NodeStep(StepKind.STORE, node, scope, name))

    def ends(self, sp: Spawn, reads: Iterable[Occurrence]) -> None:
        """The reads that end the task, where their position can be found."""
        steps = self._of.setdefault(id(sp), [])
        ends = sum(s.kind is StepKind.END for s in steps)
        for read in reads:
            if ends >= MOST_ENDS:
                return
            node = _ending_node(read)
            if node is None or any(s.node is node for s in steps):
                continue
            steps.append(NodeStep(StepKind.END, node, read.scope, _name(node)))
            ends += 1

    def of(self, sp: Spawn) -> list[NodeStep]:
        return self._of.get(id(sp), [])


def _ending_node(read: Occurrence) -> cst.CSTNode | None:
    """The call or await around the read that ends the task (`self._task.cancel()`, `await
    task`, `gather(*tasks)`); None when the scan kept no node above the read."""
    if read.dest.call is not None:
        return read.dest.call
    for node in reversed(read.path):
        if isinstance(node, (cst.Call, cst.Await)):
            return node
    return None


def _name(node: cst.CSTNode) -> str:
    code = " ".join(_CODE.code_for_node(node).split())
    return code if len(code) <= _LONGEST_NAME else code[:_LONGEST_NAME - 1] + "…"
