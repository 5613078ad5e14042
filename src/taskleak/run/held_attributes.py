"""The round after the answers: the files that may end an attribute a constructor keeps a task in.

A spawn handed to another module's constructor (`Handle(name, task)`, a `QuestionKind.HANDED_TO`)
is held by the new object's attribute once the class's module, read in the answer round, says
which (`ClassFacts.holds`: `self.task = task`). The files that may end it are those that name
that attribute, as for a task stored there directly (`complete.answer_jobs`); the answer round
could not search for them, not knowing the attribute yet. The class is matched by its name only
to choose what to read (the join resolves it: `project/constructed_holders.py`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.run.cache import Cache
from taskleak.run.complete import Folders, package_jobs

# how many levels of bases a class's constructor is looked for in, to choose files to read
_DEPTH = 3


def held_attribute_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                        folders_of: Callable[[Sequence[str]], Folders] = Folders
                        ) -> list[tuple[int, bytes, str]]:
    """The files left out, in the package of a file whose spawn is handed to a constructor
    that keeps it, that name the attribute it is kept in; as `answer_jobs` gives them."""
    held: dict[str, set[str]] = defaultdict(set)
    bases: dict[str, set[str]] = defaultdict(set)
    for file in facts:
        for cls in file.module.exports.classes if file.module is not None else ():
            name = cls.qualname.rsplit(".", 1)[-1]
            held[name].update(h[0] for h in cls.holds)
            bases[name].update(b.rsplit(".", 1)[-1] for b in cls.bases)
    if not any(held.values()):
        return []
    for _ in range(_DEPTH):  # (a subclass constructs through its bases' `__init__`)
        for name, of in bases.items():
            for base in of:
                held[name] |= held.get(base, set())
    asked: dict[str, set[str]] = defaultdict(set)
    for path, file in zip(paths, facts, strict=True):
        for spawn in file.module.spawns if file.module is not None else ():
            for q in spawn.questions:
                if q.kind is QuestionKind.HANDED_TO:
                    asked[os.path.dirname(path)] |= held.get(q.owner.rsplit(".", 1)[-1], set())
    return package_jobs(paths, facts, asked, cache, folders_of)
