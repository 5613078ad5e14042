"""A task kept in a module-level weak collection that another module defines.

`_states[task] = name` with `_states = weakref.WeakKeyDictionary()` beside it: weak keys own
nothing, the task is held only weakly. The storing module knows the collection's type
only when it binds it; one imported from the module that makes it (`from pkg.main import
_states`) is told by that module (`Exports.weak_globals`: what each of its weak collections holds
weakly), and the storing module's fate says how the task went in (`Fate.as_key`). A task
kept as a `WeakKeyDictionary`'s value goes with its key's entry: one per live key, no growth
(`classify.collection_fate` in one module).
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.project.index import ProjectIndex


def weakly_held(index: ProjectIndex, path: str, fate: Fate, name: str) -> Fate | None:
    """`fate` (a collection that only grows, the module-level `name` as `path` binds it) once
    the module defining `name` says it makes a weak collection: held only weakly when that
    holds the task the way it went in (a `WeakKeyDictionary`'s key; a `WeakSet`'s element, a
    `WeakValueDictionary`'s value); a `WeakKeyDictionary`'s value, pruned with its key; None
    when the name is no weak collection of another module."""
    if fate.kind is not FateKind.COLLECTION_GROWS:
        return None
    defined = index.resolve_name(path, name)
    weak = index.weak_globals.get(defined) if defined is not None and defined[0] != path else None
    if weak is None:
        return None
    if (weak == "keys") == fate.as_key:
        return replace(fate, kind=FateKind.WEAKLY_HELD, cleanup="", witness="", closers="",
                       holder=f"the weak collection global {name}")
    if weak == "keys":  # a value: its entry goes when its key is collected
        return replace(fate, kind=FateKind.COLLECTION_CLEANED, witness="", closers="",
                       cleanup="pruned when its key is collected (a WeakKeyDictionary)")
    return None
