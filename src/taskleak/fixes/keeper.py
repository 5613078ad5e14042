"""Keep-helpers: a tracked set wherever a spawn can be, and a project's own helper.

Where no statement can go (a lambda's body, a comprehension, a conditional expression, `:=`,
the header of an `if`/`while`/`with`, a default argument, an argument of another call, a class
body), the spawn is wrapped in a small function added once per module, after the module's set:
it adds the task to the set with a discard callback and returns it, so the expression keeps its
value (and its type: the helper is generic over the task type).

    loop.call_soon(lambda: asyncio.create_task(work()))
->
    loop.call_soon(lambda: _keep_task(asyncio.create_task(work())))

    _TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


    def _keep_task(task: _TaskT) -> _TaskT:
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)
        return task

A helper taskleak added before is reused. When the project has its own helper that keeps a task
until it is done and returns it (`keep-helper = "pkg.tasks.keep"` in `[tool.taskleak]`), every
tracked-set fix calls it instead (`keep(asyncio.create_task(work()))`) and no set is generated;
a helper that spawns a coroutine and keeps its task (`spawn-helper = "pkg.tasks.spawn"`)
replaces a spawn of one coroutine alone (`spawn(work())`). The helper is imported once (`from
pkg.tasks import keep`, or relatively, `from ..tasks import keep`, the package's helper in a
module that imports its own package so), used as the module imports it, or by name in its own
module.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import BindingKind
from taskleak.fixes.annotations import annotation, runtime_type
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits
from taskleak.fixes.import_sections import (
    imports_relatively,
    relative_module,
    relative_reach,
)
from taskleak.fixes.imports import MODULE_STATEMENTS, add_module_statement, module_ref, name_ref
from taskleak.fixes.naming import candidates, fresh_name
from taskleak.fixes.plan import Offer
from taskleak.fixes.sets import Group, SetSpec, group_of, module_set, set_element
from taskleak.model import FixKind
from taskleak.records import record

# spawners whose spawn of one coroutine a project's spawn helper can replace
SPAWN_HELPER_FOR = frozenset({"asyncio.create_task", "loop.create_task", "asyncio.ensure_future",
                              "loop.ensure_future"})
HELPER_KEY = "keep-helper:"  # Edits.shared key prefix (and module-statement placeholder)
DOCSTRINGS = {
    "task": "Keep the task until it is done: the event loop holds only a weak reference.",
    "future": "Keep the future until it is done; log its error.",
}


@record(frozen=True)
class HelperSpec:
    name: str
    typevar: str  # "" for a helper that already exists
    typevar_ref: str  # how the module calls typing.TypeVar
    fallback_bound: str  # the bound when the set's element type is unknown (a reused set)
    set_key: str
    logging_ref: str = ""  # how the module calls `logging` (the futures' helper logs errors)


def _base(group: Group) -> str:
    return "_keep_future" if group is Group.FUTURES else "_keep_task"


def _existing(ctx: FixContext, group: Group) -> str | None:
    """A keep-helper taskleak added before (`_keep_task`, `_keep_task_2` ...), or, for tasks,
    one the module already defines for the same job (see `_keeps_its_argument`)."""
    functions = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.FunctionDef)}
    for name in list(candidates(_base(group)))[:5]:
        fn = functions.get(name)
        if fn is not None:
            code = ctx.module.code_for_node(fn)
            if ".add_done_callback(" in code and ".discard" in code and "return " in code:
                return name
    if group is Group.TASKS:
        for name, fn in functions.items():
            if _keeps_its_argument(ctx, fn):
                return name
    return None


def _keeps_its_argument(ctx: FixContext, fn: cst.FunctionDef) -> bool:
    """`def keep(task): tasks.add(task); task.add_done_callback(tasks.discard); return task`:
    a plain function of one parameter that adds it to a set pruned by a done-callback and
    returns it, so a call keeps the expression's value."""
    params = fn.params
    if fn.asynchronous is not None or fn.decorators or len(params.params) != 1 \
            or params.posonly_params or params.kwonly_params \
            or isinstance(params.star_arg, (cst.Param, cst.ParamStar)) \
            or params.star_kwarg is not None:
        return False
    arg = params.params[0].name.value
    code = "".join(ctx.module.code_for_node(fn.body).split())
    return (f".add({arg})" in code and f"{arg}.add_done_callback(" in code
            and ".discard)" in code and f"return{arg}" in code)


