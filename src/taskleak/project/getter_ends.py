"""Ends of a kept task made through a getter of another module (facts/getters.py): the getter's
module says `_inflight(entry)` returns `entry.inflight`; a caller's module says what it does with
what its call of `_inflight` gives (`task = _inflight(entry)`, then `await asyncio.shield(task)`).
Each such call that resolves to a getter (`resolve_callee`) is an end of the getter's holder made
where the call is, as when the getter and its callers share a module
(`summaries/dotted_effects._through_callers`): an `Effect` of the caller's module, its owner the
getter's class written as the caller's module names it (by an import), or "" when it names none
(the join then counts it only where one class alone stores the attribute)."""

from __future__ import annotations

from typing import Protocol

from taskleak.analysis.facts.getters import Getter
from taskleak.analysis.facts.interface import Effect, EffectKind
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.project.module_resolution import Where


class _Index(Protocol):
    """What of `ProjectIndex` this reads and fills (it builds the index: no import of it)."""

    modules: dict[str, ModuleFacts]
    effects: dict[str, list[tuple[str, Effect]]]
    imports: dict[str, dict[str, str]]

    def resolve_callee(self, path: str, callee: str, caller: str, receiver: str = ""
                       ) -> Where | None: ...

    def resolve_name(self, path: str, name: str) -> Where | None: ...


def add_getter_ends(index: _Index) -> None:
    """Add to `index.effects` the ends its modules make through other modules' getters."""
    found: dict[Where, Getter] = {(path, g.function): g for path, module in index.modules.items()
                                  for g in module.exports.getters}
    if not found:
        return
    for path, module in index.modules.items():
        for call in module.exports.call_value_effects:
            runs = index.resolve_callee(path, call.callee, call.caller)
            if runs is None or (getter := found.get(runs)) is None:
                continue
            owner = _named_here(index, path, runs[0], getter.owner)
            effect = Effect(EffectKind(call.kind), getter.key, call.where, owner, call.method)
            index.effects[effect.attribute].append((path, effect))


def _named_here(index: _Index, path: str, getter_path: str, owner: str) -> str:
    """The name module `path` gives the class `owner` names in `getter_path`; "" when none."""
    if not owner:
        return ""
    target = index.resolve_name(getter_path, owner)
    if index.resolve_name(path, owner) == target:
        return owner
    return next((name for name in index.imports.get(path, {})
                 if index.resolve_name(path, name) == target), "")
