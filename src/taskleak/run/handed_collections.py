"""The round after the answers: the modules of the functions a collection's owner also hands it to.

A spawn that puts its task into a collection its function receives (`bg_tasks.append(spawn())`,
a `QuestionKind.PARAMETER_COLLECTION`) is ended where its callers end what they pass there. A
caller that hands the same collection to a function of another module too (`_stop(bg_tasks)`,
`CallArg.also`) leaves its end to that function, whose module says what it does with what it
receives (`ParamUse`). The answer round read the callers; this round reads, in the asking file's
package, the files left out that name those functions (a name only chooses what to read; the
join resolves the call: `project/received_collections.answer_parameter`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.run.cache import Cache
from taskleak.run.complete import Folders, package_jobs


def handed_collection_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                           folders_of: Callable[[Sequence[str]], Folders] = Folders
                           ) -> list[tuple[int, bytes, str]]:
    """The files left out, in the package of a file whose spawn fills a collection its
    function receives, that name a function a caller also hands that collection to; as
    `complete.answer_jobs` gives them."""
    asking: dict[str, set[str]] = defaultdict(set)  # function name -> folders asking
    for path, file in zip(paths, facts, strict=True):
        for spawn in file.module.spawns if file.module is not None else ():
            for q in spawn.questions:
                if q.kind is QuestionKind.PARAMETER_COLLECTION:
                    name = q.owner.removesuffix(".__init__").rsplit(".", 1)[-1]
                    asking[name].add(os.path.dirname(path))
    if not asking:
        return []
    asked: dict[str, set[str]] = defaultdict(set)  # folder -> names to search for
    for file in facts:
        for arg in file.module.exports.call_args if file.module is not None else ():
            folders = asking.get(arg.callee.rsplit(".", 1)[-1])
            for folder in folders or ():
                asked[folder].update(also[0].rsplit(".", 1)[-1] for also in arg.also)
    return package_jobs(paths, facts, asked, cache, folders_of)
