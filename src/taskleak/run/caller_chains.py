"""The callers round: read the modules that may run again a function a store asks about.

A store over a live task in a module-level collection asks who runs its function again and
again (`QuestionKind.CALLED_OFTEN`); the answer round reads the modules that name it. A caller
there may run once per event only because a third module registers it
(`bus.subscribe("message", on_message)`), and that module names the caller, not the store's
function: so each round searches the asking module's package for the names of the callers
found so far (their statement calls of the function, `Exports.dropped_calls`), a few calls
deep (`project/called_often.py` follows them as far).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.run.cache import Cache
from taskleak.run.complete import Folders, read_jobs


def caller_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None
                ) -> list[tuple[int, bytes, str]]:
    """The unread files of the asking modules' packages that name a caller (found so far) of
    a function a `CALLED_OFTEN` question asks about, as `read_jobs` gives them."""
    asked = {q.owner.rsplit(".", 1)[-1]: os.path.dirname(paths[i])
             for i, f in enumerate(facts) if f.module is not None
             for sf in f.module.spawns for q in sf.questions
             if q.kind is QuestionKind.CALLED_OFTEN}
    if not asked:
        return []
    callers: dict[str, set[str]] = {}  # folder -> the callers' names
    for f in facts:
        for call in f.module.exports.dropped_calls if f.module is not None else ():
            folder = asked.get(call.callee.rsplit(".", 1)[-1])
            if folder is not None and call.caller != "<module>" and not call.repeating:
                callers.setdefault(folder, set()).add(call.caller.rsplit(".", 1)[-1])
    if not callers:
        return []
    folders = Folders(paths)
    searched = {i: names for folder, names in callers.items()
                for i in folders.in_package(folder)
                if facts[i].module is None and facts[i].skipped is None}
    return read_jobs(paths, facts, searched, cache)
