"""Whether an endless loop of another module is stopped through a flag by its object's class.

`self._poll()` of a sibling mixin, a base or another module's class runs `while not
self._shutdown.is_set()`; a method of the class the object is (the spawn's class, a class
derived from it, or one they inherit from, in Python's order) sets that flag: the loop has a
way out that is no cancel, which its owner gives, as `lifetimes.stopped_on_signal` reads in one
module. So the task does not run until cancelled (RUBRIC conventions 4, 5 and 7): what waits
for a cancel nobody makes is not left running for good. Read from `ClassFacts.flags`
(`summaries/flag_stops.py`).
"""

from __future__ import annotations

from taskleak.analysis.tree.vocabulary import FLAG_STOPS
from taskleak.project.callees import function_at
from taskleak.project.index import ProjectIndex, Where


def stopped_by_a_flag(index: ProjectIndex, path: str, chain: str, found: Where | None) -> str:
    """"stopped by close() through self._shutdown" when the method `chain` (read in `path`;
    `found`: `callees.function_at` of it) loops on a flag of `self` that a method of its
    object's class stops; "" otherwise."""
    if found is None or "." not in found[1]:
        return ""
    cls_name, _, method = found[1].rpartition(".")
    facts = index.classes.get((found[0], cls_name))
    loops = [(attr, role) for m, attr, role in facts.flags if m == method
             and role in FLAG_STOPS] if facts is not None else []
    if not loops:
        return ""
    for cls in _object_classes(index, path, chain, (found[0], cls_name)):
        for where in index.tree.mro(cls):
            flips = index.classes[where].flags if where in index.classes else ()
            for m, attr, role in flips:
                if m != method and any(attr == a and role in FLAG_STOPS[loop] for a, loop in loops):
                    return f"stopped by {m}() through self.{attr}"
    return ""


def _object_classes(index: ProjectIndex, path: str, chain: str, defining: Where
                    ) -> list[Where]:
    """The classes the object whose method `chain` names may be: the chain's class (or the
    class defining the method) and the project's classes derived from it."""
    named = function_at(index, path, chain.rpartition(".")[0].removesuffix("()")) \
        if "." in chain else None
    start = named if named is not None and named in index.classes else defining
    return [start, *sorted(index.tree.subclasses(start))]
