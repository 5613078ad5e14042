"""Whether a call another module defines gives a coroutine: `ensure_future(x())` and its kind
make a task only of a coroutine (`analysis/obligations/creation.py`). A spawn whose argument is
a call of a function of another module asks (`QuestionKind.CALL_MAKES`, the callee's chain as
written: "pkg.locks.later", "pkg.locks.Condition().wait"); the module that defines the function
says whether its call gives none (`Exports.no_coroutine`), through re-exports and the class's
bases. A callee the project does not define, or does not type, keeps the spawn: nothing is
guessed away. The other way round for a `create_task` on a receiver nobody typed
(`QuestionKind.CALL_IS_COROUTINE`): a spawn only when the chain names an `async def` of the
project (`Exports.coroutines`)."""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.facts.interface import Exports
from taskleak.project.index import ProjectIndex

_MAX_DEPTH = 4
# which of a module's exported function names a question reads
Listed = Callable[[Exports], tuple[str, ...]]


def gives_no_coroutine(index: ProjectIndex, importer: str, chain: str) -> bool:
    """`chain`, read in the module `importer`, is a call of a function or method of the project
    whose call gives no coroutine."""
    return _names(index, importer, chain, _NO_COROUTINE, 0)


def is_coroutine(index: ProjectIndex, importer: str, chain: str) -> bool:
    """`chain`, read in the module `importer`, is a call of an `async def` of the project (a
    chain that starts at a class of `importer` itself, "Base().m", is looked up there, then in
    the project's subclasses of it: every one that defines `m` defines an `async def`)."""
    head = chain.partition(".")[0].removesuffix("()")
    if (importer, head) not in index.classes:
        return _names(index, importer, chain, _COROUTINES, 0)
    tokens = chain.split(".")
    if _in_module(index, importer, tokens, _COROUTINES, 0):
        return True
    if len(tokens) != 2 or tokens[1].endswith("()"):
        return False
    method = tokens[1]
    defining = [(path, sub) for path, sub in index.tree.subclasses((importer, head))
                if method in index.classes[(path, sub)].methods]
    return bool(defining) and all(
        f"{sub}.{method}" in index.modules[path].exports.coroutines for path, sub in defining)


def _no_coroutine(exports: Exports) -> tuple[str, ...]:
    return exports.no_coroutine


def _coroutines(exports: Exports) -> tuple[str, ...]:
    return exports.coroutines


_NO_COROUTINE: Listed = _no_coroutine
_COROUTINES: Listed = _coroutines


def _names(index: ProjectIndex, importer: str, chain: str, listed: Listed, depth: int) -> bool:
    """`chain`, read in `importer`, names a function `listed` names in its module."""
    if depth > _MAX_DEPTH:
        return False
    for file, rest in index.module_file(importer, chain):
        if rest and _in_module(index, file, rest.split("."), listed, depth):
            return True
    return False


def _in_module(index: ProjectIndex, file: str, tokens: list[str], listed: Listed,
               depth: int) -> bool:
    """`tokens` ("later", or "Condition()", "wait", or "Condition", "wait") named in module
    `file`, and listed there."""
    if depth > _MAX_DEPTH:
        return False
    head = tokens[0].removesuffix("()")
    imported = index.imports.get(file, {}).get(head)
    if imported is not None:  # re-exported here: followed to where it is defined
        rest = ".".join([tokens[0].replace(head, imported, 1), *tokens[1:]])
        return _names(index, file, rest, listed, depth + 1)
    exports = index.modules[file].exports
    if len(tokens) == 1 and not tokens[0].endswith("()"):
        return head in listed(exports)
    # "Condition().wait", or "Condition.wait" (a static or class method, or the function
    # called with its instance): the class's function either way
    if len(tokens) != 2 or tokens[1].endswith("()"):
        return False
    method = tokens[1]
    if f"{head}.{method}" in listed(exports):
        return True
    facts = next((c for c in exports.classes if c.qualname == head), None)
    if facts is None or method in facts.methods:
        return False  # defined there, and not listed (or not a class of the module)
    # inherited: asked of each base, as the class's module writes it
    return any(_in_module(index, file, f"{base}().{method}".split("."), listed, depth + 1)
               for base in facts.bases)
