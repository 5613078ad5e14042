"""An end its owners never reach: a task ended only by a close its owner's close never calls.

A task kept in an attribute of class C, ended only in C's close-like methods (`Fate.ended_in`,
`analysis/obligations/owner_paths.py`), is ended when the object is closed. A class O of the
project that makes an object of C (or of a subclass) and keeps it in an attribute
(`Exports.owned_fields`) owns it: when O has close-like methods of its own and no method of O
calls one of C's ending methods on that attribute (not its close, not the `finally` of a run
its close ends), O's objects close without ending the task. A task
that runs until that end (`Fate.runs_until_ended`) then runs for good: END_NOT_REACHED (a
medium finding), naming the owner's close. One that finishes by itself is left as it was (RUBRIC
convention 4: low); so is an owner with no close-like method (no way out is known to skip the
end), and an object handed on (passing it to a call only borrows it).
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.calls import OwnedField
from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.module import Question
from taskleak.project.effect_words import short
from taskleak.project.index import ProjectIndex, Where


def owner_closes(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate` (read in module `path`) of a task of class `question.owner` ended only in its
    methods `question.name`, once the project's owners of such objects are read."""
    if fate.kind is not FateKind.KEPT_CLEANED or not fate.runs_until_ended \
            or fate.ended_in != question.name:
        return fate
    found = _unreached(index, (path, question.owner), set(question.name.split(",")))
    if not found:
        return fate
    return replace(fate, kind=FateKind.END_NOT_REACHED, unreached=found, ended_in="",
                   runs_until_ended=False)


def _unreached(index: ProjectIndex, cls: Where, ends: set[str]) -> str:
    """"NamingProxy.close_client() on self.redo_service, in pkg/proxy.py": the first owner
    (in path order) of an object of `cls` with a close-like method and no method that calls
    one of `ends` on it; "" when every owner calls one, or has no close."""
    for other, owned in sorted(_owners(index, cls), key=lambda o: (o[0], o[1].owner)):
        if owned.closers and not ends & set(owned.ends):
            return (f"{owned.owner}.{owned.closers[0]}() on self.{owned.attr}, "
                    f"in {short(other)}")
    return ""


def _owners(index: ProjectIndex, cls: Where) -> list[tuple[str, OwnedField]]:
    """The classes that make and keep an object of `cls` or of a subclass of it."""
    out: list[tuple[str, OwnedField]] = []
    for name in {cls[1].rsplit(".", 1)[-1], *_subclass_names(index, cls)}:
        for other, owned in index.owned.get(name, []):
            made = index.resolve_name(other, owned.made)
            if made is not None and (made == cls or index.is_subclass(made, cls)):
                out.append((other, owned))
    return out


def _subclass_names(index: ProjectIndex, cls: Where) -> set[str]:
    return {w[1].rsplit(".", 1)[-1] for w in index.tree.subclasses(cls)}
