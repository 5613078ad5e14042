"""A project class derived from a library class whose helper a call on `self` runs.

`self.create_task(self._pump())` in a class whose base of another module of the project is
derived from pipecat's `FrameProcessor`: the module alone cannot see pipecat behind that base
(`analysis/obligations/library_helpers.py` decides the case where a base of its own module or
an import names it), so it asks (`QuestionKind.HELPER_METHOD`), and the join follows the bases
through the project to the ones imported from installed packages. The call is pipecat's
`BaseObject.create_task` when no class of the project in that tree defines the method, a
pipecat class is among the outside bases, and every other outside base is the standard
library's (another library's base may define its own `create_task`).
"""

from __future__ import annotations

from taskleak.analysis.facts.calls import ParamUse
from taskleak.analysis.facts.interface import LET_GO, FunctionFacts, Promise
from taskleak.analysis.tree.library_facts import (
    PIPECAT_END_METHOD,
    PIPECAT_KEEPS,
    PIPECAT_PACKAGE,
    PIPECAT_SPAWN_METHOD,
)
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.outside_bases import imported_base

_MOST_BASES = 8
# pipecat's `BaseObject.create_task` as the join knows a helper function of the project
# (`analysis/obligations/library_helpers.py` is the same helper to a module's analysis), and
# what its `cancel_task(task)` does with its parameter (`tree/library_facts.py`)
PIPECAT_FUNCTION = FunctionFacts(f"BaseObject.{PIPECAT_SPAWN_METHOD}",
                                 ("self", "coroutine", "name", "context"),
                                 Promise.KEEPS_AND_CLEANS, PIPECAT_KEEPS, method=True,
                                 coroutine=1, ends=LET_GO)
PIPECAT_CANCELS = ParamUse(f"BaseObject.{PIPECAT_END_METHOD}", 1, "task", True,
                           ends=f"cancelled and waited for by pipecat's {PIPECAT_END_METHOD}()")


def library_helper(index: ProjectIndex, path: str, call: str, caller: str
                   ) -> FunctionFacts | None:
    """The library helper `call` ("self.create_task"), made in function `caller` of `path`,
    runs; None when it is not one or a class of the project defines it."""
    return PIPECAT_FUNCTION if _pipecats(index, path, call, caller, PIPECAT_SPAWN_METHOD) \
        else None


def library_end(index: ProjectIndex, path: str, call: str, caller: str, position: int,
                star: bool, keyword: str) -> ParamUse | None:
    """What the library method `call` ("self.cancel_task") does with the task its first
    argument gives it (pipecat's `BaseObject.cancel_task`: cancels it and waits for it); None
    when it is not one, or the task is another argument."""
    first = (position == 0 and not star and not keyword) or keyword == "task"
    return PIPECAT_CANCELS if first and _pipecats(index, path, call, caller,
                                                  PIPECAT_END_METHOD) else None


def _pipecats(index: ProjectIndex, path: str, call: str, caller: str, method: str) -> bool:
    """`call` is `self.method` in a class derived from a pipecat class (and from no other
    package's), which no class of the project in its tree defines."""
    head, _, name = call.partition(".")
    cls = index.enclosing_class(path, caller)
    if head not in ("self", "cls") or name != method or cls is None:
        return False
    # the class and the project's classes derived from it (a mixin's `self` is one of theirs)
    classes = [(path, cls), *sorted(index.tree.subclasses((path, cls)))]
    if any(index.method_of(*c, method) is not None for c in classes):
        return False
    packages: set[str] = set()
    for c in classes:
        packages |= _outside_packages(index, c, 0)
    return packages == {PIPECAT_PACKAGE}


def _outside_packages(index: ProjectIndex, cls: Where, depth: int) -> set[str]:
    """The top-level packages of the bases outside the checked code (not the standard
    library's) of `cls` and its bases in the project; "?" for a base not followed."""
    facts = index.classes.get(cls)
    if facts is None or depth > _MOST_BASES:
        return {"?"}
    out: set[str] = set()
    for base in facts.bases:
        found = index.resolve_name(cls[0], base)
        if found is not None and found in index.classes:
            out |= _outside_packages(index, found, depth + 1)
        elif (imported := imported_base(index, cls[0], base)):
            out.add(imported.partition(".")[0])
    return out
