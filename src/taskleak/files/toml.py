"""TOML configuration files, read one way: Python's tomllib (tomli on 3.10), regular files only
(a FIFO named pyproject.toml would block the read), and a tool's table of a document."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from taskleak.files.regular import read_regular


def tomllib() -> Any:
    """The TOML parser module: `tomllib`, or `tomli` on Python 3.10."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


def load_toml(path: Path) -> dict[str, Any] | None:
    """A TOML file's document; None when it cannot be read or is no TOML (a caller that must
    say why reads it with `taskleak.config.read_toml`)."""
    parser = tomllib()
    try:
        document: dict[str, Any] = parser.loads(read_regular(path).decode("utf-8"))
    except (OSError, parser.TOMLDecodeError, UnicodeDecodeError):
        return None
    return document


# reads a TOML file: `load_toml`, or a run's `TomlReads.load`
TomlLoader = Callable[[Path], dict[str, Any] | None]


class TomlReads:
    """The TOML files one run reads, each read once: a `taskleak fix` run asks the same
    configuration files (a project's pyproject.toml) for every file it fixes. Local to the
    run: a file edited between runs is read again by the next."""

    def __init__(self) -> None:
        self._documents: dict[Path, dict[str, Any] | None] = {}

    def load(self, path: Path) -> dict[str, Any] | None:
        """`load_toml(path)`, read the first time only."""
        if path not in self._documents:
            self._documents[path] = load_toml(path)
        return self._documents[path]


def tool_table(document: dict[str, Any] | None, name: str) -> dict[str, Any] | None:
    """`[tool.NAME]` of a document, when it is a table."""
    tool = (document or {}).get("tool")
    table = tool.get(name) if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None
