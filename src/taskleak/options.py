"""The library API's typed options and outcome: what `taskleak.api.check` and `fix` take and
give back (the command line builds them from its flags; the language server from a buffer),
and what the options decide: the settings, the source, the cache and the final exit code."""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.config import CliOverrides, ConfigError, resolve_settings
from taskleak.files.cachedir import default_cache_dir
from taskleak.files.context import context_root
from taskleak.model import RunResult
from taskleak.records import record
from taskleak.run.runner import RunStats
from taskleak.session import Source
from taskleak.settings import Settings

if TYPE_CHECKING:  # fixing imports libcst: a check run without fixes never loads it
    from taskleak.fixer.files import FixRun
    from taskleak.suppress.add_noqa import AddedNoqa

STDIN = Path("-")


class UsageError(Exception):
    """A bad option, configuration, baseline or runtime report: the message says which."""


@record(frozen=True)
class RunOptions:
    """What to check and how: shared by `check` and `fix`."""

    paths: tuple[Path, ...] = ()  # default: the current folder; `-` reads `stdin`
    overrides: CliOverrides = field(default_factory=CliOverrides)  # the command line's settings
    config_file: Path | None = None
    isolated: bool = False
    jobs: int | None = None  # worker processes at most (default: all cores)
    cache: bool = True
    cache_dir: Path | None = None  # default: .taskleak_cache in the project root
    # every file of the project gives the named files context (False: judged by themselves)
    project_context: bool = True
    stdin: bytes | None = None  # the source to check instead of files (the path `-`)
    stdin_filename: Path | None = None  # where that source would be: config, excludes, noqa
    exit_zero: bool = False  # exit 0 even with findings (2 stays 2)
    exit_non_zero_on_fix: bool = False  # exit 1 when a fix was applied, even if nothing is left

    @property
    def source(self) -> Source:
        if self.stdin is not None:
            return Source(buffer=self.stdin, filename=self.stdin_filename)
        return Source(tuple(self.paths))

    @property
    def targets(self) -> list[Path]:
        """The paths settings and excludes are looked up for."""
        return self.source.targets

    def cache_in(self, settings: Settings) -> Path | None:
        """Where the session keeps facts between runs (None: no cache)."""
        if not self.cache:
            return None
        if self.cache_dir is not None:
            return self.cache_dir
        # one cache per project, wherever in it a run starts (a hook, an editor, a subfolder)
        project = context_root(self.targets, settings) if self.project_context else None
        return default_cache_dir(project or settings.project_root)

    def final_exit(self, code: int, fixed: bool) -> int:
        """`--exit-non-zero-on-fix` (`fixed`: a fix was written) and `--exit-zero` on top of
        the gate's `code` (2 stays 2)."""
        if code == 2:
            return 2
        if self.exit_non_zero_on_fix and fixed:
            return 1
        return 0 if self.exit_zero else code


@record(frozen=True)
class CheckOptions(RunOptions):
    show_unused_noqa: bool = False  # select the unused-noqa rule
    strict: bool = False  # select the task-end-unknown rule (what cannot be followed)
    write_baseline: Path | None = None
    runtime_report: Path | None = None
    apply_fixes: bool = False  # fix first, then report what is left
    diff: bool = False  # compute the fixes as a diff, write nothing
    add_noqa: bool = False  # --add-noqa: a directive on every line with a finding, no report


@record(frozen=True)
class FixOptions(RunOptions):
    diff: bool = False


@record
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

    @property
    def fixed(self) -> bool:
        """Whether a fix was written."""
        return self.fixes is not None and self.fixes.wrote and bool(self.fixes.applied)


def settings_for(options: RunOptions) -> Settings:
    """The settings a session runs with (`--show-settings` prints them): the configuration
    file's, under the command line's; `show_unused_noqa` and `strict` select their rules."""
    overrides = options.overrides
    if isinstance(options, CheckOptions) and (options.show_unused_noqa or options.strict):
        from taskleak.rules.task_end_unknown import RULE as UNFOLLOWED
        from taskleak.rules.unused_noqa import RULE as UNUSED_NOQA

        chosen = [r.code for r, on in ((UNUSED_NOQA, options.show_unused_noqa),
                                       (UNFOLLOWED, options.strict)) if on]
        overrides = replace(overrides, extend_select=(*(overrides.extend_select or ()), *chosen))
    try:
        return resolve_settings(options.targets, config=options.config_file,
                                isolated=options.isolated, overrides=overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
