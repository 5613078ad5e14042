"""What keeps Tasks: a local, an attribute of a class, a module global or a dotted name
(`Holder`), and the words messages use for places."""

from __future__ import annotations

from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.nodes import defaulted_entry, dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind
from taskleak.records import record


@record(frozen=True)
class Holder:
    """Something that keeps Tasks: a local, an attribute, a global or a dotted name."""

    kind: Keeper  # LOCAL (scope: the function), ATTRIBUTE (the class), GLOBAL or DOTTED
    # (`obj.attr` of another object; the module); never PARAMETER (see `keys.keeper_of`)
    key: str  # the name as written in the spawn's scope: "task", "self._task", "TASKS"
    name: str  # the attribute or variable name: "task", "_task"
    scope: Scope
    comprehension: int = 0  # LOCAL: the comprehension whose own variable it is (0: none)
    # DOTTED: the local the key was written through, when the class reaches its object by
    # another chain (`source.writer`, kept as `self._source.writer`: `stored_as`)
    written_on: str = ""
    # ATTRIBUTE: stored by the constructor of the object it is an attribute of (`__init__`, a
    # dataclass's field), the object made by the call the task is handed to: a new object each
    # time, so the store replaces no task (`handoffs.receiving_parameter`, `received_field`)
    made: bool = False

    @property
    def label(self) -> str:
        """How the report shows it: "self._task", "global TASKS"."""
        if self.kind is Keeper.GLOBAL:
            return f"global {self.key}"
        return self.key

    def label_from(self, scope: Scope) -> str:
        """`label`, as code in `scope` sees it: an attribute of another class's object (a task
        handed to its constructor) as "Handle.task"."""
        if self.kind is Keeper.ATTRIBUTE and self.scope is not scope.enclosing_class():
            return f"{self.scope.name}.{self.name}"
        return self.label


def where(scope: Scope) -> str:
    """The function a place belongs to, as messages show it: "close()", "module scope"."""
    method = scope.method() or scope
    if method.kind is ScopeKind.MODULE:
        return "module scope"
    return f"{method.name}()"


def where_held(keeper: Holder | None, scope: Scope) -> str:
    """Where the spawn's function returns, as messages say it: for a local, the function it
    belongs to (`schedule()` nested in a method, not the method); else `where(scope)`."""
    if keeper is not None and keeper.kind is Keeper.LOCAL \
            and isinstance(keeper.scope.node, cst.FunctionDef):
        return f"{keeper.scope.name}()"
    return where(scope)


def into_collection(d: Dest) -> bool:
    """`x.add(task)` / `self._m[k].append(task)` / `self._m.setdefault(k, []).append(task)`:
    the task went into a collection we can name (a subscripted receiver, or the entry
    `setdefault` gives, is an inner collection of `self._m`, held by it)."""
    return d.kind is Flow.COLLECTION and d.receiver is not None and (
        d.collection is not None or isinstance(d.receiver, cst.Subscript)
        or defaulted_entry(d.receiver) is not None)


# builtin collections whose subclasses keep what their own adds hold (`class TaskSet(set)`)
_COLLECTION_BASES = frozenset({"set", "list", "collections.deque"})


def into_itself(d: Dest, scope: Scope, resolver: Resolver) -> bool:
    """`super().add(task)` in a method of a subclass of a builtin collection (`class
    TaskSet(set)`): the object itself keeps the task, as `self._tasks.add(task)` keeps it in
    an attribute. A base that is not such a collection (a project class, `WeakSet`) is no
    such keep."""
    if d.kind is not Flow.COLLECTION or not isinstance(d.receiver, cst.Call) \
            or not isinstance(d.receiver.func, cst.Name) or d.receiver.func.value != "super" \
            or d.receiver.args:
        return False
    cls = scope.enclosing_class()
    if cls is None or not isinstance(cls.node, cst.ClassDef):
        return False
    for base in cls.node.bases:
        name = dotted(base.value)
        if name is None or base.keyword is not None:
            continue
        sym = resolver.resolve(cst.Name(name.partition(".")[0]), cls)
        full = name if sym.kind is SymKind.UNKNOWN else \
            (sym.name + name[len(name.partition(".")[0]):] if sym.kind is SymKind.QUALIFIED
             else "")
        if full in _COLLECTION_BASES:
            return True
    return False


def on_itself(target: cst.BaseExpression, holder: Holder) -> bool:
    """`t._ref = t` (`target` an attribute of the local `holder` holds, or an item of one):
    the task is stored on itself, a cycle that keeps nothing alive. (A name is no attribute:
    a dataclass field named as the local, `task` of `Handle(task=task)`, keeps it.)"""
    if not isinstance(target, (cst.Attribute, cst.Subscript)):
        return False
    while isinstance(target, (cst.Attribute, cst.Subscript)):
        target = target.value
    return holder.kind is Keeper.LOCAL and isinstance(target, cst.Name) \
        and target.value == holder.key


def stored_as(name: str, scope: Scope, method: Scope | None) -> str:
    """`self._request` when the local `name` is bound once in `scope`, a method, which stores
    it once in an attribute of `self` (`request = ASGIRequest(...)`; `self._request =
    request`): what it holds is held there too, and the class reaches it by that chain. ""
    otherwise (bound twice, stored twice, or not a method's local). Near miss: a local stored
    in another object's attribute (`conn.request = request`) keeps the local's own name."""
    if method is None or scope is not method or not method.self_name:
        return ""
    bindings = scope.bindings.get(name, [])
    if len(bindings) != 1 or bindings[0].kind is not BindingKind.ASSIGN:
        return ""
    stores = [t for o in scope.occurrences if o.key == name and o.dest.kind is Flow.BOUND
              for t in o.dest.targets]
    if len(stores) != 1 or not isinstance(stores[0], cst.Attribute):
        return ""
    chain = dotted(stores[0])
    return chain if chain is not None and chain.count(".") == 1 \
        and chain.split(".", 1)[0] == method.self_name else ""


def respawned_after(occ: Occurrence) -> bool:
    """The function that reads `occ` spawns a new task into the same name after it
    (`_set_fast_polling()`: `self._task.cancel(); self._task = loop.create_task(...)`).
    The function whose body reads it, not the one around it: a cancel in a nested callback
    (an unsubscribe defined before the spawn) runs later, it ends the task it finds."""
    for scope in occ.scope.walk():
        for call in scope.calls:
            if call.seq > occ.seq and call.dest.kind is Flow.BOUND and any(
                    dotted(t) == occ.key for t in call.dest.targets):
                return True
    return False


def made_by_its_constructor(holder: Holder | None, scope: Scope) -> Holder | None:
    """`holder`, marked `made` when it is an attribute stored by the constructor of its object
    (`scope`: the class's `__init__`, or its body for a dataclass's field)."""
    if holder is None or holder.kind is not Keeper.ATTRIBUTE or not (
            scope.kind is ScopeKind.CLASS or (scope.name == "__init__"
                                              and scope.parent is holder.scope)):
        return holder
    return replace(holder, made=True)
