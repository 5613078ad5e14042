"""Fixes for fire-and-forget tasks: the stage after classification.

- `kinds/`: one module per fix kind (like pyupgrade's plugins), each with its `KIND` and its
  `offer` (build the edits, or say why not): `tracked_set`, `await_fix`, `cancel_previous`,
  `cancel_in_close`, `discard_callback`. Which kinds a finding may get is its rule's to say
  (`Rule.fix_kinds`);
- `advice.py`: the fix a finding advertises, or why there is none (computed with the analysis);
- `apply.py`: fix one module: plan, rewrite (libcst), verify (parse, compile, comments, a
  re-check through the same analysis), write atomically;
- `files.py`: fix the files of a run's findings;
- support: `context.py` (the module's analysis and lookups), `shapes.py` (statement forms),
  `edits.py` (collected edits, one transform), `sets.py` (tracked sets), `imports.py`,
  `naming.py`, `tree.py`, `plan.py`.

The analysis never imports this package (a layer contract checks it).
"""
