"""Fixes for fire-and-forget tasks: the stage after classification.

- `kinds/`: one module per fix kind (like pyupgrade's plugins), each with its `KIND` and its
  `offer` (build the edits, or say why not): `tracked_set`, `task_group`, `await_fix`,
  `cancel_previous`, `cancel_in_close`, `discard_callback`. Which kinds a finding may get is its
  rule's to say (`Rule.fix_kinds`);
- `advice.py`: the fix a finding advertises, or why there is none (computed with the analysis);
- `apply.py`: fix one module: plan, rewrite (libcst), verify, write atomically;
- `verify.py`: the checks before anything is written (parse, compile, comments, a re-check
  through the same analysis);
- `files.py`: fix the files of a run's findings;
- `policy.py`: what is fixed, how and whether it may be (`FixPolicy`, `FixStyle`): every door
  asks it (the CLI, stdin, the reports' `[*]`, the editor's quick fixes and fix-all);
- support: `context.py` (the module's analysis and lookups),
  `shapes.py` (statement forms), `edits.py` (collected edits, one transform), `sets.py`
  (tracked sets), `keeper.py` (keep-helpers: the module's, or the project's own),
  `style.py` (line length and wrapping),
  `imports.py`, `naming.py`, `tree.py`, `plan.py`.

The analysis never imports this package (a layer contract checks it).
"""
