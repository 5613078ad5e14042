"""`[tool.taskleak]` configuration: find it, validate it, and merge the command line onto it.

Discovery works like ruff and black: from the common parent of the checked paths, walk up to the
first `pyproject.toml` that has a `[tool.taskleak]` table (files without the table are passed
over). `--config FILE` names the file instead (a `pyproject.toml`, or any TOML file whose top
level holds the same keys); `--isolated` ignores configuration files altogether. As in ruff,
`--config "KEY = VALUE"` sets one key over whatever file is used (`config_keys`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from taskleak.analysis.obligations.spawners import parse_spawner
from taskleak.config_keys import (
    SECTION,
    ConfigError,
    dedupe,
    settings_from_table,
    settings_with_values,
    validated_selectors,
)
from taskleak.files.paths import common_folder
from taskleak.files.regular import read_regular
from taskleak.files.toml import tomllib
from taskleak.records import record
from taskleak.settings import FAIL_ON_CHOICES, Settings

__all__ = ["SECTION", "CliOverrides", "ConfigError", "config_arguments", "find_config",
           "load_config", "merge_overrides", "resolve_settings"]

# tomllib and difflib are imported when a file is read or a key is misspelt: most runs of a
# project without configuration need neither.

PYPROJECT = "pyproject.toml"


@record(frozen=True)
class CliOverrides:
    """Settings given on the command line; None means "not given, keep the file's value"."""

    select: tuple[str, ...] | None = None  # replaces the file's select and ignore (like ruff)
    extend_select: tuple[str, ...] | None = None  # added to the file's extend-select
    ignore: tuple[str, ...] | None = None  # added to the file's ignore
    fail_on: str | None = None
    exclude: tuple[str, ...] | None = None  # replaces the file's (and the default) exclude
    extend_exclude: tuple[str, ...] | None = None  # added to the file's extend-exclude
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    spawners: tuple[str, ...] | None = None  # added to the file's spawners
    baseline: Path | None = None
    unsafe_fixes: bool | None = None
    ignore_noqa: bool | None = None
    # `--config "KEY = VALUE"`: keys of the configuration over the file's, under the flags
    values: tuple[tuple[str, Any], ...] = ()


def config_arguments(arguments: Sequence[str]) -> tuple[Path | None, tuple[tuple[str, Any], ...]]:
    """ruff's `--config`: each argument is a configuration file (one at most) or a TOML
    `KEY = VALUE` pair; (the file, the pairs in order). A path that is no file, or text that is
    not TOML, is a ConfigError saying which it looked like."""
    files: list[Path] = []
    values: dict[str, Any] = {}
    for argument in arguments:
        if Path(argument).is_file():
            files.append(Path(argument))
        elif argument.strip().endswith(".toml") and "=" not in argument:
            raise ConfigError(f"--config {argument!r}: no such configuration file (a "
                              "`--config` is a file or a TOML `KEY = VALUE` pair)")
        else:
            for key, value in _pairs(argument):  # tables given piece by piece are merged
                old = values.get(key)
                if isinstance(old, dict) and isinstance(value, dict):
                    value = {**old, **value}
                values[key] = value
    if len(files) > 1:
        raise ConfigError(f"--config: one configuration file at most (got "
                          f"{' and '.join(map(str, files))})")
    return (files[0] if files else None), tuple(values.items())


def _pairs(argument: str) -> list[tuple[str, Any]]:
    parser = tomllib()
    try:
        return list(parser.loads(argument).items())
    except parser.TOMLDecodeError as exc:
        raise ConfigError(f"--config {argument!r} is neither a file nor a TOML `KEY = VALUE` "
                          f"pair: {exc}") from None


def resolve_settings(
    paths: Sequence[Path],
    *,
    config: Path | None = None,
    isolated: bool = False,
    overrides: CliOverrides | None = None,
) -> Settings:
    """Defaults, then the configuration file (found or given), then the command line."""
    if config is not None and isolated:
        raise ConfigError("--config and --isolated cannot be used together")
    if isolated:
        settings = Settings()
    elif config is not None:
        settings = load_config(config)
    else:
        found = _find(paths)  # read once: a long spawner list takes a while to parse
        settings = _load(*found) if found is not None else Settings()
    return merge_overrides(settings, overrides) if overrides is not None else settings


def find_config(paths: Sequence[Path]) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.taskleak]` table above the checked paths."""
    found = _find(paths)
    return found[0] if found is not None else None


