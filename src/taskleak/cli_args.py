"""The command line's options as one typed record, built once from click's parameters.

`check` and `fix` share most options (`cli_options.py`); an option a command does not have
keeps its default here. A parameter click passes that has no field is a programming error
(an option added to `cli_options.py` and not here), raised at once, not a silent `KeyError`
later.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class CliArgs:
    # the rule selection and the files (both commands)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    spawners: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    config_file: Path | None = None
    isolated: bool = False
    ignore_noqa: bool = False
    stdin_filename: Path | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    exit_non_zero_on_fix: bool = False
    unsafe_fixes: bool | None = None
    show_diff: bool = False
    color: str = "auto"
    no_cache: bool = False
    jobs: int | None = None
    cache_dir: Path | None = None
    # what is printed
    fmt: str | None = None
    output_file: Path | None = None
    show_low: bool | None = None
    show_fixes: bool = False
    statistics: bool = False
    quiet: bool = False
    silent: bool = False
    verbose: bool = False
    # `check` only
    show_files: bool = False
    show_settings: bool = False
    show_unused_noqa: bool = False
    add_noqa: bool = False
    watch: bool = False
    baseline_file: Path | None = None
    write_baseline_file: Path | None = None
    runtime_report: Path | None = None
    apply_fixes: bool = False
    fix_only: bool = False

    @classmethod
    def from_click(cls, params: dict[str, Any]) -> CliArgs:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(params) - known)
        if unknown:
            raise TypeError(f"options with no field in CliArgs: {', '.join(unknown)}")
        return cls(**params)
