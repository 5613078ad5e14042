"""The analysis entry point: a parsed module in, its spawns and their fates out.

    scan (scopes, reads, calls) -> resolve names -> find spawns -> classify (fates)

`analyse` is the one wiring of these steps: `taskleak check` (through the run's per-file job)
and `taskleak fix` (to plan and to re-check a fix) both call it. `ModuleAnalysis.facts` turns the
result into plain per-module facts (positions, snippets, questions, exports).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field, replace

import libcst as cst

from taskleak.analysis.classify import Classifier
from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.interface import (
    LET_GO,
    Exports,
    FunctionFacts,
    Promise,
    through_an_attribute,
)
from taskleak.analysis.facts.module import (
    OWN_OBJECT,
    ModuleFacts,
    Question,
    QuestionKind,
    SpawnFacts,
    questions_of,
)
from taskleak.analysis.facts.module import UNTYPED as UNTYPED_RECEIVER
from taskleak.analysis.names.asyncio_waits import retype_waits
from taskleak.analysis.names.class_bases import imported_bases
from taskleak.analysis.names.reexports import named_through
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.names.spawner_attributes import attribute_called, spawner_attributes
from taskleak.analysis.names.typed_names import IOLOOP
from taskleak.analysis.obligations.coroutines import coroutine_chain, runs_own_method
from taskleak.analysis.obligations.creation import Made
from taskleak.analysis.obligations.local_helpers import (
    MAX_ROUNDS,
    LocalHelpers,
    called_in,
    helper_spawners,
)
from taskleak.analysis.obligations.method_adds import retype_method_adds
from taskleak.analysis.obligations.registrations import registration_chain
from taskleak.analysis.obligations.spawners import Spawner, parse_spawner, spawner_index
from taskleak.analysis.obligations.spawns import Spawn, find_spawns
from taskleak.analysis.summaries.exports import (
    exported_functions,
    exported_imports,
    exports,
    spawn_helpers,
)
from taskleak.analysis.summaries.foreign_handoffs import classified
from taskleak.analysis.tree.dests import Dest
from taskleak.analysis.tree.inherit import (
    InheritedFrom,
    member_origin,
    merged,
    own_functions,
)
from taskleak.analysis.tree.lambda_callbacks import retype_local_callbacks
from taskleak.analysis.tree.named_sites import add_sites
from taskleak.analysis.tree.nodes import code_of
from taskleak.analysis.tree.positions import (
    dropped_call_positions,
    enclosing_function,
    spawn_positions,
)
from taskleak.analysis.tree.scan import Scanner, walked
from taskleak.analysis.tree.scopes import Scope, argument_place
from taskleak.model import Step
from taskleak.records import record


@record
class ModuleAnalysis:
    """One module's analysis, with the tree (for fixes) and the scope model."""

    module: cst.Module
    text: str | None  # the source, when known: positions are cheaper with it
    root: Scope
    resolver: Resolver
    classifier: Classifier
    spawns: list[Spawn]  # in text order
    fates: list[tuple[Fate, ...]]  # of each spawn
    # of each spawn: its questions about hand-offs to other modules' functions, and its fates
    # if those end nothing (`foreign_handoffs.py`)
    handoffs: list[tuple[tuple[Question, ...], tuple[Fate, ...]]] = field(default_factory=list)

    def facts(self) -> ModuleFacts:
        """The plain facts of this module (see `facts/module.py`), spawns in text order."""
        exported = self._exports()
        # the calls through another object's attribute (`self.hass.spawn(...)`) are placed now,
        # with the tree at hand: the join may make them findings, and placing them later
        # parses their (often large) modules again (homeassistant: 0.4 s cold for three rows;
        # placing its 261 such calls here takes 0.22 s of CPU, +0.07 s cold with two workers)
        # (an `await self.x.f()` statement gives a task only where `f` is a coroutine function
        # returning one, rarely: it is placed later, if a finding needs it)
        # (a function called back, `loop.call_soon(self.start)`, is placed now too: rare, and
        # a module's own helper called back is a finding no later round places)
        # (so is a call through a typed local or parameter, `pool.release(conn)`: homeassistant's
        # `hass.async_create_task(...)` calls, 20 low rows, cost 0.5 s cold placed later)
        # (and one on an object a global of this module holds, `cmdmgr.run_task(...)`: its
        # `receiver` is the global's class)
        through = [c.ordinal for c in exported.dropped_calls
                   if (through_an_attribute(c.callee) or c.called_back or c.receiver)
                   and not c.awaited]
        if through:
            exported.positions.update(
                dropped_call_positions(self.module, self.text, self.root, through))
        return ModuleFacts(self._spawn_facts(_helpers_asking(exported.functions)), exported)

    def inherited_facts(self) -> ModuleFacts:
        """The facts of an analysis with inherited members (`analyse_inherited`): its spawns',
        and what it finds of the module's own functions that spawn (a method's promise may hang
        on an inherited one: `_cancel_siren_off()` of the base class), and the names the merged
        tree imports (those the inherited members need, through which the join types what
        the verdicts name); the rest of the exports are the module's own pass's (the members it
        inherits are their module's to export), so only these two are computed (the rest cost
        a fifth of the round: 9.6 of 42 s of mid's round under cProfile)."""
        every = exported_functions(self.root, self.classifier.ownership, self.spawns, self.fates)
        own = own_functions(self.module)
        functions = tuple(f for f in every
                          if ".".join(f.qualname.split(".")[:2]) in own
                          or f.qualname.partition(".")[0] in own)
        kept = Exports(functions=functions, imports=exported_imports(self.root))
        return ModuleFacts(self._spawn_facts(_helpers_asking(every)), kept)

    def _exports(self) -> Exports:
        return exports(self.root, self.classifier.ownership, self.classifier.lifecycle,
                       self.spawns, self.fates)

    def _spawn_facts(self, helpers: set[str]) -> tuple[SpawnFacts, ...]:
        if not self.spawns:
            return ()
        where_ = spawn_positions(self.module, self.text,
                                 [(shown_node(sp), sp.site.statement) for sp in self.spawns],
                                 [enclosing_function(sp.site.scope) for sp in self.spawns],
                                 [sp.site.path for sp in self.spawns])
        steps = self._steps()
        out: list[SpawnFacts] = []
        handoffs = self.handoffs or [((), ())] * len(self.spawns)
        for sp, fates, (asked, otherwise) in zip(self.spawns, self.fates, handoffs, strict=True):
            node = shown_node(sp)
            stmt = sp.site.statement
            line, col, end_line, end_col = where_[id(node)]
            stmt_line, stmt_col = where_[id(stmt)][:2] if id(stmt) in where_ else (line, col)
            code_node = stmt if isinstance(stmt, cst.SimpleStatementLine) else node
            context = sp.site.scope.qualname or "<module>"
            out.append(SpawnFacts(
                line=line, column=col + 1, end_line=end_line, end_column=end_col + 1,
                statement_line=stmt_line, spawner=sp.spawner,
                coroutine=sp.shown, context=context,
                snippet=" ".join(self.module.code_for_node(code_node).split()),
                fates=fates, otherwise=otherwise,
                questions=self._questions(sp, fates + otherwise, context, helpers) + asked,
                helper=sp.spawner if self._asks_project(sp) else "",
                arguments=self._arguments(sp) if self._asks_project(sp) else (),
                project_helper=sp.helper is not None and sp.helper.project,
                steps=steps(sp, stmt_line, stmt_col + 1), runs=runs_own_method(sp.site),
            ))
        return tuple(out)

    def _steps(self) -> Callable[[Spawn, int, int], tuple[Step, ...]]:
        """Each spawn's steps (`obligations/steps.py`), placed: a store at the spawning
        statement where the statement starts, the others where their node is found."""
        recorded = self.classifier.steps
        nodes = [(s.node, s.scope) for sp in self.spawns for s in recorded.of(sp)
                 if s.node is not None]
        where_ = spawn_positions(self.module, self.text, [(n, n) for n, _ in nodes],
                                 [enclosing_function(scope) for _, scope in nodes]
                                 ) if nodes else {}

        def placed(sp: Spawn, line: int, column: int) -> tuple[Step, ...]:
            out = {(line, column, s.kind, s.name) if s.node is None else
                   (where_[id(s.node)][0], where_[id(s.node)][1] + 1, s.kind, s.name)
                   for s in recorded.of(sp) if s.node is None or id(s.node) in where_}
            return tuple(Step(kind, at, col, name) for at, col, kind, name in sorted(out))
        return placed

    def _questions(self, sp: Spawn, fates: tuple[Fate, ...], context: str,
                   helpers: set[str]) -> tuple[Question, ...]:
        """What the spawn asks the project: its fates' questions, whether its receiver is a
        loop (typed in another module), who calls the spawn helper it is in."""
        asked = questions_of(fates, context, self._param_index)
        if sp.receiver:
            asked += (Question(QuestionKind.RECEIVER_LOOP, sp.receiver,
                               IOLOOP if sp.run_by_ioloop is not None
                               else UNTYPED_RECEIVER if sp.untyped else ""),)
        if sp.method_call[0]:
            asked += (Question(QuestionKind.HELPER_METHOD, *sp.method_call),)
        if sp.named_through:
            asked += (Question(QuestionKind.STDLIB_NAME, sp.named_through,
                               named_through(sp.named_through)),)
        if sp.creation is not None and sp.creation.made is Made.TASK and sp.creation.asks:
            asked += (Question(QuestionKind.CALL_MAKES, sp.creation.asks),)
        if any(f.ends == LET_GO or f.skipped_by or (f.user_ended and not f.runs_until_ended)
               or f.kind is FateKind.LEFT_AT_TIMEOUT for f in fates):
            # (once done; on a way out; ended only by its users; left at a wait's timeout)
            chain = coroutine_chain(sp, self.resolver)
            if chain:
                asked += (Question(QuestionKind.COROUTINE_BODY, chain,
                                   OWN_OBJECT if runs_own_method(sp.site) else ""),)
        if any(f.kind in (FateKind.LEFT_RUNNING, FateKind.LEFT_AT_TIMEOUT) for f in fates) \
                and (fn := sp.site.scope.function()) is not None and fn.is_async:
            asked += (Question(QuestionKind.RUN_BY_A_RUNNER, context),)
        if sp.coroutine_asks:
            asked += (Question(QuestionKind.CALL_IS_COROUTINE, sp.coroutine_asks),)
        if any(f.kind is FateKind.LAMBDA_HANDED and f.registered for f in fates):
            asked += (Question(QuestionKind.LAMBDA_CALLEE,
                               registration_chain(sp, self.resolver) or ""),)
        if any(f.overwrites and f.keeper is Keeper.ATTRIBUTE for f in fates):
            asked += tuple(Question(QuestionKind.REENTRY, base, context)
                           for base in imported_bases(sp.site.scope, self.root, self.resolver))
        returned = Question(QuestionKind.RETURNED_TASK, context)
        if context in helpers and returned not in asked:
            asked += (Question(QuestionKind.HELPER_CALLERS, context),)
        # (answered in this order: the coroutine's body says whether a task ended only by its
        # users runs until they do, before its class's close is asked)
        last = tuple(q for q in asked if q.kind is QuestionKind.USER_ENDS)
        return tuple(q for q in asked if q.kind is not QuestionKind.USER_ENDS) + last

    @staticmethod
    def _asks_project(sp: Spawn) -> bool:
        """A configured helper with no promise: the project's body of it will tell."""
        return sp.helper is not None and sp.helper.promise is None

    def _arguments(self, sp: Spawn) -> tuple[str, ...]:
        """The positional arguments of a helper's call, as written (the join picks the one
        the helper spawns)."""
        return tuple(" ".join(self.module.code_for_node(a.value).split())
                     for a in sp.site.node.args if a.keyword is None and not a.star)

    def _param_index(self, function: str, name: str) -> int:
        """The position a call's positional argument takes to reach parameter `name` of the
        function `function` (`tree.scopes.argument_place`); -1 when it has none."""
        for scope in self.root.walk():
            if scope.qualname == function and isinstance(scope.node, cst.FunctionDef):
                return argument_place(scope, name)
        return -1


