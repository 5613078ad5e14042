"""The command line's values, typed: one frozen record built once from click's parameters
(`CliArgs.from_params`) and passed down through `cli.py`, instead of a dict of strings.

A field per option of `check` and `fix` (`cli_options.py` declares them; `fix` leaves
`check`'s own at their defaults); a test holds the two together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from taskleak.config import CliOverrides, config_arguments
from taskleak.records import record


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select A,B --select C` -> ("A", "B", "C"); nothing given -> None."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip()) or None


@record(frozen=True)
class CliArgs:
    # what to check and how (`check` and `fix`)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    spawners: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    config: tuple[str, ...] = ()  # files and `KEY = VALUE` pairs: `config_file`, `overrides`
    isolated: bool = False
    ignore_noqa: bool = False
    stdin_filename: Path | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    exit_non_zero_on_fix: bool = False
    unsafe_fixes: bool | None = None
    show_diff: bool = False
    show_fixes: bool = False
    no_cache: bool = False
    project_context: bool = True
    color: str = "auto"
    quiet: bool = False
    silent: bool = False
    verbose: bool = False
    # `check`'s own
    fmt: str | None = None
    output_file: Path | None = None
    show_low: bool | None = None
    statistics: bool = False
    show_files: bool = False
    show_settings: bool = False
    show_unused_noqa: bool = False
    strict: bool = False
    add_noqa: bool = False
    watch: bool = False
    baseline_file: Path | None = None
    write_baseline_file: Path | None = None
    runtime_report: Path | None = None
    jobs: int | None = None
    cache_dir: Path | None = None
    apply_fixes: bool = False
    fix_only: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> CliArgs:
        """The record of a command's parameters (click's names); a parameter with no field is
        a bug of ours, said at once."""
        unknown = sorted(set(params) - {f.name for f in fields(cls)})
        if unknown:
            raise TypeError(f"command-line parameters without a field: {', '.join(unknown)}")
        return cls(**params)

    @property
    def config_file(self) -> Path | None:
        """The configuration file `--config` names (ConfigError: a bad `--config`)."""
        return config_arguments(self.config)[0]

    def overrides(self) -> CliOverrides:
        """The settings the command line sets, on top of the configuration's (ConfigError: a
        bad `--config`)."""
        return CliOverrides(
            values=config_arguments(self.config)[1],
            select=_split(self.select), extend_select=_split(self.extend_select),
            ignore=_split(self.ignore), fail_on=self.fail_on, exclude=_split(self.exclude),
            extend_exclude=_split(self.extend_exclude), force_exclude=self.force_exclude,
            spawners=_split(self.spawners), respect_gitignore=self.respect_gitignore,
            baseline=self.baseline_file, unsafe_fixes=self.unsafe_fixes,
            ignore_noqa=self.ignore_noqa)
