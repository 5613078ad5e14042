"""The callers round: read the modules that may run again a function a store asks about.

A store over a live task in a module-level collection asks who runs its function again and
again (`QuestionKind.CALLED_OFTEN`); the answer round reads the modules that name it. A caller
there may run once per event only because a third module registers it
(`bus.subscribe("message", on_message)`), and that module names the caller, not the store's
function: so each round searches the asking module's package for the names of the callers
found so far (their statement calls of the function, `Exports.dropped_calls`), a few calls
deep (`project/called_often.py` follows them as far). The same for a task of an object whose
owners' close may never end it (`QuestionKind.OWNER_CLOSES`): the files naming its class or a
subclass of it, where an owner makes one, or another base of such a subclass, whose close its
objects run, or a base of such an owner, whose close and calls the owner's objects run
(`project/owner_paths.py`); and for both those and a task ended only in methods its module
never calls (`QuestionKind.USER_ENDS`), the files naming those methods too (another module may
call one: an owner with no close of its own then leaves the end to it).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.run.cache import Cache
from taskleak.run.complete import Folders, read_jobs


def _owner_names(paths: Sequence[str], facts: list[FileFacts]) -> dict[str, set[str]]:
    """Folder -> the names of the classes whose objects' owners an `OWNER_CLOSES` question asks
    about: the class and its subclasses read so far (an owner makes `NamingRedoService(...)`,
    a subclass of the asking `RedoService`), searched where they are made."""
    out: dict[str, set[str]] = {}
    methods: dict[str, set[str]] = {}  # the end methods another module may call
    for i, f in enumerate(facts):
        for sf in f.module.spawns if f.module is not None else ():
            for q in sf.questions:
                if q.kind in (QuestionKind.OWNER_CLOSES, QuestionKind.USER_ENDS):
                    out.setdefault(os.path.dirname(paths[i]), set()).add(
                        q.owner.rsplit(".", 1)[-1])
                    # (another module may call one: the task's end reached that way, by
                    # its users or by an owner with no close of its own)
                    methods.setdefault(os.path.dirname(paths[i]), set()).update(
                        q.name.split(","))
    if not out:
        return out
    bases = [(c.qualname.rsplit(".", 1)[-1], {b.rsplit(".", 1)[-1] for b in c.bases})
             for f in facts if f.module is not None for c in f.module.exports.classes]
    for names in out.values():
        asking = set(names)
        while True:  # (one class's subclasses, theirs in turn)
            more = {name for name, of in bases if of & names} - names
            if not more:
                break
            names |= more
        # and the other bases of those subclasses: where the close an object of one of them
        # runs may be defined (`class Agent(AgentBase, HeartbeatMixin)`, `AgentBase.close()`)
        names |= {b for name, of in bases if name in names - asking for b in of}
        # and the bases of the owners read so far, which make and keep such an object: their
        # close, and what they call on it, are the owner's (`owner_paths._with_its_bases`)
        owners = {o.owner.rsplit(".", 1)[-1] for f in facts if f.module is not None
                  for o in f.module.exports.owned_fields
                  if o.made.rsplit(".", 1)[-1] in names}
        names |= {b for name, of in bases if name in owners for b in of}
    for folder, called in methods.items():
        out[folder] |= called
    return out


def caller_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None
                ) -> list[tuple[int, bytes, str]]:
    """The unread files of the asking modules' packages that name a caller (found so far) of
    a function a `CALLED_OFTEN` question asks about, as `read_jobs` gives them."""
    asked = {q.owner.rsplit(".", 1)[-1]: os.path.dirname(paths[i])
             for i, f in enumerate(facts) if f.module is not None
             for sf in f.module.spawns for q in sf.questions
             if q.kind is QuestionKind.CALLED_OFTEN}
    callers: dict[str, set[str]] = _owner_names(paths, facts)  # folder -> names to search
    if not asked and not callers:
        return []
    for f in facts:
        for call in f.module.exports.dropped_calls if f.module is not None else ():
            folder = asked.get(call.callee.rsplit(".", 1)[-1])
            if folder is not None and call.caller != "<module>" and not call.repeating:
                callers.setdefault(folder, set()).add(call.caller.rsplit(".", 1)[-1])
    if not callers:
        return []
    folders = Folders(paths)
    searched: dict[int, set[str]] = {}
    for folder, names in callers.items():  # (a file of two asking packages: both names)
        for i in folders.in_package(folder):
            if facts[i].module is None and facts[i].skipped is None:
                searched.setdefault(i, set()).update(names)
    return read_jobs(paths, facts, searched, cache)
