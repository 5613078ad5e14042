"""Whether a call another module defines gives a coroutine: `ensure_future(x())` and its kind
make a task only of a coroutine (`analysis/obligations/creation.py`). A spawn whose argument is
a call of a function of another module asks (`QuestionKind.CALL_MAKES`, the callee's chain as
written: "pkg.locks.later", "pkg.locks.Condition().wait"); the module that defines the function
says whether its call gives none (`Exports.no_coroutine`), through re-exports and the class's
bases. A callee the project does not define, or does not type, keeps the spawn: nothing is
guessed away."""

from __future__ import annotations

from taskleak.project.index import ProjectIndex

_MAX_DEPTH = 4


def gives_no_coroutine(index: ProjectIndex, importer: str, chain: str, depth: int = 0) -> bool:
    """`chain`, read in the module `importer`, is a call of a function or method of the project
    whose call gives no coroutine."""
    if depth > _MAX_DEPTH:
        return False
    for file, rest in index.module_file(importer, chain):
        if rest and _in_module(index, file, rest.split("."), depth):
            return True
    return False


def _in_module(index: ProjectIndex, file: str, tokens: list[str], depth: int) -> bool:
    """`tokens` ("later", or "Condition()", "wait", or "Condition", "wait") named in module
    `file`."""
    if depth > _MAX_DEPTH:
        return False
    head = tokens[0].removesuffix("()")
    imported = index.imports.get(file, {}).get(head)
    if imported is not None:  # re-exported here: followed to where it is defined
        rest = ".".join([tokens[0].replace(head, imported, 1), *tokens[1:]])
        return gives_no_coroutine(index, file, rest, depth + 1)
    exports = index.modules[file].exports
    if len(tokens) == 1 and not tokens[0].endswith("()"):
        return head in exports.no_coroutine
    # "Condition().wait", or "Condition.wait" (a static or class method, or the function
    # called with its instance): the class's function either way
    if len(tokens) != 2 or tokens[1].endswith("()"):
        return False
    method = tokens[1]
    if f"{head}.{method}" in exports.no_coroutine:
        return True
    facts = next((c for c in exports.classes if c.qualname == head), None)
    if facts is None or method in facts.methods:
        return False  # defined there, and giving a coroutine (or not a class of the module)
    # inherited: asked of each base, as the class's module writes it
    return any(_in_module(index, file, f"{base}().{method}".split("."), depth + 1)
               for base in facts.bases)