def _helpers_asking(functions: Sequence[FunctionFacts]) -> set[str]:
    """The module's spawn helpers that keep what they spawn: each asks, like one that returns
    it, who calls it; not a coroutine function (whether it spawns may hang on its arguments:
    `spawners.is_helper`)."""
    return {f.qualname for f in functions
            if f.promise in (Promise.KEEPS_AND_CLEANS, Promise.KEEPS, Promise.DROPS)
            and not f.awaited}


def shown_node(sp: Spawn) -> cst.CSTNode:
    """Where a spawn is shown: its call, or the spawn function handed to another call
    (`context.run(loop.create_task, coro)` is shown at `loop.create_task`) when it is on the
    line that call starts on (the line a reader, and RUBRIC's rows, give the spawn: a
    `call_soon(` whose `ensure_future,` is on the next line is shown at the call); a coroutine
    function called back at the call that calls it back."""
    if sp.site.via and not sp.unawaited and not _on_a_later_line(sp.site.node, sp.site.func):
        return sp.site.func
    return sp.site.node


def _on_a_later_line(call: cst.Call, func: cst.CSTNode) -> bool:
    """A line break comes between the start of `call` and its argument `func`."""
    before: list[cst.CSTNode] = [call.func, call.whitespace_after_func,
                                 call.whitespace_before_args]
    for arg in call.args:
        if arg.value is func:
            before += [n for n in (arg.keyword, arg.equal) if isinstance(n, cst.CSTNode)]
            return any("\n" in code_of(n) for n in before)
        before.append(arg)
    return False



