"""The library API's typed options and outcome: what `taskleak.api.check` and `fix` take and
give back (the command line builds them from its flags; the language server from a buffer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.config import CliOverrides
from taskleak.model import RunResult
from taskleak.run.runner import RunStats
from taskleak.settings import Settings

if TYPE_CHECKING:  # fixing imports libcst: a check run without fixes never loads it
    from taskleak.fixer.files import FixRun
    from taskleak.suppress.add_noqa import AddedNoqa

STDIN = Path("-")


class UsageError(Exception):
    """A bad option, configuration, baseline or runtime report: the message says which."""


@dataclass(frozen=True)
class RunOptions:
    """What to check and how: shared by `check` and `fix`."""

    paths: tuple[Path, ...] = ()  # default: the current folder; `-` reads `stdin`
    overrides: CliOverrides = field(default_factory=CliOverrides)  # the command line's settings
    config_file: Path | None = None
    isolated: bool = False
    jobs: int | None = None  # worker processes at most (default: all cores)
    cache: bool = True
    cache_dir: Path | None = None  # default: .taskleak_cache in the project root
    stdin: bytes | None = None  # the source to check instead of files (the path `-`)
    stdin_filename: Path | None = None  # where that source would be: config, excludes, noqa
    exit_zero: bool = False  # exit 0 even with findings (2 stays 2)
    exit_non_zero_on_fix: bool = False  # exit 1 when a fix was applied, even if nothing is left

    @property
    def targets(self) -> list[Path]:
        if self.stdin is not None:
            return [self.stdin_filename or Path("stdin.py")]
        return list(self.paths) or [Path(".")]


@dataclass(frozen=True)
class CheckOptions(RunOptions):
    show_unused_noqa: bool = False  # select the unused-noqa rule
    write_baseline: Path | None = None
    runtime_report: Path | None = None
    apply_fixes: bool = False  # fix first, then report what is left
    diff: bool = False  # compute the fixes as a diff, write nothing
    add_noqa: bool = False  # --add-noqa: a directive on every line with a finding, no report


@dataclass(frozen=True)
class FixOptions(RunOptions):
    diff: bool = False


@dataclass
class Outcome:
    """What a session did; `messages` are for the user (stderr), in order."""

    settings: Settings
    result: RunResult
    exit_code: int = 0
    fixes: FixRun | None = None
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # shown first: the cache could not be saved
    stats: RunStats = field(default_factory=RunStats)
    baselined: int = 0  # findings the baseline holds (not in `result`)
    noqa_added: AddedNoqa | None = None  # what --add-noqa wrote
    stdin_output: bytes | None = None  # fixing stdin: the fixed source (or the diff)
