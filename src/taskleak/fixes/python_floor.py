"""The oldest Python a project supports: its floor, as its own files declare it.

The nearest folder (the file's, then up) with a file that declares one; in that folder, every
declaration is read and the lowest wins (code that must run there runs on all of them):

- ruff's `target-version` (`.ruff.toml`, `ruff.toml`, `[tool.ruff]` of `pyproject.toml`);
- black's `target-version` (`[tool.black]`, a list: its oldest);
- `pyproject.toml`: `[project] requires-python` (PEP 621), `[tool.flit.metadata]
  requires-python` (flit's old table), `[tool.poetry.dependencies] python` (`^3.7`, `~3.8`),
  and the `Programming Language :: Python :: 3.X` classifiers of those three tables;
- `setup.cfg`: `[options] python_requires` and `[metadata] classifiers`;
- `setup.py`: its `python_requires="..."` and the classifiers it names (read as text: running
  it could do anything).

Without any, 3.9 (ruff's oldest default, where `set[asyncio.Task[Any]]` evaluates). A type the
fixed code evaluates as it runs is written as that Python can (`runtime_type_for`).

Plain data and no libcst: reports ask the policy on warm runs.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taskleak.files.regular import read_regular
from taskleak.files.toml import TomlLoader, load_toml, tool_table

Version = tuple[int, int]
DEFAULT_TARGET: Version = (3, 9)
RUFF_FILES = (".ruff.toml", "ruff.toml")
# `py38`, `3.8`: ruff's and black's spelling of a target, and the plain one
_TARGET = re.compile(r"(?:py3(\d{1,2})|3\.(\d{1,2}))")
# the lower bounds of a version specifier: `>=3.8`, `~=3.8`, `>3.7`, `==3.8.*`, poetry's
# `^3.7` and `~3.8`
_LOWER = re.compile(r"(>=|~=|==|>|\^|~)\s*(\d+)\.(\d{1,2})")
_CLASSIFIER = re.compile(r"Programming Language :: Python :: 3\.(\d{1,2})(?![\d.])")
# setup.py's `python_requires=">=3.7"` (any quote)
_SETUP_PY_REQUIRES = re.compile(r"""python_requires\s*=\s*(['"])(.*?)\1""")


def parse_target(value: object) -> Version | None:
    """(3, 8) of ruff's `"py38"` or of `"3.8"`; None for anything else."""
    match = _TARGET.fullmatch(value.strip()) if isinstance(value, str) else None
    return (3, int(match[1] or match[2])) if match else None


def lower_bound(specifier: object) -> Version | None:
    """The oldest Python 3 a `requires-python` specifier admits (`>=3.7,<4` -> (3, 7), poetry's
    `^3.8` -> (3, 8)), or None when it sets no lower bound."""
    if not isinstance(specifier, str):
        return None
    # every clause must hold: the highest bound; `>=2.7` admits every Python 3
    bounds = [(3, int(minor) if major == "3" else 0) for _, major, minor
              in _LOWER.findall(specifier) if major in ("2", "3")]
    return max(bounds) if bounds else None


def oldest_classified(classifiers: object) -> Version | None:
    """The oldest `Programming Language :: Python :: 3.X` of trove classifiers (a list,
    setup.cfg's lines, or setup.py's text)."""
    lines = [classifiers] if isinstance(classifiers, str) else classifiers
    if not isinstance(lines, list):
        return None
    found = [(3, int(minor)) for line in lines if isinstance(line, str)
             for minor in _CLASSIFIER.findall(line)]
    return min(found) if found else None


def _oldest_target(value: object) -> Version | None:
    """The oldest of black's `target-version = ["py37", "py38"]` (or one string)."""
    values = value if isinstance(value, list) else [value]
    found = [v for v in map(parse_target, values) if v is not None]
    return min(found) if found else None


def _table(data: dict[str, Any] | None, *path: str) -> dict[str, Any]:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _pyproject(data: dict[str, Any] | None) -> Iterator[Version | None]:
    yield parse_target(_table(tool_table(data, "ruff")).get("target-version"))
    yield _oldest_target(_table(tool_table(data, "black")).get("target-version"))
    for table in (_table(data, "project"), _table(data, "tool", "flit", "metadata")):
        yield lower_bound(table.get("requires-python"))
        yield oldest_classified(table.get("classifiers"))
    poetry = _table(data, "tool", "poetry")
    python = _table(poetry, "dependencies").get("python")
    yield lower_bound(python.get("version") if isinstance(python, dict) else python)
    yield oldest_classified(poetry.get("classifiers"))


def _setup_cfg(path: Path) -> Iterator[Version | None]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return
    yield lower_bound(parser.get("options", "python_requires", fallback=None))
    yield oldest_classified(parser.get("metadata", "classifiers", fallback=None))


def _setup_py(path: Path) -> Iterator[Version | None]:
    try:
        text = read_regular(path).decode("utf-8", errors="replace")
    except OSError:
        return
    for match in _SETUP_PY_REQUIRES.finditer(text):
        yield lower_bound(match[2])
    yield oldest_classified(text)


def declared(folder: Path, load: TomlLoader = load_toml) -> Version | None:
    """The lowest floor the files of `folder` declare, or None when none declares one."""
    found: list[Version | None] = []
    for name in RUFF_FILES:
        if (folder / name).is_file():
            found.append(parse_target((load(folder / name) or {}).get("target-version")))
    if (folder / "pyproject.toml").is_file():
        found += _pyproject(load(folder / "pyproject.toml"))
    if (folder / "setup.cfg").is_file():
        found += _setup_cfg(folder / "setup.cfg")
    if (folder / "setup.py").is_file():
        found += _setup_py(folder / "setup.py")
    versions = [v for v in found if v is not None]
    return min(versions) if versions else None


def declared_target(folder: Path, load: TomlLoader = load_toml) -> Version | None:
    """The oldest Python the code in `folder` supports (see the module docstring), None when
    no file declares one; `load` reads a TOML file (a run's `TomlReads.load` reads each
    once)."""
    for here in (folder, *folder.parents):
        found = declared(here, load)
        if found is not None:
            return found
    return None


def target_for(folder: Path, load: TomlLoader = load_toml) -> Version:
    """`declared_target`, else the default."""
    return declared_target(folder, load) or DEFAULT_TARGET


# PEP 585: builtins and asyncio's classes take `[...]` (`set[asyncio.Task[Any]]`) from 3.9
SUBSCRIPTABLE_SINCE: Version = (3, 9)


def runtime_type_for(target: Version, text: str) -> str:
    """`text`, a type the code evaluates as it runs (a TypeVar's bound, an annotation without
    `from __future__ import annotations`), as Python `target` and up can: a string below 3.9,
    which no Python evaluates and every type checker reads (`fixes.annotations`)."""
    return text if target >= SUBSCRIPTABLE_SINCE else f'"{text}"'