def _find(paths: Sequence[Path]) -> tuple[Path, dict[str, Any]] | None:
    for folder in _ancestors(common_folder(paths)):
        candidate = folder / PYPROJECT
        if candidate.is_file():
            document = read_toml(candidate)
            if _taskleak_table(candidate, document) is not None:
                return candidate, document
    return None


def load_config(path: Path) -> Settings:
    """Settings from one configuration file; raises ConfigError naming the file and key."""
    return _load(path, read_toml(path))


def _load(path: Path, document: dict[str, Any]) -> Settings:
    table = _taskleak_table(path, document)
    if table is None:
        if path.name == PYPROJECT:
            raise ConfigError(f"{path}: no {SECTION} table")
        table = document  # a standalone taskleak TOML file: keys at the top level
    return settings_from_table(path, table)


def merge_overrides(settings: Settings, overrides: CliOverrides) -> Settings:
    """The file's settings with the command line's on top: the command line wins."""
    changes: dict[str, Any] = {}
    o = overrides
    if o.values:  # a layer of their own, under the flags (ruff's order)
        settings = settings_with_values(settings, dict(o.values))
    if o.select is not None:
        changes["select"] = validated_selectors("--select", o.select)
        changes["ignore"] = ()
        changes["extend_select"] = ()  # as ruff: the file's extend-select added to its select
    if o.extend_select is not None:
        changes["extend_select"] = dedupe(
            changes.get("extend_select", settings.extend_select)
            + validated_selectors("--extend-select", o.extend_select))
    if o.ignore is not None:
        base = changes.get("ignore", settings.ignore)
        changes["ignore"] = dedupe(base + validated_selectors("--ignore", o.ignore))
    if o.fail_on is not None:
        if o.fail_on not in FAIL_ON_CHOICES:
            raise ConfigError(
                f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)} (got {o.fail_on!r})"
            )
        changes["fail_on"] = o.fail_on
    if o.exclude is not None:
        changes["exclude"] = o.exclude
    if o.extend_exclude is not None:
        changes["extend_exclude"] = dedupe(settings.extend_exclude + o.extend_exclude)
    if o.respect_gitignore is not None:
        changes["respect_gitignore"] = o.respect_gitignore
    if o.force_exclude is not None:
        changes["force_exclude"] = o.force_exclude
    if o.spawners is not None:  # the command line's strings, made into spawners here only
        try:
            given = tuple(parse_spawner(spec) for spec in o.spawners)
        except ValueError as exc:
            raise ConfigError(f"--spawner: {exc}") from None
        changes["spawners"] = dedupe(settings.spawners + given)
    if o.baseline is not None:
        changes["baseline"] = o.baseline
    if o.unsafe_fixes is not None:
        changes["unsafe_fixes"] = o.unsafe_fixes
    if o.ignore_noqa:
        changes["ignore_noqa"] = True
    return replace(settings, **changes)


# --- reading ---------------------------------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's document; a ConfigError names the file and what is wrong with it."""
    parser = tomllib()
    try:
        # a regular file only: a FIFO named pyproject.toml would block the read
        document: dict[str, Any] = parser.loads(read_regular(path).decode("utf-8"))
        return document
    except parser.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None


def _taskleak_table(path: Path, document: dict[str, Any]) -> dict[str, Any] | None:
    tool = document.get("tool")
    if not isinstance(tool, dict) or "taskleak" not in tool:
        return None
    table = tool["taskleak"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.taskleak' must be a table")
    return table


def _ancestors(folder: Path) -> list[Path]:
    return [folder, *folder.parents]
