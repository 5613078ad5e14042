"""What is new on each turn of a loop: the names its `for` binds, and the objects its body binds
anew from them before a call (`for job_id in ids: record = self._records.get(job_id)`), so a
call given one of them is given another object each turn (`reentry_calls`, `respawns`)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.tree.nodes import bound_names


def new_each_turn(call: cst.Call, path: tuple[cst.CSTNode, ...]) -> tuple[int, ...]:
    """The positions of `call`'s positional arguments that are new on each turn of the loops
    around it (`path`): `new_on_each_turn` of each."""
    bound, anew = loop_targets(path), objects_anew(path)
    out = []
    for k, arg in enumerate(call.args):
        if arg.keyword is not None or arg.star:
            break
        if new_on_each_turn(arg.value, bound, anew=anew):
            out.append(k)
    return tuple(out)


def loop_targets(path: Sequence[cst.CSTNode]) -> set[str]:
    """The names the `for` loops of `path` bind."""
    return {n for node in path if isinstance(node, cst.For) for n in bound_names(node.target)}


def objects_anew(path: Sequence[cst.CSTNode]) -> frozenset[str]:
    """The names a statement of a `for` loop's body on `path`, before the one on `path`, binds
    anew each turn to an object looked up by one of the loop's targets (`record =
    self._records.get(job_id)`, `conn = self._conns[key]`) or to a target itself, and the body
    binds nowhere else. Only the whole object is new: an item or attribute of it (`event["user"]`
    of `event = json.loads(line)`) may be what an earlier turn's was. Near miss: `record =
    self._current`, the same object each turn."""
    targets = loop_targets(path)
    out: set[str] = set()
    for at, node in enumerate(path):
        if not isinstance(node, cst.For) or at + 2 >= len(path) or path[at + 1] is not node.body \
                or not isinstance(node.body, cst.IndentedBlock):
            continue
        block = list(node.body.body)
        here = next((k for k, s in enumerate(block) if s is path[at + 2]), None)
        if here is None:
            continue
        anew = {name for s in block[:here] for name in _bound_from(s, targets, out)}
        out |= anew - {n for s in block[here:] for n in _rebound(s)}
    return frozenset(out)


def _bound_from(statement: cst.CSTNode, targets: set[str], anew: set[str]) -> set[str]:
    """The name a simple `name = value` statement binds, when `value` is one of `targets` (or
    `anew`), or is looked up by one of `targets`."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return set()
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1 \
            or not isinstance(small.targets[0].target, cst.Name):
        return set()
    value = small.value
    if _named(value, targets | anew) or _looked_up(value, targets):
        return {small.targets[0].target.value}
    return set()


def _looked_up(value: cst.BaseExpression, targets: set[str]) -> bool:
    """`self._records[job_id]`, `self._records.get(job_id)`: an item looked up by a name of
    `targets` (a subscript by it, or a call given it first)."""
    if isinstance(value, cst.Subscript):
        return any(isinstance(e.slice, cst.Index) and _named(e.slice.value, targets)
                   for e in value.slice)
    return isinstance(value, cst.Call) and bool(value.args) and value.args[0].keyword is None \
        and _named(value.args[0].value, targets)


def _named(node: cst.BaseExpression | None, names: set[str]) -> bool:
    return isinstance(node, cst.Name) and node.value in names


def _rebound(statement: cst.CSTNode) -> set[str]:
    """The names a simple assignment statement binds (a later one in the body rebinds them)."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return set()
    return {n for small in statement.body if isinstance(small, cst.Assign)
            for t in small.targets for n in bound_names(t.target)}


def new_on_each_turn(given: cst.BaseExpression | None, targets: set[str],
                     calls: bool = True, anew: frozenset[str] = frozenset()) -> bool:
    """`given` is new on each turn of the loops binding `targets`: a name one binds (or an
    attribute or item of one), an object bound anew each turn (`anew`: `objects_anew`, only
    whole), or (`calls`) a call's result (`self._pending.pop()`), not known to be what an
    earlier turn gave."""
    if (calls and isinstance(given, cst.Call)) or _named(given, set(anew)):
        return True
    while isinstance(given, (cst.Attribute, cst.Subscript)):
        given = given.value
    return isinstance(given, cst.Name) and given.value in targets
