"""The pytest plugin's marker and settings, read from the command line and the ini file.

Its own module so that both halves of the plugin import it and neither imports the other:
`taskleak.pytest_plugin` (the entry point pytest loads, which registers the options) and
`taskleak.runtime.checks` (the checks, loaded only when the plugin is on).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.records import record

MARKER = "taskleak_allow"
ACTIONS = ("fail", "warn")
WHEN = ("teardown", "call")


@record(frozen=True)
class PluginSettings:
    action: str
    grace: float
    ignore: tuple[str, ...]
    report: Path | None
    collect_garbage: bool = True
    when: str = "teardown"
    # modules or packages whose frames are never a creation site (the project's spawn helpers)
    internal_packages: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: pytest.Config) -> PluginSettings:
        action = config.getoption("taskleak_action") or str(config.getini("taskleak_action"))
        if action not in ACTIONS:
            raise pytest.UsageError(f"taskleak_action must be fail or warn, got {action!r}")
        when = config.getoption("taskleak_when") or str(config.getini("taskleak_when")).strip()
        if when not in WHEN:
            raise pytest.UsageError(f"taskleak_when must be teardown or call, got {when!r}")
        return cls(
            action,
            _grace(config),
            tuple(str(x) for x in config.getini("taskleak_ignore")),
            _report(config),
            bool(config.getini("taskleak_gc")),
            when,
            tuple(str(x) for x in config.getini("taskleak_internal_packages")),
        )


def _grace(config: pytest.Config) -> float:
    raw_grace = str(config.getini("taskleak_grace")).strip() or "0"
    try:
        grace = float(raw_grace)
    except ValueError:
        grace = -1.0
    if not grace >= 0:  # also rejects nan
        raise pytest.UsageError(
            f"taskleak_grace must be a number of seconds >= 0, got {raw_grace!r}"
        )
    return grace


def _report(config: pytest.Config) -> Path | None:
    """The runtime report file: the command line's, relative to where pytest was started, else
    the ini file's, relative to that file."""
    cli_report = config.getoption("taskleak_report")
    ini_report = str(config.getini("taskleak_report")).strip()
    if cli_report:
        return config.invocation_params.dir / str(cli_report)
    if ini_report:
        base = config.inipath.parent if config.inipath else config.rootpath
        return base / ini_report
    return None
