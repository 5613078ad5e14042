"""Whether ruff keeps taskleak's `# noqa` codes, and what to add to its configuration if not.

ruff does not know taskleak's codes: its RUF100 (unused-noqa) and RUF102 (invalid-rule-code)
report a code they do not know, and `ruff check --fix` deletes it, unless the code starts with
an entry of ruff's `lint.external`. After `--add-noqa`, each edited file's ruff configuration is
read as ruff finds it: the nearest `.ruff.toml`, `ruff.toml` or `pyproject.toml` with a
`[tool.ruff]` table above the file (else the user's, `~/.config/ruff/`), its `lint.external`
(else the deprecated top-level `external`, else that of the file it `extend`s). Where the codes
written are not covered, the warning names the file and the exact TOML to add. A project without
a ruff configuration gets no warning: nothing there says ruff runs on it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from taskleak.config import ConfigError, read_toml
from taskleak.files.paths import relative_path
from taskleak.files.toml import tool_table
from taskleak.records import record
from taskleak.rules import CODE_PREFIX

NAMES = (".ruff.toml", "ruff.toml", "pyproject.toml")  # ruff's order in one folder
MAX_EXTENDS = 16  # a longer `extend` chain is surely a cycle ruff refuses too


@record(frozen=True)
class RuffConfig:
    path: Path
    external: tuple[str, ...]  # in effect for the files it configures
    lint_table: bool  # the file has a `lint` table already (the line goes under it)
    lint_external: bool  # ... with an `external` in it (the line replaces it)

    @property
    def header(self) -> str:
        return "[tool.ruff.lint]" if self.path.name == "pyproject.toml" else "[lint]"


def _ruff_table(path: Path, document: dict[str, Any]) -> dict[str, Any] | None:
    """ruff's part of a configuration file: `[tool.ruff]` of a pyproject.toml, else all."""
    return tool_table(document, "ruff") if path.name == "pyproject.toml" else document


def _user_folder() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "ruff"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "ruff"


def find_ruff_config(file: Path) -> tuple[Path, dict[str, Any]] | None:
    """The configuration file ruff uses for `file`, and its ruff table; None: ruff's
    defaults. ConfigError when the file found cannot be read."""
    for folder in Path(os.path.abspath(file)).parents:
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file():
                table = _ruff_table(candidate, read_toml(candidate))
                if table is not None:
                    return candidate, table
    user = _user_folder()
    for name in NAMES:
        if (user / name).is_file():
            table = _ruff_table(user / name, read_toml(user / name))
            return (user / name, table) if table is not None else None
    return None


def _own_external(table: dict[str, Any]) -> list[str] | None:
    lint = table.get("lint")
    for source in (lint if isinstance(lint, dict) else {}, table):
        value = source.get("external")
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
    return None


def ruff_config(file: Path) -> RuffConfig | None:
    """What ruff's configuration for `file` says of external codes (see the module)."""
    found = find_ruff_config(file)
    if found is None:
        return None
    path, table = found
    external = _own_external(table)
    here, seen = (path, table), {path.resolve()}
    while external is None and isinstance(here[1].get("extend"), str) and len(seen) < MAX_EXTENDS:
        # ruff's `extend`: a path from the extending file's folder; `~` and `$VAR` expanded
        base = Path(os.path.expandvars(os.path.expanduser(here[1]["extend"])))
        base = base if base.is_absolute() else here[0].parent / base
        if base.resolve() in seen or not base.is_file():
            break
        seen.add(base.resolve())
        based = _ruff_table(base, read_toml(base))
        if based is None:
            break
        here = (base, based)
        external = _own_external(based)
    lint = table.get("lint")
    return RuffConfig(path, tuple(external or ()), isinstance(lint, dict),
                      isinstance(lint, dict) and "external" in lint)


def _covered(code: str, external: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for prefix in external)  # ruff's own test


def advice(files: Iterable[Path], codes: Collection[str]) -> list[str]:
    """Warnings for the ruff configurations of `files` that would let ruff delete `# noqa`
    directives holding `codes`: each says which file and the TOML to add."""
    out: list[str] = []
    told: set[Path] = set()
    for file in files:
        try:
            config = ruff_config(file)
        except ConfigError as exc:
            message = f"warning: cannot tell whether ruff keeps `# noqa: TL...`: {exc}"
            if message not in out:
                out.append(message)
            continue
        if config is None or config.path in told:
            continue
        told.add(config.path)
        missing = sorted(c for c in codes if not _covered(c, config.external))
        if missing:
            out.append(_warning(config, missing))
    return out


def _warning(config: RuffConfig, missing: list[str]) -> str:
    where = relative_path(config.path)
    wanted = [*config.external, CODE_PREFIX]
    line = "external = [" + ", ".join(f'"{code}"' for code in wanted) + "]"
    if config.lint_external:
        how = f"in {where}, change `external` under {config.header} to"
    elif config.lint_table:
        how = f"in {where}, add under {config.header}"
    else:
        how = f"add to {where}"
    lines = [f"warning: ruff deletes `# noqa: {', '.join(missing)}` when its RUF100 or RUF102 "
             "rule is on (`ruff check --fix` removes codes it does not know); to keep "
             f"taskleak's codes, {how}:"]
    if not config.lint_table:
        lines.append(f"    {config.header}")
    lines.append(f"    {line}")
    return "\n".join(lines)
