"""The tree and the one walk over it: what every later stage reads instead of libcst's metadata.

- `parse.py`: bytes -> libcst module (fast parse; decoding errors and syntax errors named);
- `walk.py`, `nodes.py`: the fast read-only walk and node helpers (speed tricks, one place each);
- `vocabulary.py`: every word list (spawn names, loops, task groups, lifecycle names);
- `scan.py` -> `scopes.py`: the one walk that records scopes, bindings, reads and calls, with
  `stack.py` (facts off the walk's stack of nodes) and `flow.py` (where a value goes from the
  place it is read: `trace`, giving the records of `dests.py`: `Flow`, `Dest`, `Waited`);
- `reads.py`: the scan's reads indexed once (by key, by last name);
- `positions.py`, `code_search.py`: line and column of the nodes a finding names.

It decides nothing about tasks: it records what the code says, where.
"""
