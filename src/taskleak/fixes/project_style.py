"""What the project's configuration files say about how code is written in a folder: its line
length and the oldest Python it supports. `[tool.taskleak]` (`line-length`, `target-version`)
wins over both, in `policy.FixPolicy.style`.

Line length: the one ruff would use for the file: the nearest `.ruff.toml`, `ruff.toml` or
`pyproject.toml` with a `[tool.ruff]` table above it (`line-length`, else ruff's default 88); a
`pyproject.toml` with only `[tool.black]` gives black's (`line-length`, else 88). Without any, 88.

Oldest Python: the nearest folder that declares one, as ruff reads it: ruff's `target-version`
(`.ruff.toml`, `ruff.toml`, `[tool.ruff]`), else the lower bound of PEP 621's
`[project] requires-python` (or, without one, its oldest `Programming Language :: Python :: 3.X`
classifier), else setuptools' `[options] python_requires` in `setup.cfg` (or its classifiers).
Without any, 3.9 (ruff's oldest default, where `set[asyncio.Task[Any]]` evaluates). A type the
fixed code evaluates as it runs is written as that Python can (`runtime_type_for`).

Plain data and no libcst: reports ask the policy on warm runs.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path
from typing import Any

from taskleak.files.toml import TomlLoader, load_toml, tool_table

DEFAULT_LINE_LENGTH = 88  # ruff's and black's default
Version = tuple[int, int]
DEFAULT_TARGET: Version = (3, 9)
RUFF_FILES = (".ruff.toml", "ruff.toml")
# `py38`, `3.8`: ruff's spelling of a target, and the plain one
_TARGET = re.compile(r"(?:py3(\d{1,2})|3\.(\d{1,2}))")
# the lower bounds of a version specifier: `>=3.8`, `~=3.8`, `>3.7`, `==3.8.*`
_CLASSIFIER = re.compile(r"Programming Language :: Python :: 3\.(\d{1,2})")
_LOWER = re.compile(r"(>=|~=|==|>)\s*(\d+)\.(\d{1,2})")


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


# -- the oldest Python -------------------------------------------------------------------------
def parse_target(value: object) -> Version | None:
    """(3, 8) of ruff's `"py38"` or of `"3.8"`; None for anything else."""
    match = _TARGET.fullmatch(value.strip()) if isinstance(value, str) else None
    return (3, int(match[1] or match[2])) if match else None


def lower_bound(specifier: object) -> Version | None:
    """The oldest Python 3 a `requires-python` specifier admits (`>=3.7,<4` -> (3, 7)), or
    None when it sets no lower bound."""
    if not isinstance(specifier, str):
        return None
    # every clause must hold: the highest bound; `>=2.7` admits every Python 3
    bounds = [(3, int(minor) if major == "3" else 0) for _, major, minor
              in _LOWER.findall(specifier) if major in ("2", "3")]
    return max(bounds) if bounds else None


def oldest_classified(classifiers: object) -> Version | None:
    """The oldest `Programming Language :: Python :: 3.X` of trove classifiers (a list, or
    setup.cfg's lines), for a project that declares no `requires-python`."""
    lines = classifiers.splitlines() if isinstance(classifiers, str) else classifiers
    if not isinstance(lines, list):
        return None
    found = [(3, int(m[1])) for line in lines if isinstance(line, str)
             and (m := _CLASSIFIER.fullmatch(line.strip()))]
    return min(found) if found else None


def _setup_cfg(path: Path) -> Version | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return None
    return lower_bound(parser.get("options", "python_requires", fallback=None)) or \
        oldest_classified(parser.get("metadata", "classifiers", fallback=None))


def _declared_target(folder: Path, load: TomlLoader) -> Version | None:
    for name in RUFF_FILES:
        if (folder / name).is_file():
            found = parse_target((load(folder / name) or {}).get("target-version"))
            if found is not None:
                return found
    if (folder / "pyproject.toml").is_file():
        data = load(folder / "pyproject.toml")
        found = parse_target((tool_table(data, "ruff") or {}).get("target-version"))
        project = (data or {}).get("project")
        if found is None and isinstance(project, dict):
            found = lower_bound(project.get("requires-python")) or oldest_classified(
                project.get("classifiers"))
        if found is not None:
            return found
    if (folder / "setup.cfg").is_file():
        return _setup_cfg(folder / "setup.cfg")
    return None


# PEP 585: builtins and asyncio's classes take `[...]` (`set[asyncio.Task[Any]]`) from 3.9
SUBSCRIPTABLE_SINCE: Version = (3, 9)


def runtime_type_for(target: Version, text: str) -> str:
    """`text`, a type the code evaluates as it runs (a TypeVar's bound, an annotation without
    `from __future__ import annotations`), as Python `target` and up can: a string below 3.9,
    which no Python evaluates and every type checker reads (`fixes.annotations`)."""
    return text if target >= SUBSCRIPTABLE_SINCE else f'"{text}"'


def target_for(folder: Path, load: TomlLoader = load_toml) -> Version:
    """The oldest Python the code in `folder` supports (see the module docstring); `load` as
    for `line_length_for`."""
    for here in (folder, *folder.parents):
        found = _declared_target(here, load)
        if found is not None:
            return found
    return DEFAULT_TARGET
