"""Whether a receiver chain another module asked about (`analysis/names/chains.py`) is an event
loop, read from the typed names of the module it starts in (`analysis/names/typed_names.py`).

"pkg.core.loop" is a loop when `pkg/core.py` holds one in its global `loop`;
"pkg.core.current.get().loop" when `current` is a `ContextVar` of a class whose `loop` is one;
"pkg.core.Context().loop" when the class `Context` of `pkg/core.py` holds one in `loop`. A
name the module imports from another module of the project is followed there, and so is an
instance of a class it imports (`current: ContextVar[State]`, `State` defined elsewhere).
Anything else is not known to be a loop, and the call is no spawn: nothing is guessed.
"Base().loop", a class of the asking module that never sets `loop`: what its project
subclasses all hold there. The same for tornado's IOLoop (`kind` "ioloop", a receiver
question's `name`: `coroutine_callbacks.py`).
"""

from __future__ import annotations

from taskleak.analysis.facts.interface import EXTERNAL, ClassFacts
from taskleak.analysis.facts.module import UNTYPED
from taskleak.project.index import ProjectIndex

_LOOP = "loop"
_MAX_DEPTH = 4


def is_loop(index: ProjectIndex, importer: str, chain: str, depth: int = 0,
            kind: str = "") -> bool:
    """`chain`, as written in the module `importer`, holds an event loop (`kind` "") or what
    `kind` names ("ioloop")."""
    if depth > _MAX_DEPTH:
        return False
    wanted = kind or _LOOP
    head = chain.partition(".")[0].removesuffix("()")
    if (importer, head) in index.classes:  # "Base().loop": a class of the asking module
        return _held(index, importer, chain.split("."), depth, wanted) == wanted
    for file, rest in index.module_file(importer, chain):
        if rest and _held(index, file, rest.split("."), depth, wanted) == wanted:
            return True
    return False


def _by_subclasses(index: ProjectIndex, file: str, cls: str, attr: str) -> str:
    """What the project's subclasses of `cls` (of module `file`) that type `attr` hold there,
    when they all hold the same ("" when none does or they differ): a base class's method
    reads what each subclass stores. Stored by none of them nor by `cls`: UNTYPED."""
    subclasses = index.tree.subclasses((file, cls))
    held = {index.typed.get(path, {}).get(f"{sub}.{attr}", "") for path, sub in subclasses}
    held.discard("")
    if not held and not any(_declared(index.classes[where], attr)
                            for where in (*subclasses, (file, cls)) if where in index.classes):
        return UNTYPED
    return held.pop() if len(held) == 1 else ""


def _declared(facts: ClassFacts, attr: str) -> bool:
    """The class stores `attr` on `self`, declares its type, or defines it (a method, a
    property)."""
    return attr in facts.attrs or attr in facts.methods \
        or any(name == attr for name, _ in facts.attr_types)


def _held(index: ProjectIndex, file: str, tokens: list[str], depth: int, wanted: str) -> str:
    """What the path `tokens` in module `file` holds: "loop", "ioloop", "obj:C", "var:...",
    or "" (`wanted`: the kind asked, for a name imported from another module)."""
    typed = index.typed.get(file, {})
    head, steps = tokens[0], tokens[1:]
    name = head.removesuffix("()")
    imported = index.imports.get(file, {}).get(name)
    if imported is not None:  # `from .context import Context`, re-exported here
        rest = ".".join([head.replace(name, imported, 1), *steps])
        return wanted if is_loop(index, file, rest, depth + 1, wanted) else ""
    if head.endswith("()"):  # what a function returns, or an instance of a class
        held = typed.get(head) or (f"obj:{name}" if (file, name) in index.classes else "")
    elif steps and steps[0].endswith("()") and f"{head}.{steps[0]}" in typed:
        held, steps = typed[f"{head}.{steps[0]}"], steps[1:]  # `Scope.current()`
    else:
        held = typed.get(head, "")
    for i, step in enumerate(steps):
        if held.startswith(EXTERNAL):  # an instance of a class another module defines
            chain = ".".join([f"{held.removeprefix(EXTERNAL)}()", *steps[i:]])
            return wanted if is_loop(index, file, chain, depth + 1, wanted) else ""
        if held.startswith("var:") and step == "get()":
            held = held.removeprefix("var:")
        elif held.startswith("obj:") and not step.endswith("()"):
            cls = held.removeprefix("obj:")
            held = typed.get(f"{cls}.{step}", "") or _by_subclasses(index, file, cls, step)
        elif held == UNTYPED and not step.endswith("()"):
            continue  # what is read off a value nothing types is typed by nothing
        else:
            return ""
    return "" if held.startswith(EXTERNAL) else held
