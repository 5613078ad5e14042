"""The rewriter: fix kinds and what they are built with (libcst edits).

- `kinds/`: one module per fix kind (like pyupgrade's plugins), each with its `KIND` and its
  `offer` (build the edits, or say why not): `tracked_set`, `task_group`, `await_fix`,
  `cancel_previous`, `cancel_in_close`, `discard_callback`. Which kinds a finding may get is its
  rule's to say (`Rule.fix_kinds`); which one it gets, the advice's (`taskleak.advice`);
- `policy.py`: what is fixed, how and whether it may be (`FixPolicy`, `FixStyle`): every door
  asks it (the CLI, stdin, the reports' `[*]`, the editor's quick fixes and fix-all);
- `returned.py`: the calls that drop a task another function returns, as spawns to fix;
- support: `context.py` (the module's analysis and lookups), `shapes.py` (statement forms),
  `edits.py` (collected edits, one transform), `sets.py` (tracked sets), `keeper.py`
  (keep-helpers: the module's, or the project's own), `package_helper.py` (one keep-helper
  per package), `forever.py` (no safe fix for a task that runs forever), `own_holder.py` and
  `blocking_await.py` (no await fix that would end its own task or hold up its caller);
- the project's style: `project_style.py` (its line length and oldest Python, from its
  configuration files), `style.py` and `wrapping.py` (generated lines wrapped as a formatter
  would), `aliases.py` (names added to an existing import), `annotations.py` (types as the
  oldest Python evaluates them); `imports.py`, `naming.py`, `tree.py`, `splice.py`, `plan.py`.

Fixing a module or a run's files (plan, rewrite, verify, write) is the fixer's
(`taskleak.fixer`). The analysis never imports this package (a layer contract checks it).
"""
