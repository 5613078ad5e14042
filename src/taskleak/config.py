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

from taskleak.analysis.spawners import parse_spawner, spawner_spec
from taskleak.rules import CODE_PREFIX, RULES, rule_for
from taskleak.settings import FAIL_ON_CHOICES, FORMAT_ALIASES, OUTPUT_FORMATS, Settings

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
    if o.extend_select is not None:
        changes["extend_select"] = _dedupe(
            settings.extend_select + _validated_selectors("--extend-select", o.extend_select))
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
    if o.force_exclude is not None:
        changes["force_exclude"] = o.force_exclude
    if o.spawners is not None:
        for spec in o.spawners:
            try:
                parse_spawner(spec)
            except ValueError as exc:
                raise ConfigError(f"--spawner: {exc}") from None
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

_FOREIGN_CODE = re.compile(r"^[A-Za-z]+[0-9]+$")


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
    extend = changes.pop("extend_per_file_ignores", ())
    changes["per_file_ignores"] = changes.get("per_file_ignores", ()) + extend
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
    """Rule codes, code prefixes, rule names (`task-discarded`) or `ALL`, as codes or
    prefixes; unknown ones are errors."""
    return _dedupe(tuple(_selector(where, raw) for raw in selectors))


def _selector(where: str, raw: str) -> str:
    rule = rule_for(raw)
    if rule is not None:
        return rule.code
    code = raw.strip().upper()
    if code == "ALL":
        return CODE_PREFIX
    if not code or not any(known.startswith(code) for known in RULES):
        raise ConfigError(f"{where}: unknown rule code {raw!r} (known: {_known()})")
    return code


def _rule_code(where: str, raw: str) -> str:
    """One rule, by code or name (no prefix)."""
    rule = rule_for(raw)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule code {raw!r} (known: {_known()})")
    return rule.code


def _known() -> str:
    return ", ".join(sorted(RULES))


def _dedupe(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if not isinstance(value, (dict, list)) else kind


def _select(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"select": _validated_selectors(where, _string_list(where, value))}


def _extend_select(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"extend_select": _validated_selectors(where, _string_list(where, value))}


def _table(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table (got {_describe(value)})")
    return value


def _per_file_ignores(where: str, path: Path, value: Any) -> dict[str, Any]:
    entries = tuple((pattern, _validated_selectors(f"{where} {pattern!r}",
                                                   _string_list(f"{where} {pattern!r}", codes)))
                    for pattern, codes in _table(where, value).items())
    return {"per_file_ignores": entries}


def _extend_per_file_ignores(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"extend_per_file_ignores": _per_file_ignores(where, path, value)["per_file_ignores"]}


def _force_exclude(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"force_exclude": _bool(where, value)}


def _noqa_aliases(where: str, path: Path, value: Any) -> dict[str, Any]:
    out = []
    for code, rules in _table(where, value).items():
        if not _FOREIGN_CODE.match(code):
            raise ConfigError(f"{where}: {code!r} is not a noqa code like 'RUF006'")
        names = _string_list(f"{where} {code!r}", rules)
        out.append((code.upper(), tuple(_rule_code(f"{where} {code!r}", n) for n in names)))
    return {"noqa_aliases": tuple(out)}


def _output_format(where: str, path: Path, value: Any) -> dict[str, Any]:
    value = FORMAT_ALIASES.get(value, value) if isinstance(value, str) else value
    if value not in OUTPUT_FORMATS:
        raise ConfigError(f"{where} must be one of {', '.join(map(repr, OUTPUT_FORMATS))} "
                          f"(got {_describe(value)})")
    return {"output_format": value}


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


def _helper(where: str, path: Path, value: Any, field: str = "keep_helper") -> dict[str, Any]:
    if isinstance(value, str) and re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+", value):
        return {field: value}  # the project's own `pkg.module.function` (docs/fixes.md)
    raise ConfigError(f"{where} must be a dotted name like 'app.tasks.keep' (got {value!r})")


def _spawners(where: str, path: Path, value: Any) -> dict[str, Any]:
    """Strings `NAME[:PROMISE[:POSITION]]` or tables `{ name, promise, coroutine }`."""
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list (got {_describe(value)})")
    specs: list[str] = []
    for item in value:
        if isinstance(item, dict):
            unknown = set(item) - {"name", "promise", "coroutine"}
            if unknown or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("promise", ""), str) \
                    or not isinstance(item.get("coroutine", 0), int):
                raise ConfigError(f"{where}: a spawner table has `name` (a string), and may "
                                  f"have `promise` (a string) and `coroutine` (a number): got "
                                  f"{_describe(item)}")
            specs.append(spawner_spec(item["name"], item.get("promise"), item.get("coroutine")))
        elif isinstance(item, str):
            specs.append(item)
        else:
            raise ConfigError(f"{where}: each spawner is a string or a table "
                              f"(got {_describe(item)})")
    for spec in specs:
        try:
            parse_spawner(spec)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return {"spawners": _dedupe(tuple(specs))}


def _baseline(where: str, path: Path, value: Any) -> dict[str, Any]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a file path string (got {_describe(value)})")
    # relative to the configuration file, not to wherever taskleak happens to run
    return {"baseline": (path.parent / value).resolve()}


def _unsafe_fixes(where: str, path: Path, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"unsafe_fixes": value}
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be true, false or a list of rule codes "
                          f"(got {_describe(value)})")
    codes = [_rule_code(where, raw) for raw in _string_list(where, value)]
    for code in codes:  # a rule whose fixes can be unsafe (cancel-in-close: when it repeats)
        if not any(f.can_be_unsafe for f in RULES[code].fixes):
            raise ConfigError(f"{where}: {code} has no unsafe fix to opt into")
    return {"unsafe_fix_rules": _dedupe(tuple(codes))}


_KEYS: dict[str, Callable[[str, Path, Any], dict[str, Any]]] = {
    "select": _select,
    "ignore": _ignore,
    "fail-on": _fail_on,
    "exclude": _exclude,
    "extend-exclude": _extend_exclude,
    "respect-gitignore": _respect_gitignore,
    "spawners": _spawners,
    "keep-helper": _helper,
    "spawn-helper": lambda where, path, value: _helper(where, path, value, "spawn_helper"),
    "baseline": _baseline,
    "unsafe-fixes": _unsafe_fixes,
    "extend-select": _extend_select,
    "per-file-ignores": _per_file_ignores,
    "extend-per-file-ignores": _extend_per_file_ignores,
    "force-exclude": _force_exclude,
    "noqa-aliases": _noqa_aliases,
    "output-format": _output_format,
}
