"""The round after the answers: the callers of a getter of an attribute a spawn asked about.

A task kept in a dotted holder that its module never ends (`QuestionKind.ATTRIBUTE_CLEANUP`,
`entry.inflight`) may be ended through a getter of another module (`Getter`: `_inflight(entry)`
returns `entry.inflight`), by the callers of that getter (`CallValueEffect`), which name the
getter and not the attribute: the answer round, searching for the attribute's name, read the
getter's module but not theirs. This round reads, in the asking file's package, the files left
out that name such a getter (a name only chooses what to read; the join resolves each call:
`project/getter_ends.py`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.run.cache import Cache
from taskleak.run.complete import Folders, package_jobs


def getter_caller_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                       folders_of: Callable[[Sequence[str]], Folders] = Folders
                       ) -> list[tuple[int, bytes, str]]:
    """The files left out, in the package of a file asking who ends an attribute, that name a
    getter of that attribute; as `complete.answer_jobs` gives them."""
    getters: dict[str, set[str]] = defaultdict(set)  # attribute -> its getters' names
    for file in facts:
        for getter in file.module.exports.getters if file.module is not None else ():
            getters[getter.key.rsplit(".", 1)[-1]].add(getter.function.rsplit(".", 1)[-1])
    if not getters:
        return []
    asked: dict[str, set[str]] = defaultdict(set)  # folder -> names to search for
    for path, file in zip(paths, facts, strict=True):
        for spawn in file.module.spawns if file.module is not None else ():
            for q in spawn.questions:
                if q.kind is QuestionKind.ATTRIBUTE_CLEANUP and q.name in getters:
                    asked[os.path.dirname(path)] |= getters[q.name]
    return package_jobs(paths, facts, asked, cache, folders_of)
