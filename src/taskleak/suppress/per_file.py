"""`per-file-ignores`: rules switched off in the files a gitignore-style pattern matches.

```toml
[tool.taskleak.per-file-ignores]
"tests/" = ["task-discarded"]        # codes, prefixes or names
"scripts/*.py" = ["TL2"]
"__init__.py" = ["task-tracked"]            # a pattern without a slash matches at any depth
```

Patterns are matched like `exclude`'s (gitignore rules), against the file's path relative to
the project root (the folder of the configuration file; the current folder without one).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from taskleak.files.ignore import Spec, compile_spec
from taskleak.files.paths import relative_path
from taskleak.settings import Settings

Ignored = Callable[[str, str], bool]  # (a finding's path, rule code) -> ignored there


def never(path: str, code: str) -> bool:
    return False


def per_file_ignored(settings: Settings, cwd: Path | None = None) -> Ignored:
    """Whether a rule is ignored in a file (given as findings show it: relative to `cwd`)."""
    if not settings.per_file_ignores:
        return never
    root = str(settings.project_root or cwd or Path.cwd())
    here = str(cwd or Path.cwd())
    specs: list[tuple[Spec, tuple[str, ...]]] = [
        (compile_spec([pattern]), codes) for pattern, codes in settings.per_file_ignores]
    known: dict[str, tuple[str, ...]] = {}

    def codes_for(path: str) -> tuple[str, ...]:
        if path not in known:
            rel = relative_path(os.path.join(here, path), root)
            known[path] = tuple(c for spec, codes in specs if spec.check(rel) for c in codes)
        return known[path]

    def ignored(path: str, code: str) -> bool:
        return any(code.startswith(c) for c in codes_for(path))

    return ignored
