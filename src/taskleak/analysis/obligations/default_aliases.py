"""A parameter whose default is a holder names the holder's object inside its function.

`def done(t, _tasks=self._tasks): _tasks.remove(t)`, registered with `t.add_done_callback(done)`:
the callback prunes `self._tasks` through its parameter (aiocoap's OSCORE transport keeps its
request tasks so). The default is evaluated once, where the function is defined, so the
parameter holds that very object whenever a call leaves it out, as a done-callback's call does:
what the function does with the parameter is done to the holder (`Ownership._aliases`), as for
`tasks = self._tasks` in the function's own body.

Near miss: a default that names another collection (`_done=self._finished`) prunes that one,
not the holder the task was put in.
"""

from __future__ import annotations

from taskleak.analysis.tree.scopes import Occurrence, Scope


def defaulted_in(occ: Occurrence) -> Scope | None:
    """The scope of the function (or lambda) whose parameter default the read `occ` is (the
    scan reads a default inside the function's own scope, or in the one around it), or None."""
    definition = occ.dest.definition
    if definition is None:
        return None
    if occ.scope.node is definition:
        # (a name the function binds itself, `tasks=tasks`, is the one around it: not followed)
        return None if occ.key.split(".", 1)[0] in occ.scope.bindings else occ.scope
    return next((s for s in occ.scope.children if s.node is definition), None)