def _annotated_element(ctx: FixContext, name: str) -> str | None:
    """`X` of an existing `name: set[X] = set()` at module level."""
    for stmt in ctx.module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) \
                        and small.target.value == name:
                    return _element_of(small.annotation.annotation)
    return None


def _element_of(ann: cst.BaseExpression) -> str | None:
    """`X` of `set[X]`, or of `"set[X]"` (a set annotated for Python below 3.9)."""
    if isinstance(ann, cst.SimpleString) and ann.prefix == "":
        text = ann.evaluated_value
        try:
            ann = cst.parse_expression(text if isinstance(text, str) else "")
        except (cst.ParserSyntaxError, ValueError):
            return None
    if isinstance(ann, cst.Subscript) and len(ann.slice) == 1:
        return cst.Module([]).code_for_node(ann.slice[0].slice).strip()
    return None


def helper_name(ctx: FixContext, group: Group) -> str:
    """The name the module's keep-helper has or will have."""
    existing = _existing(ctx, group)
    if existing is not None:
        return existing
    return fresh_name(ctx.module_names(), _base(group))


def module_helper(edits: Edits, ctx: FixContext, spawner: str) -> str:
    """The module keep-helper's name for this spawner's tasks, adding it (once) when needed."""
    group = group_of(spawner)
    key = HELPER_KEY + group.value
    set_module = module_set(edits, ctx, spawner)  # the set goes before the helper
    spec: HelperSpec | None = edits.shared.get(key)
    if spec is not None:
        return spec.name
    name = helper_name(ctx, group)
    if name == _existing(ctx, group):
        spec = HelperSpec(name, "", "", "", "")
    else:
        base = "_FutureT" if group is Group.FUTURES else "_TaskT"
        typevar = fresh_name(ctx.module_names(), base)  # no copy of the module's names ...
        if typevar in (name, set_module):  # ... unless the new names are in the way
            typevar = fresh_name(ctx.module_names() | {name, set_module}, base)
        bound = _annotated_element(ctx, set_module) or set_element(edits, ctx, group)
        logging_ref = module_ref(edits, ctx, "logging") if group is Group.FUTURES else ""
        spec = HelperSpec(name, typevar, name_ref(edits, ctx, "typing", "TypeVar"), bound,
                          f"module-set:{group.value}", logging_ref)
        add_module_statement(edits, key)  # placeholder, rendered by render_helper()
    edits.shared[key] = spec
    return spec.name


def render_helpers(edits: Edits, ctx: FixContext) -> None:
    """Write the keep-helpers' code now that every fix chose its set's element type (after
    `sets.render_sets`)."""
    pending: list[str] = edits.shared.get(MODULE_STATEMENTS, [])
    helpers = [item for item in pending if item.startswith(HELPER_KEY)]
    if helpers:  # the sets first, then the helpers
        edits.shared[MODULE_STATEMENTS] = [
            *(item for item in pending if item not in helpers),
            *(_helper_code(edits, ctx, item) for item in helpers)]


