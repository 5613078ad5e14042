"""What `taskleak check` advertises for a call that drops a task another function returns.

Apart from `returned.py` because the project join attaches it on every run, warm ones too, and
`returned.py` needs libcst, which a warm run never loads
(tests/files/test_discovery_cache.py::test_a_warm_run_imports_none_of_what_only_changes_need).
"""

from __future__ import annotations

from taskleak.model import FixInfo, FixKind

ADVICE = FixInfo(FixKind.TRACKED_SET, True,
                 "keep the returned task in a set that drops it when done")

# Why a call that drops a *collection* of returned tasks has no fix: the fix keeps one task.
# `taskleak fix` does not attempt such a call (fixer/files.py): only the join knows the callee
# returns a collection, not the calling file's own analysis.
NO_FIX_FOR_A_COLLECTION = ("the call returns a collection of tasks: keep it, then gather or "
                           "cancel them")
# ... and a call of a helper that drops the task it spawns: it returns no task to keep.
HELPER_DROPS_NO_FIX = "the helper drops the task it spawns: keep or return it there"
# ... and `await helper()` of a coroutine function that returns its task: the fixes rewrite
# spawn calls, and this call gives a coroutine
AWAITED_HELPER_NO_FIX = ("the task comes from awaiting the call: keep what the await gives "
                         "(`task = await start()`), then end it")
# ... and a function called back by a call that drops what it returns (`loop.call_soon(f)`)
CALLED_BACK_NO_FIX = ("the call that calls it back drops what it returns: call back a "
                      "function that keeps the task")
# ... and a spawn only its class read with another class's members shows (`run/joined.py`):
# the module alone, which a fix edits, sees no spawn there
MERGED_CLASS_NO_FIX = ("found with members another class gives this one: no fix is built "
                       "from this file alone")
# Calls `taskleak fix` does not attempt, whatever the calling file's own analysis offers.
NOT_ATTEMPTED = frozenset({NO_FIX_FOR_A_COLLECTION, HELPER_DROPS_NO_FIX, AWAITED_HELPER_NO_FIX,
                           CALLED_BACK_NO_FIX, MERGED_CLASS_NO_FIX})
