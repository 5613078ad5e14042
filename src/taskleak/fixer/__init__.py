"""The fixer: fix a module or a run's files with the advice's choices and the rewriter's kinds.

- `apply.py`: fix one module: plan (`taskleak.advice`), rewrite (`taskleak.fixes`, libcst),
  verify, write atomically;
- `verify.py`: the checks before anything is written (parse, compile, comments, a re-check
  through the same analysis);
- `files.py`: fix the files of a run's findings, as the fix policy says (`FixRun`).

Every door fixes through here: `taskleak fix`, `check --fix`/`--diff`, `fix -` on stdin, the
editor's quick fixes and fix-all.
"""
