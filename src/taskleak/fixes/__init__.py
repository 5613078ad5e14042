"""Fixes for fire-and-forget tasks, one module per fix kind (like pyupgrade's plugins).

- `tracked_set`: keep the Task in a set that prunes itself (TL101/TL102, safe);
- `await_fix`: await the coroutine instead of spawning it (TL101/TL102, unsafe);
- `cancel_previous`: cancel the running task before re-spawning it (TL103, unsafe);
- `cancel_in_close`: cancel an attribute's task in the class's close-like method (TL201, safe);
- `discard_callback`: prune a set of tasks with a `discard` done-callback (TL202, safe).

`advice` says which fix applies to a finding (or why none does); `apply` rewrites a module and
checks the result; `command` runs fixes over the files of a check run.

This package is imported by the analysis (for `Finding.fix`), so this module imports nothing
that imports the analysis back.
"""
