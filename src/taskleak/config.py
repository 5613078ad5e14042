"""`[tool.taskleak]` configuration: find it, validate it, and merge the command line onto it.

Discovery works like ruff and black: from the common parent of the checked paths, walk up to the
first `pyproject.toml` that has a `[tool.taskleak]` table (files without the table are passed
over). `--config FILE` names the file instead (a `pyproject.toml`, or any TOML file whose top
level holds the same keys); `--isolated` ignores configuration files altogether.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from taskleak.rules import RULES
from taskleak.settings import FAIL_ON_CHOICES, Settings

# tomllib and difflib are imported when a file is read or a key is misspelt: most runs of a
# project without configuration need neither.

PYPROJECT = "pyproject.toml"
SECTION = "[tool.taskleak]"


class ConfigError(Exception):
    """Bad configuration; the message names the file and the key (the CLI exits 2)."""


@dataclass(frozen=True)
class CliOverrides:
    """Settings given on the command line; None means "not given, keep the file's value"."""

    select: tuple[str, ...] | None = None  # replaces the file's select and ignore (like ruff)
    ignore: tuple[str, ...] | None = None  # added to the file's ignore
    fail_on: str | None = None
    exclude: tuple[str, ...] | None = None  # replaces the file's (and the default) exclude
    extend_exclude: tuple[str, ...] | None = None  # added to the file's extend-exclude
    respect_gitignore: bool | None = None
    spawners: tuple[str, ...] | None = None  # added to the file's spawners
    baseline: Path | None = None
    unsafe_fixes: bool | None = None


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
        found = find_config(paths)
        settings = load_config(found) if found is not None else Settings()
    return merge_overrides(settings, overrides) if overrides is not None else settings


def find_config(paths: Sequence[Path]) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.taskleak]` table above the checked paths."""
    for folder in _ancestors(_common_parent(paths)):
        candidate = folder / PYPROJECT
        if candidate.is_file() and _taskleak_table(candidate, _read_toml(candidate)) is not None:
            return candidate
    return None


def load_config(path: Path) -> Settings:
    """Settings from one configuration file; raises ConfigError naming the file and key."""
    document = _read_toml(path)
    table = _taskleak_table(path, document)
    if table is None:
        if path.name == PYPROJECT:
            raise ConfigError(f"{path}: no {SECTION} table")
        table = document  # a standalone taskleak TOML file: keys at the top level
    return _settings_from_table(path, table)


def merge_overrides(settings: Settings, overrides: CliOverrides) -> Settings:
    """The file's settings with the command line's on top: the command line wins."""
    changes: dict[str, Any] = {}
    o = overrides
    if o.select is not None:
        changes["select"] = _validated_selectors("--select", o.select)
        changes["ignore"] = ()
    if o.ignore is not None:
        base = changes.get("ignore", settings.ignore)
        changes["ignore"] = _dedupe(base + _validated_selectors("--ignore", o.ignore))
    if o.fail_on is not None:
        if o.fail_on not in FAIL_ON_CHOICES:
            raise ConfigError(
                f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)} (got {o.fail_on!r})"
            )
        changes["fail_on"] = o.fail_on
    if o.exclude is not None:
        changes["exclude"] = o.exclude
    if o.extend_exclude is not None:
        changes["extend_exclude"] = _dedupe(settings.extend_exclude + o.extend_exclude)
    if o.respect_gitignore is not None:
        changes["respect_gitignore"] = o.respect_gitignore
    if o.spawners is not None:
        for name in o.spawners:
            if not _DOTTED_NAME.match(name):
                raise ConfigError(f"--spawner {name!r} is not a dotted name like 'hass.spawn'")
        changes["spawners"] = _dedupe(settings.spawners + o.spawners)
    if o.baseline is not None:
        changes["baseline"] = o.baseline
    if o.unsafe_fixes is not None:
        changes["unsafe_fixes"] = o.unsafe_fixes
    return replace(settings, **changes)


# --- reading ---------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        with path.open("rb") as handle:
            document: dict[str, Any] = tomllib.load(handle)
            return document
    except tomllib.TOMLDecodeError as exc:
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


def _common_parent(paths: Sequence[Path]) -> Path:
    if not paths:
        return Path.cwd()
    absolute = [Path(os.path.abspath(p)) for p in paths]
    folders = [p if p.is_dir() else p.parent for p in absolute]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _ancestors(folder: Path) -> list[Path]:
    return [folder, *folder.parents]


# --- validation ------------------------------------------------------------------------------

_DOTTED_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


