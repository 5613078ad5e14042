"""One module in, its facts out: parse -> scan -> resolve -> spawns -> classify -> facts.

- `parse.py`: bytes -> libcst module (fast parse; decoding errors and syntax errors named);
- `walk.py`, `nodes.py`: the fast read-only walk and node helpers (speed tricks, one place each);
- `vocabulary.py`: every word list (spawn names, loops, task groups, lifecycle names);
- `scan.py` -> `scopes.py`: the one walk that records scopes, bindings, reads and calls;
- `flow.py`: where a value goes from the place it is read (`trace`);
- `resolve.py`: light name resolution (imports, aliases, loops, task groups);
- `spawns.py`: which calls are spawns;
- `ownership.py`: who keeps a task and what ends it; `classify.py`: each spawn's `Fate`;
- `positions.py`: line and column of the spawns;
- `analyse.py`: the one entry point; `facts.py`, `fates.py`: the plain results.

No module here imports fixes, rules, reports or the command line.
"""
