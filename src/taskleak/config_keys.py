"""The keys of `[tool.taskleak]`: each key's validator, which turns a TOML value into
`Settings` fields or raises `ConfigError` naming the file and the key (`config.py` finds the
file and merges the command line onto what these give)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from taskleak.analysis.obligations.spawners import make_spawner, parse_spawner
from taskleak.fixes.project_style import valid_line_length
from taskleak.fixes.python_floor import parse_target
from taskleak.rules import CODE_PREFIX, RULES, Rule, rule_for
from taskleak.settings import (
    DEFAULT_NOQA_ALIASES,
    FAIL_ON_CHOICES,
    FORMAT_ALIASES,
    OUTPUT_FORMATS,
    Settings,
)

SECTION = "[tool.taskleak]"
_T = TypeVar("_T")


class ConfigError(Exception):
    """Bad configuration; the message names the file and the key (the CLI exits 2)."""


_FOREIGN_CODE = re.compile(r"^[A-Za-z]+[0-9]+$")


def settings_from_table(path: Path, table: dict[str, Any]) -> Settings:
    changes = _changes(table, path, lambda key: f"{path}: {SECTION} {key!r}",
                       f"{path}: {SECTION}")
    changes.update(project_root=path.parent.resolve(), config_file=path)
    extend = changes.pop("extend_per_file_ignores", ())
    changes["per_file_ignores"] = changes.get("per_file_ignores", ()) + extend
    return replace(Settings(), **changes)


def _changes(table: dict[str, Any], path: Path, where: Callable[[str], str],
             unknown_where: str) -> dict[str, Any]:
    """The `Settings` fields the keys of `table` set, each key validated."""
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        key = unknown[0]
        raise ConfigError(f"{unknown_where} unknown key {key!r}{_did_you_mean(key)}")
    changes: dict[str, Any] = {}
    for key, value in table.items():
        changes.update(_KEYS[key](where(key), path, value))
    return changes


def settings_with_values(settings: Settings, values: dict[str, Any]) -> Settings:
    """`--config "KEY = VALUE"` pairs on top of the file's settings, as a configuration of
    their own would be in ruff: a key replaces the file's value, but `ignore`, `extend-select`,
    `extend-exclude` and `extend-per-file-ignores` add to it, and `select` starts the selection
    afresh (the file's `ignore` and `extend-select` are dropped). A path (`baseline`) is taken
    from the current folder."""
    changes = _changes(values, Path.cwd() / "--config",
                       lambda key: f"--config {key!r}", "--config:")
    fresh = "select" in changes
    for name in ("ignore", "extend_select", "extend_exclude"):
        if name in changes and not (fresh and name != "extend_exclude"):
            changes[name] = dedupe(getattr(settings, name) + changes[name])
    if fresh:
        changes.setdefault("ignore", ())
        changes.setdefault("extend_select", ())
    if "per_file_ignores" in changes or "extend_per_file_ignores" in changes:
        changes["per_file_ignores"] = changes.get(
            "per_file_ignores", settings.per_file_ignores) + changes.pop(
            "extend_per_file_ignores", ())
    return replace(settings, **changes)


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


def foreign_code_rules(code: str) -> tuple[Rule, ...]:
    """taskleak's rules of the finding another linter's code names (ruff's RUF006,
    flake8-async's ASYNC300: the default `noqa-aliases`), or () for any other code."""
    for alias, names in DEFAULT_NOQA_ALIASES:
        if alias == code.strip().upper():
            return tuple(r for r in (rule_for(n) for n in names) if r is not None)
    return ()


def validated_selectors(where: str, selectors: Sequence[str]) -> tuple[str, ...]:
    """Rule codes, code prefixes, rule names (`task-discarded`), another linter's code for
    the same finding (`RUF006`) or `ALL`, as codes or prefixes; unknown ones are errors."""
    return dedupe(tuple(code for raw in selectors for code in _selector(where, raw)))


def _selector(where: str, raw: str) -> tuple[str, ...]:
    rule = rule_for(raw)
    if rule is not None:
        return (rule.code,)
    code = raw.strip().upper()
    if code == "ALL":
        return (CODE_PREFIX,)
    foreign = foreign_code_rules(code)
    if foreign:
        return tuple(r.code for r in foreign)
    if not code or not any(known.startswith(code) for known in RULES):
        raise ConfigError(f"{where}: unknown rule code {raw!r} (known: {_known()})")
    return (code,)


def _rule_code(where: str, raw: str) -> str:
    """One rule, by code or name (no prefix)."""
    rule = rule_for(raw)
    if rule is None:
        raise ConfigError(f"{where}: unknown rule code {raw!r} (known: {_known()})")
    return rule.code


def _known() -> str:
    return ", ".join(sorted(RULES))


def dedupe(items: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}" if not isinstance(value, (dict, list)) else kind


def _select(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"select": validated_selectors(where, _string_list(where, value))}


def _extend_select(where: str, path: Path, value: Any) -> dict[str, Any]:
    return {"extend_select": validated_selectors(where, _string_list(where, value))}


def _table(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table (got {_describe(value)})")
    return value


def _per_file_ignores(where: str, path: Path, value: Any) -> dict[str, Any]:
    entries = tuple((pattern, validated_selectors(f"{where} {pattern!r}",
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
    return {"ignore": validated_selectors(where, _string_list(where, value))}


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


def _helper_module(where: str, path: Path, value: Any) -> dict[str, Any]:
    if isinstance(value, str) and (value == "" or re.fullmatch(
            r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*", value)):
        return {"helper_module": value}
    raise ConfigError(f"{where} must be a module name: dotted like 'app.tasks', or without a "
                      f"dot for that module in each top-level package, or '' for a helper in "
                      f"each module (got {value!r})")


def _line_length(where: str, path: Path, value: Any) -> dict[str, Any]:
    length = valid_line_length(value)
    if length is None:
        raise ConfigError(f"{where} must be a whole number from 1 to 999 "
                          f"(got {_describe(value)})")
    return {"line_length": length}


def _target_version(where: str, path: Path, value: Any) -> dict[str, Any]:
    target = parse_target(value)
    if target is None:
        raise ConfigError(f"{where} must be a Python version like 'py38' or '3.8' "
                          f"(got {_describe(value)})")
    return {"target_version": target}


def _spawners(where: str, path: Path, value: Any) -> dict[str, Any]:
    """Strings `NAME[:PROMISE[:POSITION]]` or tables `{ name, promise, coroutine }`, made into
    spawners here, once a run (the analysis takes them as they are)."""
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list (got {_describe(value)})")
    for item in value:  # every item's shape first, then what each says
        if isinstance(item, dict):
            unknown = set(item) - {"name", "promise", "coroutine"}
            if unknown or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("promise", ""), str) \
                    or not isinstance(item.get("coroutine", 0), int):
                raise ConfigError(f"{where}: a spawner table has `name` (a string), and may "
                                  f"have `promise` (a string) and `coroutine` (a number): got "
                                  f"{_describe(item)}")
        elif not isinstance(item, str):
            raise ConfigError(f"{where}: each spawner is a string or a table "
                              f"(got {_describe(item)})")
    try:
        spawners = tuple(make_spawner(**item) if isinstance(item, dict) else parse_spawner(item)
                         for item in value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return {"spawners": dedupe(spawners)}


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
    return {"unsafe_fix_rules": dedupe(tuple(codes))}


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3,
          "gib": 1024**3}


def _max_file_size(where: str, path: Path, value: Any) -> dict[str, Any]:
    """Bytes, as a number or a string with a unit (`"2 MiB"`, `"500KB"`), at most what taskleak
    reads of a file at all (`files/source.py`)."""
    from taskleak.files.source import MAX_BYTES, human_size

    size = None
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    elif isinstance(value, str) and (m := _SIZE.fullmatch(value.strip())) is not None:
        size = int(float(m[1]) * _UNITS[(m[2] or "b").lower()])
    if size is None or not 0 < size <= MAX_BYTES:
        raise ConfigError(f"{where} must be a size from 1 byte to {human_size(MAX_BYTES)}, "
                          f"in bytes or like \"2 MiB\" or \"500 KB\" (got {_describe(value)})")
    return {"max_file_size": size}


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
    "helper-module": _helper_module,
    "line-length": _line_length,
    "target-version": _target_version,
    "baseline": _baseline,
    "unsafe-fixes": _unsafe_fixes,
    "extend-select": _extend_select,
    "per-file-ignores": _per_file_ignores,
    "extend-per-file-ignores": _extend_per_file_ignores,
    "force-exclude": _force_exclude,
    "noqa-aliases": _noqa_aliases,
    "output-format": _output_format,
    "max-file-size": _max_file_size,
}
