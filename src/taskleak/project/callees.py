"""The function of the project a call's chain names, and what its module says of it.

A spawn that cannot see a function its module imports asks about it by its chain as written
(`names/chains.py`: "pkg.locks.later", "pkg.locks.Condition().wait", "pkg.beats.heartbeat"):
the chain is followed through the imports, re-exports and the class's bases to the module that
defines the function (`function_at`), whose exports tell:
- whether its call gives no coroutine (`Exports.no_coroutine`): `ensure_future(x())` and its
  kind make a task only of a coroutine (`analysis/obligations/creation.py`), so such a call
  is no spawn (`QuestionKind.CALL_MAKES`);
- whether it is an `async def` (`Exports.coroutines`): a `create_task` on a receiver nobody
  typed is a spawn only of such a call (`QuestionKind.CALL_IS_COROUTINE`; a chain that starts
  at a class of the asking module, "Base().m", is answered by its project subclasses);
- whether it never ends by itself (`Exports.endless`): `project/coroutine_bodies.py`.
A call on an instance (`self._client._tasks.create(...)`, as written) is resolved as the join
resolves any call (`ProjectIndex.resolve_callee`): whether it runs a spawn helper method of
the project (`QuestionKind.HELPER_METHOD`, `analysis/obligations/helper_calls.py`).
A function the project does not define, or that the chain does not reach, tells nothing:
nothing is guessed.
"""

from __future__ import annotations

from taskleak.analysis.facts.interface import FunctionFacts
from taskleak.analysis.facts.module import Question, QuestionKind, SpawnFacts
from taskleak.analysis.obligations.spawners import is_helper
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.library_classes import library_helper

_MAX_DEPTH = 4


def function_at(index: ProjectIndex, importer: str, chain: str, depth: int = 0
                ) -> Where | None:
    """(file, qualified name) of the function or method `chain`, read in module `importer`,
    names; None when the project does not define it."""
    if depth > _MAX_DEPTH:
        return None
    tokens = chain.split(".")
    if (importer, tokens[0].removesuffix("()")) in index.classes:  # a class of its own
        return _in_module(index, importer, tokens, depth)
    for file, rest in index.module_file(importer, chain):
        found = _in_module(index, file, rest.split("."), depth) if rest else None
        if found is not None:
            return found
    return None


def _in_module(index: ProjectIndex, file: str, tokens: list[str], depth: int) -> Where | None:
    """`tokens` ("later"; "Condition()", "wait"; or "Condition", "wait") named in `file`."""
    if depth > _MAX_DEPTH:
        return None
    head = tokens[0].removesuffix("()")
    imported = index.imports.get(file, {}).get(head)
    if imported is not None:  # re-exported here: followed to where it is defined
        rest = ".".join([tokens[0].replace(head, imported, 1), *tokens[1:]])
        return function_at(index, file, rest, depth + 1)
    if len(tokens) == 1 and not tokens[0].endswith("()"):
        return (file, head)
    # "Condition().wait", or "Condition.wait" (a static or class method, or the function
    # called with its instance): the class's function either way
    if len(tokens) != 2 or tokens[1].endswith("()"):
        return None
    method = tokens[1]
    facts = index.classes.get((file, head))
    if facts is None:
        return None
    # its own or inherited, in Python's order (a stub: the one subclass's override), or brought
    # only by the classes that mix this one in (`self._poll()` of a sibling mixin)
    found = index.method_of(file, head, method)
    if found is not None:
        return index.implementation(found, method)
    for base in facts.bases:  # each base as the class's module writes it
        found = _in_module(index, file, f"{base}().{method}".split("."), depth + 1)
        if found is not None:
            return found
    return index.through_subclasses(file, head, method)


def gives_no_coroutine(index: ProjectIndex, importer: str, chain: str, depth: int = 0
                       ) -> bool:
    """`chain`, read in module `importer`, is a call of a function or method of the project
    whose call gives no coroutine: one its module says gives none, or one that returns the
    call of another chain that gives none (`Exports.no_coroutine_if`)."""
    found = function_at(index, importer, chain)
    if found is None or depth > _MAX_DEPTH:
        return False
    exports = index.modules[found[0]].exports
    if found[1] in exports.no_coroutine:
        return True
    returned = [c for name, c in exports.no_coroutine_if if name == found[1]]
    return bool(returned) and gives_no_coroutine(index, found[0], returned[0], depth + 1)


def is_coroutine(index: ProjectIndex, importer: str, chain: str) -> bool:
    """`chain`, read in module `importer`, is a call of an `async def` of the project (a chain
    that starts at a class of `importer` itself, "Base().m", is looked up there, then in the
    project's subclasses of it: every one that defines `m` defines an `async def`)."""
    head = chain.partition(".")[0].removesuffix("()")
    tokens = chain.split(".")
    local = (importer, head) in index.classes
    found = _in_module(index, importer, tokens, 0) if local else function_at(index, importer,
                                                                             chain)
    if found is not None and found[1] in index.modules[found[0]].exports.coroutines:
        return True
    if not local or len(tokens) != 2 or tokens[1].endswith("()"):
        return False
    method = tokens[1]
    defining = [(path, sub) for path, sub in index.tree.subclasses((importer, head))
                if method in index.classes[(path, sub)].methods]
    return bool(defining) and all(
        f"{sub}.{method}" in index.modules[path].exports.coroutines for path, sub in defining)


def helper_called(index: ProjectIndex, path: str, spawn: SpawnFacts) -> FunctionFacts | None:
    """The spawn helper of the project the spawn's call runs, when the call was made on an
    instance the module could not type (`QuestionKind.HELPER_METHOD`); None when it asked no
    such question or the call runs no helper."""
    asked = _method_question(spawn)
    return _helper_of(index, path, asked, spawn.context) if asked is not None else None


def runs_no_helper(index: ProjectIndex, path: str, spawn: SpawnFacts) -> bool:
    """The spawn's call, asked of the join (`QuestionKind.HELPER_METHOD`), runs no spawn helper
    of the project: it is no spawn."""
    asked = _method_question(spawn)
    return asked is not None and _helper_of(index, path, asked, spawn.context) is None


def _method_question(spawn: SpawnFacts) -> Question | None:
    """The spawn's `QuestionKind.HELPER_METHOD` question: a call on an instance (one at most)."""
    return next((q for q in spawn.questions if q.kind is QuestionKind.HELPER_METHOD), None)


def _helper_of(index: ProjectIndex, path: str, q: Question, caller: str
               ) -> FunctionFacts | None:
    runs = index.resolve_callee(path, q.owner, caller, q.name)
    if runs is None:  # a library's, behind a base of another module (`library_classes.py`)
        return library_helper(index, path, q.owner, caller)
    found = index.functions.get(runs)
    return found if found is not None and is_helper(found) else None


def helper_place(index: ProjectIndex, path: str, spawn: SpawnFacts) -> Where | None:
    """Where the project's spawn helper a call of it runs (`SpawnFacts.project_helper`): the
    method the join resolves a call on an instance to, a function of the caller's own module,
    or the one its qualified name names."""
    asked = _method_question(spawn)
    if asked is not None:
        return index.resolve_callee(path, asked.owner, spawn.context, asked.name)
    if (path, spawn.spawner) in index.functions:
        return path, spawn.spawner
    return index.qualified(path, spawn.spawner) \
        or index.resolve_callee(path, spawn.spawner, spawn.context)

