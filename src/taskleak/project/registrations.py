"""A lambda handed to a call whose value is dropped, named through another module: is the call
a function of the project (`QuestionKind.LAMBDA_CALLEE`, asked by
`analysis/obligations/registrations.py`)?

The chain the module wrote ("signal.signal", "pkg.bus.Bus().on", "Base().subscribe") is
followed to the function the project defines (`callees.function_at`): found, it may keep what
the lambda returns, and nothing is claimed (LAMBDA_HANDED stays). Not found, the call is an
unknown callback registration, which keeps nothing: the lambda's task is dropped
(RETURNED_FROM_LAMBDA), unless the chain leads, through the project's classes and their bases,
to a registration of pyee's AsyncIOEventEmitter, which keeps what its listeners return
(`tree/library_facts.py`).
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.module import Question
from taskleak.analysis.tree.library_facts import keeps_what_listeners_return
from taskleak.project.callees import function_at
from taskleak.project.index import ProjectIndex, Where

_MAX_DEPTH = 4


def handed_to_a_registration(fate: Fate, question: Question) -> bool:
    """The fate the question is about: a lambda's task handed to a call whose value is dropped."""
    return fate.kind is FateKind.LAMBDA_HANDED and fate.registered and bool(question.owner)


def answer_registration(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate` (LAMBDA_HANDED, handed to a call whose value is dropped) once the project says
    whether it defines the call `question.owner`: dropped by an unknown registration when it
    does not, and no emitter known to keep what the lambda returns is reached."""
    if function_at(index, path, question.owner) is not None \
            or _reaches_a_keeping_emitter(index, path, question.owner):
        return fate
    return replace(fate, kind=FateKind.RETURNED_FROM_LAMBDA)


def _reaches_a_keeping_emitter(index: ProjectIndex, file: str, chain: str) -> bool:
    """`chain` ("pkg.bus.Bus().on") is a registration of a class of the project that derives,
    here or through other modules, from pyee's AsyncIOEventEmitter, or of a mixin that the
    project's classes mixing it in make one (`self.on` in a base written for them)."""
    if keeps_what_listeners_return(chain):
        return True
    receiver, _, method = chain.rpartition(".")
    where = _class(index, file, receiver)
    return where is not None and any(
        _derives(index, found, method) for found in (where, *index.tree.subclasses(where)))


def _derives(index: ProjectIndex, where: Where, method: str, depth: int = 0) -> bool:
    """The project's class at `where` has pyee's AsyncIOEventEmitter among its bases (through
    the project's classes), so its `method` registers with it."""
    facts = index.classes.get(where)
    if facts is None or depth > _MAX_DEPTH:
        return False
    for base in facts.bases:
        chain = f"{_qualified(index, where[0], base)}().{method}"
        if keeps_what_listeners_return(chain):
            return True
        found = _class(index, where[0], f"{base}()")
        if found is not None and _derives(index, found, method, depth + 1):
            return True
    return False


def _class(index: ProjectIndex, file: str, receiver: str) -> Where | None:
    """The project's class an instance chain names in `file` ("Bus()", "pkg.bus.Bus()")."""
    if not receiver.endswith("()"):
        return None
    name = receiver.removesuffix("()")
    if (file, name) in index.classes:
        return (file, name)
    where = index.qualified(file, _qualified(index, file, name))
    return where if where is not None and where in index.classes else None


def _qualified(index: ProjectIndex, file: str, name: str) -> str:
    """A base as its module writes it ("AsyncIOEventEmitter"), qualified by that module's
    imports ("pyee.asyncio.AsyncIOEventEmitter"); itself when defined there."""
    head, _, tail = name.partition(".")
    imported = index.imports.get(file, {}).get(head)
    if imported is None:
        return name
    return f"{imported}.{tail}" if tail else imported
