"""Every module's exports, indexed so the join can answer questions across modules.

Modules are found by file path, the way Python would import them: a relative import
(`from .handler import trigger`) from the importing file's folder, an absolute one
(`from app.handler import trigger`) by the path it ends with. Callees are resolved the same
way: a function of the module, an imported name, `self.method` in the class or one of its
bases, `module.function`.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from taskleak.analysis.facts.calls import (
    ELEMENT,
    CallArg,
    DroppedCall,
    OwnedField,
    ParamUse,
    RepeatedCall,
    RunnerCall,
)
from taskleak.analysis.facts.fates import Fate, FateKind, Hand
from taskleak.analysis.facts.interface import (
    STAR,
    ClassFacts,
    Effect,
    EffectKind,
    FunctionFacts,
    Promise,
)
from taskleak.analysis.facts.module import FileFacts, ModuleFacts, QuestionKind
from taskleak.project.class_tree import ClassTree
from taskleak.project.effect_words import ENDS, cleanup_text
from taskleak.project.getter_ends import add_getter_ends
from taskleak.project.module_resolution import ModuleResolution
from taskleak.project.module_resolution import Where as Where

# what a helper promises that one returning its task passes on to its own callers
_KEPT_BY_THE_HELPER = frozenset({Promise.KEEPS_AND_CLEANS, Promise.KEEPS})
_HELPER_LINKS = 3  # helpers returning what helpers return, followed this deep


def _returned(fate: Fate) -> bool:
    """The fate hands the one task to the caller: returned at once, or through a local."""
    return fate.kind is FateKind.RETURNED or (fate.kind is FateKind.LOCAL_HANDED
                                              and fate.hand is Hand.RETURNED)


# The attributes a call through `self` is followed through (`self.a.b.c.method()`).
_MAX_CHAIN = 3


class ProjectIndex(ModuleResolution):
    """The join's view of the project: every module's exports, by name."""

    def __init__(self, files: Sequence[FileFacts]) -> None:
        self.modules: dict[str, ModuleFacts] = {f.path: f.module for f in files
                                                if f.module is not None and f.path}
        self.effects: dict[str, list[tuple[str, Effect]]] = defaultdict(list)  # by attribute
        self.classes: dict[Where, ClassFacts] = {}
        self.stored_by: dict[str, list[Where]] = defaultdict(list)  # attribute -> classes
        self.functions: dict[Where, FunctionFacts] = {}
        self.call_args: dict[str, list[tuple[str, CallArg]]] = defaultdict(list)  # last name
        self.dropped: dict[str, list[tuple[str, DroppedCall]]] = defaultdict(list)  # last name
        # calls made where they run again and again (`RepeatedCall`), by the callee's last name
        self.repeated: dict[str, list[tuple[str, RepeatedCall]]] = defaultdict(list)
        # the objects classes make and keep, by the made class's last name (`OwnedField`)
        self.owned: dict[str, list[tuple[str, OwnedField]]] = defaultdict(list)
        # ... and what a class calls on an attribute of its objects that another class binds
        # (a mixin's), by the class (`OwnedField.made` "")
        self.used_fields: dict[Where, list[OwnedField]] = defaultdict(list)
        self.run_by: dict[str, list[tuple[str, RunnerCall]]] = defaultdict(list)
        # module-level weak collections: what they hold weakly ("keys", "values")
        self.weak_globals: dict[Where, str] = {}
        self.imports: dict[str, dict[str, str]] = {}
        self.typed: dict[str, dict[str, str]] = {}  # path -> what its typed names hold
        self.instances: dict[str, dict[str, str]] = {}  # path -> its globals' classes
        self.star_imports: dict[str, list[str]] = {}  # path -> the modules it imports * from
        # path -> the classes and task functions it defines at its top level, and the reverse
        self.top_names: dict[str, set[str]] = defaultdict(set)
        self.top_by_name: dict[str, list[str]] = defaultdict(list)
        self._by_suffix: dict[str, list[str]] = defaultdict(list)  # "pkg/mod.py" tails
        # (path, callee, position, class) of the calls a method gives its own `self`
        self.self_passed: list[tuple[str, str, int, str]] = []
        # (function, position) -> what it does with the task that parameter receives; the
        # same by name; (function, "*" or "**") for its `*args` and `**kwargs`
        self.param_uses: dict[tuple[Where, int], ParamUse] = {}
        self.param_names: dict[tuple[Where, str], ParamUse] = {}
        self.rest_params: dict[tuple[Where, str], ParamUse] = {}
        # the functions whose promise is another module's helper's, not the one their module
        # exported ("returns the task"): `_promises_through_helpers`
        self.promised_since: set[Where] = set()
        # Speed trick (one place): what a call runs, which class constructs another and where a
        # qualified name is, asked for every spawn whose function shares the call's last name
        # (`start`), and `_constructed_by` reading every call giving `self` each time: most of a
        # 580 s run over 62,661 files. Worked out once per index (tests/project/test_index.py).
        self._callees: dict[tuple[str, str, str, str], Where | None] = {}
        self._constructors: dict[tuple[Where, int], Where | None] = {}
        self._qualified: dict[tuple[str, str], Where | None] = {}
        self._passers: dict[int, list[tuple[Where, Where]]] | None = None  # by position
        for path, module in self.modules.items():
            self._add(path, module)
        add_getter_ends(self)  # (once every module's getters and calls are in)
        self.tree = ClassTree(self.classes, self.resolve_name, lambda w: self.classes[w].bases)
        # each module-level name's ends, by where it is defined (`ended_globally`)
        self._global_effects: dict[Where, list[tuple[str, Effect]]] | None = None
        self._helpers_ended_globally()
        self._promises_through_helpers()

    def _add(self, path: str, module: ModuleFacts) -> None:
        ex = module.exports
        for effect in ex.effects:
            self.effects[effect.attribute].append((path, effect))
        for cls in ex.classes:
            self.classes[(path, cls.qualname)] = cls
            self.top_names[path].add(cls.qualname.partition(".")[0])
            # (and what its constructor keeps: a dataclass's fields, stored by no method)
            for attr in dict.fromkeys((*cls.attrs, *(h[0] for h in cls.holds))):
                self.stored_by[attr].append((path, cls.qualname))
        for fn in ex.functions:
            self.functions[(path, fn.qualname)] = fn
            self.top_names[path].add(fn.qualname.partition(".")[0])
        for arg in ex.call_args:
            self.call_args[arg.callee.rsplit(".", 1)[-1]].append((path, arg))
        for call in ex.dropped_calls:
            self.dropped[call.callee.rsplit(".", 1)[-1]].append((path, call))
        for again in ex.repeated_calls:
            self.repeated[again.callee.rsplit(".", 1)[-1]].append((path, again))
        for name, weak in ex.weak_globals:
            self.weak_globals[(path, name)] = weak
        for run in ex.runner_calls:
            self.run_by[run.callee.rsplit(".", 1)[-1]].append((path, run))
        for owned in ex.owned_fields:
            if owned.made:
                self.owned[owned.made.rsplit(".", 1)[-1]].append((path, owned))
            else:
                self.used_fields[(path, owned.owner)].append(owned)
        for name in self.top_names[path]:
            self.top_by_name[name].append(path)
        self.imports[path] = {name: target for name, target in ex.imports if name != STAR}
        self.typed[path] = dict(ex.typed)
        self.instances[path] = dict(ex.instances)
        self.star_imports[path] = [target for name, target in ex.imports if name == STAR]
        self.self_passed += [(path, callee, k, cls) for callee, k, cls in ex.self_passed]
        for use in ex.param_uses:
            function = (path, use.function)
            if use.star:  # `*args`, or `**kwargs` (at -1)
                self.rest_params[(function, "**" if use.index < 0 else "*")] = use
            else:
                self.param_uses[(function, use.index)] = use
                self.param_names[(function, use.name)] = use
        parts = path.split("/")
        for i in range(len(parts)):
            self._by_suffix["/".join(parts[i:])].append(path)

    def _promises_through_helpers(self) -> None:
        """A function that returns what another module's helper gives (`return util.spawn(coro)`)
        promises what that helper promises: its module was analysed with the helper named
        before its promise was known (run/helper_forecast.py), so it exported "returns the
        task", and a caller that drops the result would be told it loses a task the inner
        helper keeps and ends. So does one that drops what the helper gives (`util.spawn(
        self._tasks, callback(event))` as a statement, exported "drops it"). Through chains of
        helpers, a few links deep."""
        for _ in range(_HELPER_LINKS):
            changed = False
            for path, module in self.modules.items():
                for sf in module.spawns:
                    # another module's helper, or one of its own module (`return
                    # deserialize_output_value(...)`, itself returning another module's)
                    called = sf.helper or (sf.spawner if sf.project_helper else "")
                    fn = self.functions.get((path, sf.context)) if called and sf.fates \
                        else None
                    # it returns what the helper gives, or drops it where the helper keeps it
                    if fn is None or not (
                            (fn.promise is Promise.RETURNS and _returned(sf.fates[0]))
                            or (fn.promise is Promise.DROPS and sf.fates[0].kind
                                is FateKind.DISCARDED)):
                        continue
                    inner = self._helper_called(path, called, sf.context)
                    if inner is None or inner.promise not in _KEPT_BY_THE_HELPER:
                        continue
                    # what it returns is what the helper's call gives: no task when the
                    # helper returns another value (`Output._from_data` gives the Output)
                    self.functions[(path, sf.context)] = replace(
                        fn, promise=inner.promise, cleanup=inner.cleanup, ends=inner.ends,
                        returns_task=fn.returns_task and inner.returns_task)
                    self.promised_since.add((path, sf.context))
                    changed = True
            if not changed:
                return

    def ended_globally(self, path: str, name: str) -> list[tuple[str, Effect]]:
        """The other modules' ends of the tasks in the module-level name `name`, as `path`
        binds it (a global of its own, or one it imports from another module)."""
        if self._global_effects is None:
            self._global_effects = defaultdict(list)
            for other, module in self.modules.items():
                for effect in module.exports.global_effects:
                    defined = self.resolve_name(other, effect.key)
                    if defined is not None:
                        self._global_effects[defined].append((other, effect))
        defined = self.resolve_name(path, name)
        return [(other, effect) for other, effect in self._global_effects.get(defined, [])
                if other != path] if defined is not None else []

    def _helpers_ended_globally(self) -> None:
        """A helper that keeps its task in a module-level name ends it as every module that
        ends that name's tasks does (`from pkg.main import _tracked`, cancelled in another
        module's `shutdown()`): its module exported the ends it saw alone."""
        for path, module in self.modules.items():
            for sf in module.spawns:
                fn = self.functions.get((path, sf.context)) if sf.fates else None
                if fn is None or fn.promise not in _KEPT_BY_THE_HELPER:
                    continue
                for q in sf.questions:
                    if q.kind is not QuestionKind.GLOBAL_CLEANUP \
                            or q.name != sf.fates[0].attribute:
                        continue
                    found = [(p, e) for p, e in self.ended_globally(path, q.name)
                             if e.kind is not EffectKind.OUTCOME]
                    ends = fn.ends | {ENDS[e.kind] for _, e in found}
                    if ends != fn.ends:
                        self.functions[(path, sf.context)] = fn = replace(
                            fn, promise=Promise.KEEPS_AND_CLEANS, ends=ends,
                            cleanup=", ".join(filter(None, (fn.cleanup, cleanup_text(found)))))
                        self.promised_since.add((path, sf.context))

    def _helper_called(self, path: str, name: str, caller: str) -> FunctionFacts | None:
        """The project's helper a spawn of `path` names (qualified, as the forecast named it,
        or as the call is written), else the one function of the project that name fits."""
        for where in (self.qualified(path, name), self.resolve_callee(path, name, caller)):
            found = self.functions.get(where) if where is not None else None
            if found is not None:
                return found
        return self.helper(name)

    def passing_on(self, path: str, function: str) -> list[str]:
        """The functions of the module at `path` that return what `function` returns."""
        return [fn.qualname for (where, _), fn in self.functions.items()
                if where == path and fn.via == function]

    def helper(self, name: str) -> FunctionFacts | None:
        """The project's spawn helper a configured spawner names (`create_catching_task`,
        `pkg.util.Mixin.create_catching_task`): the one function of that name, narrowed by
        the names before it (its class or module) when there are several."""
        parts = name.split(".")
        found = [(path, fn) for (path, qualname), fn in self.functions.items()
                 if qualname.rsplit(".", 1)[-1] == parts[-1]]
        if len(found) > 1 and len(parts) > 1:
            found = [(path, fn) for path, fn in found
                     if fn.qualname.endswith(".".join(parts[-2:]))
                     or posixpath.splitext(posixpath.basename(path))[0] == parts[-2]]
        return found[0][1] if len(found) == 1 else None

    # -- calls ---------------------------------------------------------------------------------
    def resolve_callee(self, path: str, callee: str, caller: str, receiver: str = ""
                       ) -> Where | None:
        """The function a call in `path`, made from function `caller` (qualified name), runs;
        `receiver`: the declared type of the local or parameter it is called through
        (`DroppedCall.receiver`)."""
        key = (path, callee, caller, receiver)
        if key not in self._callees:
            self._callees[key] = self._callee(path, callee, caller, receiver)
        return self._callees[key]

    def _callee(self, path: str, callee: str, caller: str, receiver: str) -> Where | None:
        head, _, tail = callee.partition(".")
        if head in ("self", "cls") and tail and "." not in tail:
            cls = self.enclosing_class(path, caller)
            if cls is None:
                return None
            return self.method_of(path, cls, tail) or self.through_subclasses(path, cls, tail)
        if head == "self" and 1 <= tail.count(".") <= _MAX_CHAIN:
            cls = self.enclosing_class(path, caller)
            return self._through((path, cls) if cls is not None else None, tail)
        if receiver.endswith(ELEMENT) and tail and tail.count(".") <= _MAX_CHAIN:
            cls = self.enclosing_class(path, caller)  # `for conn in self.connections:`
            attr = receiver.removeprefix("self.").removesuffix(ELEMENT)
            return self._through(self.element_class(path, cls or "", attr), tail)
        if receiver and tail and tail.count(".") <= _MAX_CHAIN:  # `pool.release()`, `pool: Pool`
            typed = self.resolve_name(path, receiver)
            return self._through(typed if typed in self.classes else None, tail)
        found = self.resolve_name(path, callee)
        # `objects.cmdmgr.run_task`, `cmdmgr` imported: the global's class in its module (one of
        # this module is the call's `receiver`, so a local of the same name is never taken for it)
        held = self.held_instance(found) if found is not None and found[0] != path \
            and found not in self.functions else None
        return self._through(*held) if held is not None else found

    def _through(self, typed: Where | None, tail: str) -> Where | None:
        """The method `tail` names on an instance of class `typed`: `client.dispatch`,
        `_device.gateway.async_create_task`, each attribute typed in the class the one before
        it holds."""
        *attrs, method = tail.split(".")
        for attr in attrs:
            typed = self.attribute_class(*typed, attr) if typed is not None else None
        found = self.method_of(typed[0], typed[1], method) if typed is not None else None
        return self.implementation(found, method) if found is not None else None

    def attribute_class(self, path: str, cls: str, attr: str, depth: int = 0,
                        origin: Where | None = None) -> Where | None:
        """The project class that attribute `attr` of `cls` (in `path`) is declared to hold,
        by its own annotation or a base class's (or the one name every binding of it calls:
        kept only when it names a class, not a factory function), or, for what `__init__`
        stores from a parameter with no annotation, the one class whose methods construct `cls`
        (or a subclass of it) giving their `self` there (`AsyncSocket(self, sid)` in
        `AsyncServer`). Declared by none of them: the one class the project's subclasses all
        give it (a base's method using what each subclass's `__init__` stores)."""
        facts = self.classes.get((path, cls))
        if facts is None or depth > 8:
            return None
        origin = origin or (path, cls)
        declared = dict(facts.attr_types).get(attr)
        if declared is not None:
            where = self.resolve_name(path, declared)
            return where if where in self.classes else None
        position = dict(facts.init_params).get(attr)
        if position is not None:
            return self._constructed_by(origin, position - 1)  # the call passes no `self`
        for base in facts.bases:
            found = self.resolve_name(path, base)
            if found is not None and found in self.classes:
                typed = self.attribute_class(found[0], found[1], attr, depth + 1, origin)
                if typed is not None:
                    return typed
        if depth == 0:  # a base's method reading what only its subclasses store: theirs, if one
            held = {self.attribute_class(sub[0], sub[1], attr, 1)
                    for sub in self.tree.subclasses((path, cls))}
            held.discard(None)
            return held.pop() if len(held) == 1 else None
        return None

    def _constructed_by(self, made: Where, position: int) -> Where | None:
        """The one class whose methods construct `made` (or a subclass) with their `self` at
        argument `position`; None when none does, or several (no guess)."""
        key = (made, position)
        if key not in self._constructors:
            self._constructors[key] = self._constructor(made, position)
        return self._constructors[key]

    def _constructor(self, made: Where, position: int) -> Where | None:
        if self._passers is None:  # each call giving its `self`: the class it makes, and who
            self._passers = defaultdict(list)
            for path, callee, k, owner in self.self_passed:
                where = self.resolve_name(path, callee)
                if where is not None and where in self.classes:
                    self._passers[k].append((where, (path, owner)))
        found = {owner for where, owner in self._passers.get(position, ())
                 if self.is_subclass(where, made)}
        return found.pop() if len(found) == 1 and next(iter(found)) in self.classes else None

    def through_subclasses(self, path: str, cls: str, name: str) -> Where | None:
        """A mixin's `self.name` that only the classes mixing it in bring (`class
        Bot(BotBase, Client)` runs `Client._schedule_event` for `BotBase`): the one method
        every project subclass resolves it to, when there is exactly one."""
        found = {self.method_of(where[0], where[1], name)
                 for where in self.tree.subclasses((path, cls))}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def implementation(self, found: Where, name: str) -> Where:
        """`found`, the method `name` of a class, or, when it only declares an interface (a
        Protocol's stub, an abstract method: `ClassFacts.stubs`), the one method of the
        project's subclasses that overrides it, when there is exactly one: what an object
        typed with that class runs (`self._scheduler: SchedulerProtocol`, and only `Looper`
        implements it)."""
        path, qualname = found
        cls = qualname.rpartition(".")[0]
        facts = self.classes.get((path, cls))
        if facts is None or name not in facts.stubs:
            return found
        concrete = {m for where in self.tree.subclasses((path, cls))
                    if (m := self.method_of(where[0], where[1], name)) is not None
                    and name not in self.classes[(m[0], m[1].rpartition(".")[0])].stubs}
        return concrete.pop() if len(concrete) == 1 else found

    def enclosing_class(self, path: str, caller: str) -> str | None:
        parts = caller.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            if (path, ".".join(parts[:cut])) in self.classes:
                return ".".join(parts[:cut])
        return None

    def method_of(self, path: str, cls: str, name: str) -> Where | None:
        """`cls.name` in `path`, else inherited from a base class of the project, looked up in
        Python's method resolution order (`ClassTree.mro`)."""
        if (path, cls) not in self.classes:
            return None
        for where in self.tree.mro((path, cls)):
            facts = self.classes.get(where)
            if facts is not None and name in facts.methods:
                return (where[0], f"{where[1]}.{name}")
        return None

    def is_subclass(self, where: Where, of: Where) -> bool:
        return self.tree.is_subclass(where, of)