def _helper_code(edits: Edits, ctx: FixContext, placeholder: str) -> str:
    spec: HelperSpec = edits.shared[placeholder]
    set_spec: SetSpec = edits.shared[spec.set_key]
    bound = set_spec.element or spec.fallback_bound  # a reused set: its own annotation
    head = (f'{spec.typevar} = {spec.typevar_ref}("{spec.typevar}", '
            f"bound={runtime_type(ctx, bound)})\n")
    if placeholder.endswith(Group.FUTURES.value):
        # nobody reads a concurrent future's exception and, unlike a Task, it never logs one:
        # the helper logs it (what the dropped future lost), and releases the future
        return (head +
                f"def {spec.name}(future: {spec.typevar}) -> {spec.typevar}:\n"
                f'    """{DOCSTRINGS["future"]}"""\n'
                f"    {set_spec.name}.add(future)\n"
                f"    future.add_done_callback({spec.name}_done)\n"
                f"    return future\n"
                f"def {spec.name}_done(future: {annotation(ctx, bound)}) -> None:\n"
                f"    {set_spec.name}.discard(future)\n"
                f"    if future.cancelled():\n"
                f"        return\n"
                f"    error = future.exception()\n"
                f"    if error is not None:\n"
                f"        {spec.logging_ref}.getLogger(__name__).error("
                f'"background future failed", exc_info=error)')
    return (head +
            f"def {spec.name}(task: {spec.typevar}) -> {spec.typevar}:\n"
            f'    """{DOCSTRINGS["task"]}"""\n'
            f"    {set_spec.name}.add(task)\n"
            f"    task.add_done_callback({set_spec.name}.discard)\n"
            f"    return task")


# -- a project's own helper --------------------------------------------------------------------
def project_helper(edits: Edits, ctx: FixContext, dotted_name: str) -> str:
    """How this module calls the configured helper `pkg.mod.keep` (importing it once)."""
    modname, _, name = dotted_name.rpartition(".")
    if not modname or not all(part.isidentifier() for part in dotted_name.split(".")):
        raise Conflict(f"keep-helper {dotted_name!r} is not a dotted name (pkg.module.function)")
    bindings = ctx.root.bindings.get(name, [])
    if any(isinstance(s, cst.FunctionDef) and s.name.value == name for s in ctx.module.body):
        return name  # the helper's own module
    imported = all(b.kind is BindingKind.IMPORT and b.qualified == dotted_name
                   for b in bindings)
    if bindings and not imported:
        return f"{module_ref(edits, ctx, modname)}.{name}"  # `keep` is something else here
    if bindings:
        return name  # imported already (a relative import too)
    package = ctx.style.package
    if ctx.style.package_helper and package \
            and imports_relatively(ctx.module, package.split(".")[0]):
        relative = relative_module(package, modname)  # as the module imports its package
        dots = len(relative) - len(relative.lstrip("."))
        if not ctx.style.namespace or relative_reach(ctx.module) >= dots:
            modname = relative
    return name_ref(edits, ctx, modname, name)


def project_offer(ctx: FixContext, sp: Spawn, kind: FixKind, noun: str) -> Offer | None:
    """The tracked-set fix through the project's own helper, when one is configured: its
    spawn helper for a spawn of one coroutine alone, else its keep-helper around the spawn."""
    call = sp.site.node
    spawner = ctx.style.spawn_helper
    if spawner and sp.spawner in SPAWN_HELPER_FOR and len(call.args) == 1 \
            and call.args[0].keyword is None and not call.args[0].star \
            and isinstance(call.args[0].value, cst.Call):
        try:
            ref = project_helper(ctx.new_edits(), ctx, spawner)  # the name, before building
        except Conflict:
            ref = ""
        if ref:
            new = call.with_changes(func=cst.parse_expression(ref))

            def build_spawn(edits: Edits) -> None:
                project_helper(edits, ctx, spawner)  # imports it
                edits.rewrite_call(call, lambda updated: updated.with_changes(func=new.func))

            return Offer(kind, True, f"spawn it with the project's {spawner}()", build_spawn,
                         removes_spawn=True, new_call=ctx.module.code_for_node(new))
    keeper = ctx.style.keep_helper
    if not keeper:
        return None
    package = ctx.style.package_helper
    if package and (group_of(sp.spawner) is Group.FUTURES
                    or _existing(ctx, Group.TASKS) is not None):
        return None  # a thread's future, or a module with its own helper: the module's helper

    def build_keep(edits: Edits) -> None:
        edits.wrap_call(call, project_helper(edits, ctx, keeper))

    if package:
        module, _, function = keeper.rpartition(".")
        return Offer(kind, True, f"keep the {noun} with {function}() of {module}, which holds "
                     "it until it is done", build_keep, package_helper=True)
    return Offer(kind, True, f"keep the {noun} with the project's {keeper}()", build_keep)
