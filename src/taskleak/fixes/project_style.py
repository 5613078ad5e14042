"""What the project's configuration files say about how code is written in a folder: its line
length (here) and the oldest Python it supports (`python_floor`). `[tool.taskleak]`
(`line-length`, `target-version`) wins over both, in `policy.FixPolicy.style`.

Line length: that of the nearest folder (the file's, then up) that configures a tool which
checks it, asked in this order: ruff (`.ruff.toml`, `ruff.toml`, `[tool.ruff]` of
`pyproject.toml`: `line-length`, else ruff's default 88), black (`[tool.black]`: `line-length`,
else 88), flake8 (a `[flake8]` section of `.flake8`, `setup.cfg` or `tox.ini`, or a tox
environment that runs it: `max-line-length`, else flake8's default 79), pycodestyle (a
`[pycodestyle]` section of `setup.cfg` or `tox.ini`: `max-line-length`, else 79). Without any,
88.

Quotes: those of the nearest ruff configuration's formatter (`quote_for`).

Plain data and no libcst: reports ask the policy on warm runs.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path
from typing import Any

from taskleak.files.toml import TomlLoader, load_toml, tool_table
from taskleak.fixes.python_floor import RUFF_FILES

DEFAULT_LINE_LENGTH = 88  # ruff's and black's default
PEP8_LINE_LENGTH = 79  # flake8's and pycodestyle's default
_FLAKE8_COMMAND = re.compile(r"(?m)^\s*(?:python -m )?flake8\b")
_MAX_LINE_LENGTH = re.compile(r"--max-line-length[= ](\d+)")


def valid_line_length(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 < value < 1000 else None


def _length(table: dict[str, Any] | None) -> int:
    return valid_line_length((table or {}).get("line-length")) or DEFAULT_LINE_LENGTH


def _ini(path: Path) -> configparser.ConfigParser | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return None
    return parser


def _max_line_length(value: str | None) -> int:
    """A `max-line-length`, else flake8's default."""
    value = (value or "").strip()
    return (valid_line_length(int(value)) if value.isdigit() else None) or PEP8_LINE_LENGTH


def _runs_flake8(parser: configparser.ConfigParser) -> int | None:
    """A tox environment that runs flake8 (python-engineio's `[testenv:flake8]`): its
    `--max-line-length`, else 79."""
    for section in parser.sections():
        commands = parser.get(section, "commands", fallback="")
        if section.startswith("testenv") and _FLAKE8_COMMAND.search(commands):
            found = _MAX_LINE_LENGTH.search(commands)
            return _max_line_length(found[1] if found else None)
    return None


def _pep8_length(folder: Path) -> int | None:
    """flake8's line length, else pycodestyle's, configured in `folder`."""
    parsers = {name: _ini(folder / name) for name in (".flake8", "setup.cfg", "tox.ini")
               if (folder / name).is_file()}
    for tool in ("flake8", "pycodestyle"):
        for parser in parsers.values():
            if parser is not None and parser.has_section(tool):
                return _max_line_length(parser.get(tool, "max-line-length", fallback=None))
        tox = parsers.get("tox.ini")
        if tool == "flake8" and tox is not None:
            found = _runs_flake8(tox)
            if found is not None:
                return found
    return None


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
    return _pep8_length(folder)


def line_length_for(folder: Path, load: TomlLoader = load_toml) -> int:
    """The line length for files in `folder` (see the module docstring); `load` reads a TOML
    file (a run's `TomlReads.load` reads each once)."""
    for here in (folder, *folder.parents):
        found = _configured_length(here, load)
        if found is not None:
            return found
    return DEFAULT_LINE_LENGTH


def _quote(table: dict[str, Any] | None) -> str:
    """ruff's formatter's quotes for strings: `'` under `quote-style = "single"`."""
    fmt = (table or {}).get("format")
    return "'" if isinstance(fmt, dict) and fmt.get("quote-style") == "single" else '"'


def quote_for(folder: Path, load: TomlLoader = load_toml) -> str:
    """The quotes the project's formatter writes strings in: those of the nearest ruff
    configuration (`[format] quote-style`, discord.py's `"single"`); black's, `"`, where the
    nearest configuration is black's or there is none."""
    for here in (folder, *folder.parents):
        for name in RUFF_FILES:
            if (here / name).is_file():
                return _quote(load(here / name))
        pyproject = here / "pyproject.toml"
        if pyproject.is_file():
            data = load(pyproject)
            ruff = tool_table(data, "ruff")
            if ruff is not None:
                return _quote(ruff)
            if tool_table(data, "black") is not None:
                return '"'
    return '"'
