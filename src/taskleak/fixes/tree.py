"""The names a module already uses, for fixes that must pick names that clash with nothing.

A read-only walk (`analysis.walk.children`): libcst's own `visit` rebuilds every node it passes,
which on the mid corpus cost more than the scan. A module's names are asked one candidate at a
time (`ModuleNames`), most of them answered by the text alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set

import libcst as cst

from taskleak.analysis.tree.walk import children


def names_and_attributes(root: cst.CSTNode) -> tuple[set[str], set[str]]:
    """Every identifier written under `root`: (names, attribute names).

    Names are `Name` nodes (attribute names included, they are `Name`s too); attributes are the
    `.attr` of attribute reads. A string holding an identifier counts as both (`getattr(self,
    "_x")`, `__slots__ = ("_x",)`, string annotations).
    """
    names: set[str] = set()
    attrs: set[str] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        kind = type(node)
        if kind is cst.Name:
            names.add(node.value)  # type: ignore[attr-defined]
            continue  # a Name has no children that hold names
        if kind is cst.Attribute:
            attrs.add(node.attr.value)  # type: ignore[attr-defined]
        elif kind is cst.SimpleString:
            value = node.evaluated_value  # type: ignore[attr-defined]
            if isinstance(value, str) and value.isidentifier():
                attrs.add(value)
                names.add(value)
            continue
        todo.extend(children(node))
    return names, attrs


# A string literal evaluates to a text its source does not hold only through an escape that
# can make identifier characters (`"\\x5fkeep"` is `_keep`) or a backslash-newline inside it
_NAME_ESCAPE = re.compile(r"\\[xuUN0-7\r\n]")


class ModuleNames(Set[str]):
    """The names written in `module` (`names_and_attributes`) and those in `extra` (the names
    bound at its top), asked one name at a time.

    Speed trick (one place): a fix asks whether a few candidate names (`_keep_task`,
    `_background_tasks`, `_TaskT` ...) are taken; every name of the module is written in its
    text, and a string holds an identifier its text does not spell only through an escape
    (`_NAME_ESCAPE`). So a name the text does not contain, in a text without such an escape, is
    not taken, and the whole-module walk is made only for a name the text does contain (or an
    escape, or no text). Measured on bench/server_latency.py's buffer (1,000 lines, 5 spawns):
    the walk was 9% of a profiled check (0.72 of 8.2 s over 30 checks). Guarded by
    tests/fixes/test_fix_tree.py: every name of every sample file is in its text, and the
    answers equal the set's.
    """

    def __init__(
        self,
        module: cst.Module,
        text: str | None,
        extra: Iterable[str] = (),
        *,
        walked: _Walked | None = None,
    ) -> None:
        # no reference back to the fix context: a cycle would leave the tree to the collector
        self._walked = walked or _Walked(module)
        self._text = text if text is not None and _NAME_ESCAPE.search(text) is None else None
        self._extra = frozenset(extra)
        self._all: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if name in self._extra:
            return True
        if not isinstance(name, str) or (self._text is not None and name not in self._text):
            return False
        return name in self._walked.names()

    def everything(self) -> frozenset[str]:
        if self._all is None:
            self._all = self._walked.names() | self._extra
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self.everything())

    def __len__(self) -> int:
        return len(self.everything())

    def __or__(self, other: Iterable[object]) -> ModuleNames:
        """These names and `other`'s, still asked one at a time."""
        return ModuleNames(
            self._walked.module,
            self._text,
            self._extra | {n for n in other if isinstance(n, str)},
            walked=self._walked,
        )


class _Walked:
    """The names written in a module, walked once when first asked for."""

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self._names: frozenset[str] | None = None

    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(names_and_attributes(self.module)[0])
        return self._names