def analyse(module: cst.Module, spawners: tuple[Spawner, ...] = (),
            text: str | None = None) -> ModuleAnalysis:
    """Analyse a parsed module; `spawners`: configured spawn functions, as the settings hold
    them (the same tuple for every file, so its index is built once); `text`: its source (what
    `module.code` gives), if known."""
    names = spawner_index(spawners).methods
    helpers: dict[str, Spawner] = {}
    scanner, read_with = walked(module, names), names
    new_dests: list[tuple[Dest, Scope]] | None = None  # the dests to retype (None: all)
    for round_ in range(MAX_ROUNDS + 1):
        if round_:  # a round with the module's own helpers among the names
            scanner, new_dests = _read_with(module, scanner, read_with, names)
            read_with = names
        root = scanner.root
        resolver = Resolver(root)
        # the dests a round added are retyped; the others were, by the same rules, before
        retype_method_adds(root.dests() if new_dests is None else new_dests, resolver)
        retype_waits(root.dests() if new_dests is None else new_dests, resolver)
        retype_local_callbacks(root)
        local = LocalHelpers(root, helpers) if helpers else None
        spawns = sorted(find_spawns(root, resolver, spawners, local), key=lambda sp: sp.site.seq)
        classifier = Classifier(root, resolver, spawns)
        judged = [classified(classifier, sp) for sp in spawns]
        fates = [j[0] for j in judged]
        # the module's own spawn helpers are spawners to its calls of them: one more pass
        # when it calls a helper it did not know of yet (`local_helpers.py`)
        found = helper_spawners(spawn_helpers(spawns, fates)) if spawns else {}
        new = found.keys() - helpers.keys()
        # and so are its classes' attributes that hold a spawn function (`self._spawn =
        # asyncio.create_task`): their calls are read as sites in one more pass too
        held = spawner_attributes(root) - names
        if (not new or not called_in(text, new)) and not (held and attribute_called(text, held)):
            break
        helpers |= found
        names = names | {s.name for s in found.values()} | held
    return ModuleAnalysis(module, text, root, resolver, classifier, spawns, fates,
                          [(asked, otherwise) for _, asked, otherwise in judged])


