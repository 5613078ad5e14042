"""The command line's options, as data: ruff's names, shared by `check` and `fix`
(`selection_options`) or `check`'s own (`check_options`). `cli.py` applies them."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from taskleak.settings import FAIL_ON_CHOICES, FORMAT_ALIASES, OUTPUT_FORMATS

F = TypeVar("F", bound=Callable[..., Any])
PATH = click.Path(exists=True, allow_dash=True, path_type=Path)
_FILE = click.Path(dir_okay=False, path_type=Path)


Spec = tuple[tuple[str, ...], dict[str, Any]]


def usage_error(message: str) -> NoReturn:
    """A usage error of any command: one line on stderr, exit 2."""
    with contextlib.suppress(OSError):  # stderr gone too: the exit code still tells
        click.echo(f"taskleak: error: {message}", err=True)
    sys.exit(2)


def _o(*names: str, help: str, **kwargs: Any) -> Spec:
    return names, {"help": help, **kwargs}


def _flag(*names: str, help: str) -> Spec:
    return _o(*names, help=help, is_flag=True)


def _options(*specs: Spec) -> Callable[[F], F]:
    def apply(f: F) -> F:
        for names, kwargs in reversed(specs):
            f = click.option(*names, **kwargs)(f)
        return f
    return apply


# What to check and how: shared by `check` and `fix`.
selection_options = _options(
    _o("--select", multiple=True,
       help="Only these rules: codes, prefixes, names or ALL (comma-separated)."),
    _o("--extend-select", multiple=True, help="Rules to add to the selection."),
    _o("--ignore", multiple=True, help="Skip these rules (codes, prefixes, names)."),
    _o("--exclude", multiple=True, help="Gitignore-style patterns replacing the defaults."),
    _o("--extend-exclude", multiple=True, help="Gitignore-style patterns to add."),
    _o("--force-exclude/--no-force-exclude", default=None,
       help="Apply the excludes to paths named on the command line too (pre-commit)."),
    _o("--spawner", "spawners", multiple=True,
       help="An extra spawn function, e.g. hass.async_create_task (repeatable)."),
    _o("--respect-gitignore/--no-respect-gitignore", default=None,
       help="Skip files ignored by .gitignore [default: respect]."),
    _o("--config", "config", multiple=True, metavar="FILE | 'KEY = VALUE'",
       help="Read settings from FILE instead of the nearest pyproject.toml; or set one "
       "[tool.taskleak] key over the file's, e.g. --config \"fail-on = 'high'\" (repeatable)."),
    _flag("--isolated", help="Ignore all configuration files."),
    _flag("--ignore-noqa", help="Ignore every `# noqa` comment: report and fix as if there were "
          "none."),
    _o("--stdin-filename", type=click.Path(path_type=Path),
       help="The path of the source read from stdin (`-`): config, excludes and noqa apply."),
    _o("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
       help="Exit 1 when a finding at or above this risk is left [default: medium]."),
    _flag("--exit-zero", "-e", help="Exit 0 even with findings (2 stays 2)."),
    _flag("--exit-non-zero-on-fix", help="Exit 1 when a fix was applied, even if nothing is "
          "left."),
    _o("--unsafe-fixes/--no-unsafe-fixes", default=None,
       help="Also apply unsafe fixes (each rule's in `taskleak rules`) [default: off]."),
    _flag("--diff", "show_diff",
          help="Print the fixes as a unified diff, write nothing (exit 1 when there is one)."),
    _flag("--show-fixes", help="Show each finding's evidence and fix, and list what was fixed."),
    _flag("--no-cache", "-n", help="Neither read nor write the cache."),
    _o("--project-context/--no-project-context", default=True,
       help="Judge the named files with every file of their project (the configuration's "
       "folder, else the repository) [default: on]; off: by themselves."),
    _o("--color", type=click.Choice(("auto", "always", "never")), default="auto",
       help="Colours: in a terminal (auto), always, or never [default: auto]."),
    _flag("--quiet", "-q", help="Print the findings (or the fixed source), nothing else."),
    _flag("--silent", "-s", help="Print nothing; only the exit code tells."),
    _flag("--verbose", "-v",
          help="Also print the settings used and how the files were read (stderr)."),
)

check_options = _options(
    _o("--output-format", "--format", "fmt", type=click.Choice((*OUTPUT_FORMATS,
                                                                *FORMAT_ALIASES)),
       envvar="TASKLEAK_OUTPUT_FORMAT", help="Report format [default: full, or "
       "`output-format` in the configuration; env TASKLEAK_OUTPUT_FORMAT]."),
    _o("--output-file", "-o", type=_FILE,
       help="Write the report to this file (folders are created) instead of stdout."),
    _o("--show-low/--hide-low", default=None, help="In the table and markdown inventories: "
       "list the tracked (low) rows, or never [default: listed when at most 20]."),
    _flag("--statistics", help="Count the findings per rule instead of listing them."),
    _flag("--show-files", help="List the files that would be checked, and exit."),
    _flag("--show-settings", help="Print the settings in effect, and exit."),
    _flag("--show-unused-noqa",
          help="Report `# noqa` comments that suppress nothing (selects unused-noqa)."),
    _flag("--strict", help="Also report the spawns whose task goes where taskleak cannot "
          "follow it (selects task-end-unknown)."),
    _flag("--add-noqa", help="Add `# noqa: CODE` to every line with a finding."),
    _flag("--watch", "-w", help="Check again whenever a checked file changes."),
    _o("--baseline", "baseline_file", type=_FILE,
       help="Report only findings that are not in this baseline file."),
    _o("--write-baseline", "write_baseline_file", type=_FILE,
       help="Record today's findings in this baseline file (then report nothing old)."),
    _o("--runtime-report", type=_FILE, help="A runtime report (pytest --taskleak-report): "
       "mark the findings that leaked at runtime, list leaks no finding explains."),
    _o("--jobs", "-j", type=click.IntRange(min=1),
       help="Parse with at most N processes [default: all cores]."),
    _o("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
       envvar="TASKLEAK_CACHE_DIR", help="Where per-file results are kept between runs "
       "[default: .taskleak_cache in the project root; env TASKLEAK_CACHE_DIR]."),
    _o("--fix/--no-fix", "apply_fixes", default=False,
       help="Apply the fixes first, then report what is left [default: --no-fix]."),
    _flag("--fix-only", help="Apply the fixes and report only what was fixed, not what is left "
          "(exit 0 unless --exit-non-zero-on-fix; implies --fix)."),
)
