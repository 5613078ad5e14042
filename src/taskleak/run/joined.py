"""The verdicts of a module's classes read whole (with what their bases or their one subclass
give them: `tree/inherit.py`, `run/inherited.py`) joined to the module's own facts.

A fix edits the module's own text, judged by the module alone (`advice/offers.py`): a spawn
whose verdict the whole read left as it was keeps that advice; one only the whole read finds
(`self.loop.call_soon(self.refresh)`, `refresh` an `async def` of the subclass) gets none, and
`taskleak fix` does not attempt it (`MERGED_CLASS_NO_FIX`): the module alone sees no spawn
there, and a fix built from it would wrap what the call returns (a loop's `Handle`).
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.advice.returned import MERGED_CLASS_NO_FIX
from taskleak.analysis.facts.module import FileFacts, ModuleFacts, QuestionKind
from taskleak.rules import judge


def joined(old: FileFacts, new: FileFacts) -> FileFacts:
    """The file's facts with the verdicts of its classes read whole (`new`, `joined_facts`);
    a file the spawn pass did not analyse (its only spawns are calls of an inherited helper
    method) has those verdicts alone."""
    if old.module is None and old.skipped is None and new.module is not None \
            and new.module.spawns:
        return new
    if old.module is None or new.module is None:
        return old
    out = FileFacts(old.path, answers_only=old.answers_only, mentions_noqa=old.mentions_noqa,
                    helpers=old.helpers)
    out.parsed = True
    out.module = joined_facts(old.module, new.module)
    return out


def joined_facts(old: ModuleFacts, new: ModuleFacts,
                 as_written: frozenset[str] = frozenset()) -> ModuleFacts:
    """The module's facts with the verdicts of its classes read whole (`new`): its own exports
    but for its functions' promises, read whole too, and the fix advice its own pass gave a
    spawn whose verdict did not change (a fix edits the module's own text); a spawn only
    the whole read finds has none. A spawn in a top-level class named in `as_written` keeps
    its own pass's verdict (`old`)."""
    advice = {(sf.line, sf.column): sf for sf in old.spawns}
    spawns = []
    for sf in new.spawns:
        before = advice.get((sf.line, sf.column))
        if before is not None and sf.context.partition(".")[0] in as_written:
            sf = before
        elif before is not None and before.fates == sf.fates:
            # (the questions are the class's read whole: what its own pass asked of a member it
            # lacked, `self._poll()` of a base, the merged tree answers)
            sf = replace(before, questions=sf.questions)
        elif before is None:  # a spawn only the class read whole finds
            sf = sf.with_advice(judge(sf.fates).code, None, MERGED_CLASS_NO_FIX)
        spawns.append(sf)
    # a call of the module's own function that read whole is a spawn helper is a spawn now,
    # not a dropped call the join would judge again (`send_raw()`, which returns the task it
    # hands to an inherited `_track()`)
    # (a call on an instance, `conn.spawn()`, is a spawn only where its value is not dropped:
    # a dropped one stays the join's call-site row, `obligations/helper_calls.py`)
    helped = {(sf.context, sf.spawner.rsplit(".", 1)[-1]) for sf in spawns if sf.project_helper
              and all(q.kind is not QuestionKind.HELPER_METHOD for q in sf.questions)}
    exports = old.exports
    dropped = tuple(c for c in exports.dropped_calls
                    if (c.caller, c.callee.rsplit(".", 1)[-1]) not in helped)
    # the names the inherited members import (`from pkg.main import Receiver`: what a verdict
    # names, `self.current = Receiver()`, is typed through them)
    bound = {name for name, _ in exports.imports}
    imports = exports.imports + tuple(i for i in new.exports.imports if i[0] not in bound)
    return ModuleFacts(tuple(spawns), replace(
        exports, functions=new.exports.functions, dropped_calls=dropped, imports=imports))