def _settings_from_table(path: Path, table: dict[str, Any]) -> Settings:
    def where(key: str) -> str:
        return f"{path}: {SECTION} {key!r}"

    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        key = unknown[0]
        raise ConfigError(f"{path}: {SECTION} unknown key {key!r}{_did_you_mean(key)}")
    changes: dict[str, Any] = {"project_root": path.parent.resolve(), "config_file": path}
    for key, value in table.items():
        changes.update(_KEYS[key](where(key), path, value))
    return replace(Settings(), **changes)


def _did_you_mean(key: str) -> str:
    import difflib

    matches = difflib.get_close_matches(key.replace("_", "-").lower(), _KEYS, n=1)
    return f" (did you mean {matches[0]!r}?)" if matches else f" (known keys: {', '.join(_KEYS)})"


def _string_list(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings (got {_describe(value)})")
    return tuple(value)


def _bool(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false (got {_describe(value)})")
    return value


def _validated_selectors(where: str, selectors: Sequence[str]) -> tuple[str, ...]:
    """Rule codes or code prefixes, upper-cased; unknown ones are errors."""
    out = []
    for raw in selectors:
        code = raw.strip().upper()
        if not code or not any(known.startswith(code) for known in RULES):
            raise ConfigError(
                f"{where}: unknown rule code {raw!r} (known: {', '.join(sorted(RULES))})"
            )
        out.append(code)
    return _dedupe(tuple(out))


def _dedupe(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if not isinstance(value, (dict, list)) else kind


def _select(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"select": _validated_selectors(where, _string_list(where, value))}


def _ignore(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"ignore": _validated_selectors(where, _string_list(where, value))}


def _fail_on(where: str, path: Path, value: Any) -> dict[str, Any]:
    if not isinstance(value, str) or value not in FAIL_ON_CHOICES:
        raise ConfigError(
            f"{where} must be one of {', '.join(map(repr, FAIL_ON_CHOICES))} "
            f"(got {_describe(value)})"
        )
    return {"fail_on": value}


def _exclude(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"exclude": _string_list(where, value)}


def _extend_exclude(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"extend_exclude": _string_list(where, value)}


def _respect_gitignore(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"respect_gitignore": _bool(where, value)}


def _helper(field: str) -> Callable[[str, Path, Any], dict[str, Any]]:
    def read(where: str, path: Path, value: Any) -> dict[str, Any]:
        if not isinstance(value, str) or not _DOTTED_NAME.match(value) or "." not in value:
            raise ConfigError(f"{where} must be a dotted name like 'app.tasks.keep' "
                              f"(got {_describe(value)})")
        return {field: value}

    return read


def _spawners(where: str, path: Path, value: Any) -> dict[str, Any]:
    names = _string_list(where, value)
    for name in names:
        if not _DOTTED_NAME.match(name):
            raise ConfigError(
                f"{where}: {name!r} is not a dotted name like 'hass.async_create_task'"
            )
    return {"spawners": _dedupe(names)}


def _baseline(where: str, path: Path, value: Any) -> dict[str, Any]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a file path string (got {_describe(value)})")
    # relative to the configuration file, not to wherever taskleak happens to run
    return {"baseline": (path.parent / value).resolve()}


def _unsafe_fixes(where: str, path: Path, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"unsafe_fixes": value}
    if isinstance(value, list):
        codes = _string_list(where, value)
        out = []
        for raw in codes:
            code = raw.strip().upper()
            rule = RULES.get(code)
            if rule is None:
                raise ConfigError(
                    f"{where}: unknown rule code {raw!r} (known: {', '.join(sorted(RULES))})"
                )
            if not any(f.can_be_unsafe for f in rule.fixes):
                raise ConfigError(f"{where}: {code} has no unsafe fix to opt into")
            out.append(code)
        return {"unsafe_fix_rules": _dedupe(tuple(out))}
    raise ConfigError(
        f"{where} must be true, false or a list of rule codes (got {_describe(value)})"
    )


_KEYS: dict[str, Callable[[str, Path, Any], dict[str, Any]]] = {
    "select": _select,
    "ignore": _ignore,
    "fail-on": _fail_on,
    "exclude": _exclude,
    "extend-exclude": _extend_exclude,
    "respect-gitignore": _respect_gitignore,
    "spawners": _spawners,
    "keep-helper": _helper("keep_helper"),
    "spawn-helper": _helper("spawn_helper"),
    "baseline": _baseline,
    "unsafe-fixes": _unsafe_fixes,
}
