"""Resolved settings for one run: defaults, then `[tool.taskleak]`, then the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Settings:
    select: tuple[str, ...] = ()  # rule codes or prefixes; empty means all
    ignore: tuple[str, ...] = ()
    fail_on: str = "medium"
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    spawners: tuple[str, ...] = ()  # extra spawn functions, dotted names
    # the project's function that keeps a task until it is done (and cancels it on shutdown)
    # and returns it: tracked-set fixes call it instead of generating a set
    keep_helper: str = ""
    # the project's function that spawns a coroutine and keeps its task the same way
    spawn_helper: str = ""
    baseline: Path | None = None
    unsafe_fixes: bool = False
    # rule codes whose unsafe fix is allowed without --unsafe-fixes (per-rule opt-in)
    unsafe_fix_rules: tuple[str, ...] = ()
    project_root: Path | None = None  # folder of the pyproject.toml that was used
    config_file: Path | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def rule_enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)

    def analysis_key(self) -> str:
        """The settings that change per-file analysis results (part of the cache key)."""
        return "spawners=" + ",".join(sorted(self.spawners))
