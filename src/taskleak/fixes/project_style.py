"""What the project's configuration files say about how code is written in a folder: its line
length (here) and the oldest Python it supports (`python_floor`). `[tool.taskleak]`
(`line-length`, `target-version`) wins over both, in `policy.FixPolicy.style`.

Line length: the one ruff would use for the file: the nearest `.ruff.toml`, `ruff.toml` or
`pyproject.toml` with a `[tool.ruff]` table above it (`line-length`, else ruff's default 88); a
`pyproject.toml` with only `[tool.black]` gives black's (`line-length`, else 88). Without any, 88.

Plain data and no libcst: reports ask the policy on warm runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taskleak.files.toml import TomlLoader, load_toml, tool_table
from taskleak.fixes.python_floor import RUFF_FILES

DEFAULT_LINE_LENGTH = 88  # ruff's and black's default


def valid_line_length(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 < value < 1000 else None


def _length(table: dict[str, Any] | None) -> int:
    return valid_line_length((table or {}).get("line-length")) or DEFAULT_LINE_LENGTH


def _configured_length(folder: Path, load: TomlLoader) -> int | None:
    """The line length a config file in `folder` sets, or None when none is there."""
    for name in RUFF_FILES:
        if (folder / name).is_file():
            return _length(load(folder / name))
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        data = load(pyproject)
        for name in ("ruff", "black"):
            table = tool_table(data, name)
            if table is not None:
                return _length(table)
    return None


def line_length_for(folder: Path, load: TomlLoader = load_toml) -> int:
    """The line length for files in `folder` (see the module docstring); `load` reads a TOML
    file (a run's `TomlReads.load` reads each once)."""
    for here in (folder, *folder.parents):
        found = _configured_length(here, load)
        if found is not None:
            return found
    return DEFAULT_LINE_LENGTH