def _read_with(module: cst.Module, scanner: Scanner, before: frozenset[str],
               after: frozenset[str]) -> tuple[Scanner, list[tuple[Dest, Scope]] | None]:
    """The module's walk read with the spawner names `after` (it was read with `before`), and
    the dests that reading added (None: a new walk, every dest new). The calls of new names
    become sites where the walk left them (`named_sites.py`); a call read otherwise walks the
    module again."""
    if after == before:
        return scanner, []
    sites = add_sites(scanner.pending, before, after, scanner.site_at)
    if sites is None:
        return walked(module, after), None
    return scanner, [(site.dest, site.scope) for site in sites]


def analyse_inherited(module: cst.Module, text: str | None, inherited: Sequence[InheritedFrom],
                      spawners: tuple[Spawner, ...] = ()) -> ModuleAnalysis | None:
    """The module analysed with the members its classes inherit from other modules' classes
    (`tree/inherit.py`), its own spawns only, placed in the module as written; None when it
    inherits nothing."""
    origins: dict[int, str] = {}
    whole, added = merged(module, inherited, origins)
    if not added:
        return None
    analysis = analyse(whole, spawners)
    keep = [i for i, sp in enumerate(analysis.spawns) if not _inherited(sp.site.scope, added)]
    handoffs = analysis.handoffs or [((), ())] * len(analysis.spawns)
    fates = [tuple(_ends_placed(whole, f, origins) for f in analysis.fates[i]) for i in keep]
    return replace(analysis, module=module, text=text,
                   spawns=[analysis.spawns[i] for i in keep],
                   fates=fates, handoffs=[handoffs[i] for i in keep])


def _ends_placed(whole: cst.Module, fate: Fate, origins: dict[int, str]) -> Fate:
    """`fate` with the classes its `ended_in` methods came from (`Fate.ended_in_at`)."""
    cls = fate.owner.partition(".")[0]
    at = [f"{m}={o}" for m in fate.ended_in.split(",") if m
          for o in [member_origin(whole, cls, m, origins)] if o]
    return replace(fate, ended_in_at=",".join(at)) if at else fate


def _inherited(scope: Scope | None, added: frozenset[int]) -> bool:
    """The scope lies in a member copied from a base class of another module."""
    while scope is not None:
        if id(scope.node) in added:
            return True
        scope = scope.parent
    return False


def analyse_source(code: str, spawners: Sequence[str] = ()) -> ModuleAnalysis:
    """Analyse source text (for tests and tools); `spawners` as written in settings."""
    parsed = tuple(parse_spawner(s) for s in spawners)
    # libcst drops a byte order mark from the code it keeps: so does the text searched
    return analyse(cst.parse_module(code), parsed, text=code.removeprefix("\ufeff"))
