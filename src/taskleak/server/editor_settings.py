"""The editor's settings for taskleak: what they may override, and how they are read.

They come, later ones winning key by key, from the `initialize` request's
`initializationOptions.settings`, from `workspace/didChangeConfiguration` (`settings.taskleak`),
and from `workspace/configuration` (section `taskleak`, asked per workspace folder when the
client can answer). Keys are camelCase, like ruff's:

- `select`, `ignore`: rule codes or prefixes (replace / extend the configuration file's, as the
  command line's `--select` / `--ignore` do);
- `failOn`: `high`, `medium`, `low` or `none`: findings below it are shown as Information;
- `unsafeFixes`: `true` lets fix-all apply unsafe fixes too (the file's `unsafe-fixes` also does);
- `lowSeverity`: how low rows are shown: `hint` (default), `information` or `off`;
- `debounce`: milliseconds between the last keystroke and a pushed check (default 150).

A value of the wrong type is reported (a message naming the key) and ignored; rule codes and
`failOn` are checked with the configuration file's rules when the settings are applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from enum import Enum
from typing import Any

from taskleak.config import CliOverrides
from taskleak.records import record

SECTION = "taskleak"
DEFAULT_DEBOUNCE_MS = 150


class LowSeverity(Enum):
    HINT = "hint"
    INFORMATION = "information"
    OFF = "off"


@record(frozen=True)
class EditorSettings:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    unsafe_fixes: bool | None = None
    low_severity: LowSeverity = LowSeverity.HINT
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def overrides(self) -> CliOverrides:
        """What these settings change in the configuration file's settings."""
        return CliOverrides(select=self.select, ignore=self.ignore, fail_on=self.fail_on,
                            unsafe_fixes=self.unsafe_fixes)


@record
class Parsed:
    settings: EditorSettings
    problems: list[str] = field(default_factory=list)


def _codes(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(p.strip() for v in value for p in v.split(",") if p.strip())
    return None


def _choice(value: Any, kind: type[Enum]) -> Any:
    try:
        return kind(str(value).lower())
    except ValueError:
        return None


_KEYS: dict[str, tuple[str, Any]] = {  # camelCase key -> (field, reader returning None if bad)
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "failOn": ("fail_on", lambda v: v.lower() if isinstance(v, str) else None),
    "unsafeFixes": ("unsafe_fixes", lambda v: v if isinstance(v, bool) else None),
    "lowSeverity": ("low_severity", lambda v: _choice(v, LowSeverity)),
    "debounce": ("debounce_ms",
                 lambda v: v if isinstance(v, int) and not isinstance(v, bool) and v >= 0
                 else None),
}


def parse_settings(raw: Any, base: EditorSettings | None = None) -> Parsed:
    """`raw` (a JSON object) on top of `base`; unknown keys and bad values are reported."""
    out = Parsed(base or EditorSettings())
    if raw is None:
        return out
    if not isinstance(raw, Mapping):
        out.problems.append(f"settings must be an object (got {type(raw).__name__})")
        return out
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _KEYS:
            out.problems.append(f"unknown setting {key!r} (known: {', '.join(_KEYS)})")
            continue
        if value is None:
            continue
        name, read = _KEYS[key]
        parsed = read(value)
        if parsed is None:
            out.problems.append(f"setting {key!r}: bad value {value!r}")
        else:
            changes[name] = parsed
    out.settings = replace(out.settings, **changes)
    return out


def settings_in(options: Any) -> Any:
    """The taskleak settings inside `initializationOptions` or a `didChangeConfiguration`
    payload: `{"settings": {...}}`, `{"taskleak": {...}}` or `{"settings": {"taskleak": ...}}`;
    None when it holds none."""
    if not isinstance(options, Mapping):
        return None
    for key in ("settings", SECTION):
        inner = options.get(key)
        if isinstance(inner, Mapping):
            nested = inner.get(SECTION)
            return nested if isinstance(nested, Mapping) else inner
    return None
