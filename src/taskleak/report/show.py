"""`--show-settings` and `--show-files`: what a run would use, without running it.

The settings are printed as `[tool.taskleak]` TOML (keys as in the configuration file), so a
line can be pasted into `pyproject.toml` as it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from taskleak.files.printable import printable
from taskleak.files.source import human_size
from taskleak.settings import Settings


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):  # a TOML string holds no lone surrogate: `\xe9` instead
        return json.dumps(printable(str(value)))
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if value is None:
        return '""  # not set'
    return json.dumps(value)


def _table(pairs: Sequence[tuple[str, Sequence[str]]]) -> str:
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in pairs) + "}"


def _opt_in() -> str:
    """The rules off unless selected, as `CODE (name)`."""
    from taskleak.rules import RULES

    return ", ".join(f"{r.code} ({r.name})" for r in RULES.values()
                     if not r.default_enabled) or "none"


def settings_lines(settings: Settings) -> list[str]:
    """The settings as `[tool.taskleak]` lines, after where they came from."""
    source = settings.config_file or "no configuration file: the defaults"
    unsafe: object = settings.unsafe_fixes or list(settings.unsafe_fix_rules)
    return [
        f"# settings from {source}",
        f"# project root: {settings.project_root or Path.cwd()}",
        "[tool.taskleak]",
        f"select = {_toml(settings.select)}  # empty: every rule but the opt-in ones: "
        f"{_opt_in()}",
        f"extend-select = {_toml(settings.extend_select)}",
        f"ignore = {_toml(settings.ignore)}",
        f"per-file-ignores = {_table(settings.per_file_ignores)}  # extend-per-file-ignores "
        "included",
        f"fail-on = {_toml(settings.fail_on)}",
        f"exclude = {_toml(settings.exclude)}",
        f"extend-exclude = {_toml(settings.extend_exclude)}",
        f"force-exclude = {_toml(settings.force_exclude)}",
        f"respect-gitignore = {_toml(settings.respect_gitignore)}",
        f"spawners = {_toml(tuple(s.spec for s in settings.spawners))}",
        f"keep-helper = {_toml(settings.keep_helper)}",
        f"spawn-helper = {_toml(settings.spawn_helper)}",
        f"helper-module = {_toml(settings.helper_module)}  # a name without a dot: in each "
        'top-level package; "": a helper in each module',
        *_style_lines(settings),
        f"baseline = {_toml(settings.baseline)}",
        f"unsafe-fixes = {_toml(unsafe)}",
        f"noqa-aliases = {_table(settings.noqa_aliases)}",
        f"output-format = {_toml(settings.output_format or 'full')}",
        f"max-file-size = {settings.max_file_size}  # bytes: "
        f"{human_size(settings.max_file_size)}",
    ]


def _style_lines(settings: Settings) -> list[str]:
    """`line-length` and `target-version`: set, or what the project's files give its root."""
    from taskleak.fixes.project_style import line_length_for
    from taskleak.fixes.python_floor import target_for

    root = settings.project_root or Path.cwd()
    length, target = settings.line_length, settings.target_version
    return [f"line-length = {length or line_length_for(root)}"
            + ("" if length else "  # from ruff's, black's, flake8's or pycodestyle's "
                                 "configuration, else 88"),
            f'target-version = "py3{(target or target_for(root))[1]}"'
            + ("" if target else "  # the lowest the project declares, else 3.9")]


def render_settings(settings: Settings) -> str:
    return "".join(line + "\n" for line in settings_lines(settings))


def render_files(files: Sequence[str]) -> str:
    return "".join(printable(f) + "\n" for f in sorted(files))
