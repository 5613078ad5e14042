"""Resolved settings for one run: defaults, then `[tool.taskleak]`, then the command line."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.records import record

if TYPE_CHECKING:
    from taskleak.analysis.obligations.spawners import Spawner

DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".env",
    "env",
    ".tox",
    ".nox",
    ".eggs",
    "build",
    "dist",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".taskleak_cache",
    "site-packages",
)

FAIL_ON_CHOICES = ("high", "medium", "low", "none")

# `max-file-size`: a file larger than this that may spawn is skipped, not parsed; one where no
# spawn's name occurs costs a byte search. 10 MiB: a big file alone in its run is parsed only in
# the blocks that can hold its spawns (analysis/tree/blocks.py: a generated 5 MiB module with one
# spawn, bench/big_module.py, is analysed in seconds), and parsed whole otherwise (libcst: about
# 5 s a MiB here)
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

# `--output-format` (ruff's names, and `table`: every spawn, tracked ones too); `text` is
# accepted as `full`'s old name.
OUTPUT_FORMATS = ("full", "concise", "grouped", "table", "json", "json-lines", "sarif", "github",
                  "gitlab", "junit", "markdown")
FORMAT_ALIASES = {"text": "full"}

# Other linters' codes for a dropped task: their suppression comment on a spawn line also silences
# taskleak's rules of the same finding (ruff's asyncio-dangling-task, flake8-async's
# create-task-no-reference). Rules are named, not coded: the registry resolves the names.
DROPPED_TASK_RULES = ("task-discarded", "task-unreferenced")
DEFAULT_NOQA_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("RUF006", DROPPED_TASK_RULES),
    ("ASYNC300", DROPPED_TASK_RULES),
)


def _matches(code: str, selectors: tuple[str, ...]) -> bool:
    return any(code.startswith(s) for s in selectors)


@record
class Settings:
    select: tuple[str, ...] = ()  # rule codes or prefixes; empty means the default rules
    extend_select: tuple[str, ...] = ()  # added to `select` (or to the default rules)
    ignore: tuple[str, ...] = ()
    # gitignore-style pattern -> rule codes ignored in the files it matches
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "medium"
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # the excludes apply to files named on the command line too
    respect_gitignore: bool = True
    spawners: tuple[Spawner, ...] = ()  # extra spawn functions (`config_keys` makes them)
    # the project's function that keeps a task until it is done (and cancels it on shutdown)
    # and returns it: tracked-set fixes call it instead of generating a set
    keep_helper: str = ""
    # the project's function that spawns a coroutine and keeps its task the same way
    spawn_helper: str = ""
    # the module taskleak writes its keep-helper in: a dotted name ("pkg.tasks"), or a name
    # without a dot for that module in each top-level package; "": a helper in each module
    helper_module: str = "_background_tasks"
    line_length: int | None = None  # fixed lines' limit; None: ruff's or black's, else 88
    # the oldest Python fixed code must run on; None: what the project declares
    target_version: tuple[int, int] | None = None
    baseline: Path | None = None
    unsafe_fixes: bool = False
    # rule codes whose unsafe fix is allowed without --unsafe-fixes (per-rule opt-in)
    unsafe_fix_rules: tuple[str, ...] = ()
    # another tool's noqa code -> the rules (codes or names) it also suppresses
    noqa_aliases: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_NOQA_ALIASES
    ignore_noqa: bool = False  # `--ignore-noqa` (the command line only): no comment suppresses
    output_format: str | None = None  # the report's format when the command line names none
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; a larger file is skipped, not parsed
    project_root: Path | None = None  # folder of the pyproject.toml that was used
    config_file: Path | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def rule_enabled(self, code: str, *, by_default: bool = True) -> bool:
        """Whether rule `code` runs: selected (or, with no `select`, on by default: every rule
        but the opt-in ones, whose callers pass `by_default=False`), or extend-selected; and
        not ignored (`ignore` wins, as in ruff when both name the same code)."""
        chosen = _matches(code, self.select) if self.select else by_default
        chosen = chosen or _matches(code, self.extend_select)
        return chosen and not _matches(code, self.ignore)

    def unsafe_fix_allowed(self, code: str) -> bool:
        return self.unsafe_fixes or code in self.unsafe_fix_rules

    def analysis_key(self) -> str:
        """The settings that change per-file analysis results (part of the cache key)."""
        return "spawners=" + ",".join(sorted(s.spec for s in self.spawners)) + \
            f";max-file-size={self.max_file_size}"
