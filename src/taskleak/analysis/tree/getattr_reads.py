"""The attributes a `getattr` call reads, for the scan to record as reads of them.

`getattr(self, "_task", None)` reads `self._task`; so does `getattr(self, name)` in `for name in
("_task", "_pinger")`, once per name: `task = getattr(self, name); task.cancel()` then ends
each (beeos-device-agent's `_kill_reader_tasks`, whose ends a relaunch's caller runs first). A
name computed any other way is not followed (`names/dynamic_reads.py` says what it may end).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS, attribute_named, dotted


def getattr_reads(node: cst.Call, stack: list[cst.CSTNode]) -> tuple[str, ...]:
    """The attributes a `getattr` call reads: the one a plain string names, or each name of a
    literal tuple or list an enclosing `for` loop of the same function binds its second argument
    to; () for a name computed any other way."""
    if read := attribute_named(node):
        return (read,)
    if len(node.args) not in (2, 3) or any(a.keyword or a.star for a in node.args):
        return ()
    head, name = dotted(node.args[0].value), node.args[1].value
    if head is None or not isinstance(name, cst.Name):
        return ()
    for outer in reversed(stack):
        if isinstance(outer, NESTED_DEFINITIONS):
            return ()
        if isinstance(outer, cst.For) and isinstance(outer.target, cst.Name) \
                and outer.target.value == name.value:
            texts = literal_strings(outer.iter) or ()
            return tuple(f"{head}.{t}" for t in texts) \
                if texts and all(t.isidentifier() for t in texts) else ()
    return ()


def literal_strings(node: cst.BaseExpression) -> tuple[str, ...] | None:
    """The strings of a literal tuple or list of plain strings (`("_a", "_b")`); None for
    anything else."""
    if not isinstance(node, (cst.Tuple, cst.List)):
        return None
    texts = [e.value.evaluated_value if isinstance(e.value, cst.SimpleString) else None
             for e in node.elements]
    names = [t for t in texts if isinstance(t, str)]
    return tuple(names) if len(names) == len(texts) else None
