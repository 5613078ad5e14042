"""The analysis entry point: a parsed module in, its spawns and their fates out.

    scan (scopes, reads, calls) -> resolve names -> find spawns -> classify (fates)

`analyse` is the one wiring of these steps: `taskleak check` (through the run's per-file job)
and `taskleak fix` (to plan and to re-check a fix) both call it. `ModuleAnalysis.facts` turns the
result into plain per-module facts (positions, snippets, questions, exports).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from taskleak.analysis.classify import Classifier
from taskleak.analysis.facts import (
    Effect,
    EffectKind,
    Exports,
    ModuleFacts,
    SpawnFacts,
    questions_of,
)
from taskleak.analysis.fates import Fate, FateKind
from taskleak.analysis.flow import Flow
from taskleak.analysis.nodes import coroutine_text, dotted
from taskleak.analysis.ownership import where
from taskleak.analysis.positions import spawn_positions
from taskleak.analysis.resolve import Resolver
from taskleak.analysis.scan import scan
from taskleak.analysis.scopes import Scope, ScopeKind
from taskleak.analysis.spawns import Spawn, find_spawns
from taskleak.analysis.vocabulary import NOT_SPAWNING_METHODS


@dataclass
class ModuleAnalysis:
    """One module's analysis, with the tree (for fixes) and the scope model."""

    module: cst.Module
    text: str | None  # the source, when known: positions are cheaper with it
    root: Scope
    resolver: Resolver
    classifier: Classifier
    spawns: list[Spawn]  # in text order
    fates: list[tuple[Fate, ...]]  # of each spawn

    def facts(self) -> ModuleFacts:
        """The plain facts of this module (see `facts.py`), spawns in text order."""
        return ModuleFacts(self._spawn_facts(), exports(self.root, self.spawns, self.fates))

    def _spawn_facts(self) -> tuple[SpawnFacts, ...]:
        if not self.spawns:
            return ()
        where_ = spawn_positions(self.module, self.text,
                                 [(_shown(sp), sp.site.statement) for sp in self.spawns])
        out: list[SpawnFacts] = []
        for sp, fates in zip(self.spawns, self.fates, strict=True):
            node = _shown(sp)
            stmt = sp.site.statement
            line, col, end_line, end_col = where_[id(node)]
            stmt_line = where_[id(stmt)][0] if id(stmt) in where_ else line
            code_node = stmt if isinstance(stmt, cst.SimpleStatementLine) else node
            context = sp.site.scope.qualname or "<module>"
            out.append(SpawnFacts(
                line=line, column=col + 1, end_line=end_line, end_column=end_col + 1,
                statement_line=stmt_line, spawner=sp.spawner,
                coroutine=coroutine_text(sp.site.node, sp.site.via), context=context,
                snippet=" ".join(self.module.code_for_node(code_node).split()),
                fates=fates, questions=questions_of(fates, context),
            ))
        return tuple(out)


def _shown(sp: Spawn) -> cst.CSTNode:
    """Where a spawn is shown: its call, or the spawn function handed to another call
    (`context.run(loop.create_task, coro)` is shown at `loop.create_task`)."""
    return sp.site.func if sp.site.via else sp.site.node


def analyse(module: cst.Module, spawners: Sequence[str] = (),
            text: str | None = None) -> ModuleAnalysis:
    """Analyse a parsed module; `spawners`: configured spawn functions (`hass.async_create_task`);
    `text`: its source (what `module.code` gives), if known."""
    extra = tuple(spawners)
    root = scan(module, frozenset(s.rsplit(".", 1)[-1] for s in extra))
    resolver = Resolver(root)
    spawns = sorted(find_spawns(root, resolver, extra), key=lambda sp: sp.site.seq)
    classifier = Classifier(root, resolver)
    fates = [tuple(classifier.fates(sp)) for sp in spawns]
    return ModuleAnalysis(module, text, root, resolver, classifier, spawns, fates)


def analyse_source(code: str, spawners: Sequence[str] = ()) -> ModuleAnalysis:
    """Analyse source text (for tests and tools)."""
    # libcst drops a byte order mark from the code it keeps: so does the text searched
    return analyse(cst.parse_module(code), spawners, text=code.removeprefix("\ufeff"))


_EFFECTS = {Flow.AWAITED: EffectKind.AWAIT, Flow.GATHERED: EffectKind.GATHER,
            Flow.CANCEL: EffectKind.CANCEL, Flow.PRUNE: EffectKind.PRUNE,
            Flow.PRUNE_REF: EffectKind.PRUNE}
_RETURNING = frozenset({FateKind.RETURNED, FateKind.LOCAL_HANDED})


def exports(root: Scope, spawns: Sequence[Spawn],
            fates: Sequence[tuple[Fate, ...]]) -> Exports:
    """What this module can tell others (see `facts.Exports`)."""
    effects: list[Effect] = []
    dropped: set[str] = set()
    for scope in root.walk():
        method = scope.method()
        cls = scope.enclosing_class()
        for occ in scope.occurrences:
            kind = _EFFECTS.get(occ.dest.kind)
            if kind is None or "." not in occ.key:
                continue
            owner = ""
            if cls is not None and method is not None and method.self_name \
                    and occ.key.startswith(method.self_name + "."):
                owner = cls.qualname
            effects.append(Effect(kind, occ.key, where(scope), owner))
        for call in scope.dropped_calls:
            name = dotted(call.func)
            if name is not None and name.rsplit(".", 1)[-1] not in NOT_SPAWNING_METHODS:
                dropped.add(name)
    returning = [sp.site.scope.qualname for sp, f in zip(spawns, fates, strict=True)
                 if sp.site.scope.kind is ScopeKind.FUNCTION
                 and any(x.kind in _RETURNING and (x.kind is FateKind.RETURNED
                                                   or x.handed == "returned") for x in f)]
    return Exports(tuple(dict.fromkeys(effects)), tuple(dict.fromkeys(returning)),
                   tuple(sorted(dropped)))
