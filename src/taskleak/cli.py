"""The command line: parse options, call `taskleak.api`, print what it returns.

Options follow ruff's names (`--output-format`, `--statistics`, `--exit-zero`, `--add-noqa`,
`--stdin-filename` ...); everything they do lives in `api` (sessions), `report` (formats) and
`suppress` (noqa): here is only which to call and where the text goes (stdout: the report;
stderr: messages).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from taskleak import __version__
from taskleak.api import CheckOptions, FixOptions, Outcome, RunOptions
from taskleak.cli_args import CliArgs
from taskleak.cli_options import PATH, check_options, selection_options
from taskleak.cli_options import usage_error as _usage_error
from taskleak.cli_rules import explain, rule_command, rules_command
from taskleak.config import ConfigError
from taskleak.settings import FORMAT_ALIASES

if TYPE_CHECKING:
    from taskleak.run.progress import Progress

# The API, reports and rich are imported where they are used: a warm `check --output-format
# json` then loads little beyond click and the runner (python -X importtime -m taskleak ...).

R = TypeVar("R", bound=RunOptions)


def _run_options(kind: type[R], paths: tuple[Path, ...], args: CliArgs, **extra: Any) -> R:
    """The session's options from the command line's (stdin is read here, for `-`)."""
    stdin = None
    if not paths and args.stdin_filename is not None:
        paths = (Path("-"),)  # as ruff: --stdin-filename with no path reads stdin
    _apply_color(args.color)
    if Path("-") in paths:
        if len(paths) > 1:
            _usage_error("`-` (stdin) cannot be mixed with other paths")
        stdin = sys.stdin.buffer.read()
    elif args.stdin_filename is not None:
        _usage_error("--stdin-filename reads stdin: give `-` or no path")
    try:
        overrides, config_file = args.overrides(), args.config_file
    except ConfigError as exc:
        _usage_error(str(exc))
    return kind(paths=() if stdin is not None else paths, overrides=overrides,
                config_file=config_file, isolated=args.isolated, cache=not args.no_cache,
                project_context=args.project_context,
                stdin=stdin, stdin_filename=args.stdin_filename, exit_zero=args.exit_zero,
                exit_non_zero_on_fix=args.exit_non_zero_on_fix, **extra)


def _apply_color(color: str) -> None:
    """`--color always|never` as the environment rich reads (auto: a terminal gets colours)."""
    if color == "always":
        os.environ.pop("NO_COLOR", None)
        os.environ["FORCE_COLOR"] = "1"
    elif color == "never":
        os.environ.pop("FORCE_COLOR", None)
        os.environ["NO_COLOR"] = "1"


class _Taskleak(click.Group):
    """The command group, whose commands print through guarded streams (report/streams.py):
    a write that fails, stdout's included, is one line and exit 2; a reader that stops
    reading (`| head`) gets no more output, and the exit code is the run's."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from taskleak.files.output import OutputError
        from taskleak.report.streams import guarded_streams

        try:
            with guarded_streams():
                return super().main(*args, **kwargs)
        except OutputError as exc:
            _usage_error(str(exc))


@click.group(cls=_Taskleak, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="taskleak")
def main() -> None:
    """Find fire-and-forget asyncio tasks, tell how risky each one is, and fix them."""


def run() -> NoReturn:
    """The `taskleak` command: `main`, where Ctrl-C exits 130 as in other command lines, with
    no traceback (click would say "Aborted!" and exit 1, the findings code). The run stops its
    workers and removes its temporary files on the way out (run/, files/atomic.py)."""
    # Speed trick (one place): what the imports made lives as long as the process, so the
    # collector need not walk it again; later garbage is collected as usual. A warm check of
    # homeassistant: 214 -> 201 ms (the json cache load and the imports that follow trigger
    # full collections). Guarded by tests/cli/test_gc_freeze.py.
    gc.freeze()
    try:
        code = main.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):  # click turns Ctrl-C into Abort
        click.echo("taskleak: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:  # a bad option: as click shows it when standalone
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


@main.command(short_help="Report every task spawn under PATHS.")
@click.argument("paths", nargs=-1, type=PATH)
@check_options
@selection_options
def check(paths: tuple[Path, ...], **params: Any) -> None:
    """Report every task spawn under PATHS (default: the current folder; `-`: stdin).

    A file larger than `max-file-size` (default 10 MiB; `--config "max-file-size = '20 MiB'"`)
    that may spawn a task is not parsed: it is reported as skipped.
    """
    from taskleak import api

    args = CliArgs.from_params(params)
    options = _run_options(
        CheckOptions, paths, args, diff=args.show_diff, jobs=args.jobs, cache_dir=args.cache_dir,
        show_unused_noqa=args.show_unused_noqa, strict=args.strict,
        write_baseline=args.write_baseline_file,
        runtime_report=args.runtime_report, apply_fixes=args.apply_fixes or args.fix_only,
        add_noqa=args.add_noqa)
    if args.show_settings or args.show_files:
        from taskleak.report.show import render_files, render_settings

        text = render_settings(_session(api.settings_for, options)) if args.show_settings \
            else render_files(_session(api.files, options))
        click.echo(text, nl=False)
        sys.exit(0)
    if args.watch:
        _watch(options, args)
    if args.unsafe_fixes and not (args.apply_fixes or args.show_diff):
        click.echo("warning: --unsafe-fixes does nothing without --fix or --diff", err=True)
    started = time.monotonic()
    out = _session(api.check, options, _progress(args))
    if args.fix_only and out.fixes is not None and out.stdin_output is None:
        # ruff's --fix-only: what was fixed, never what is left; the findings do not fail it
        if not args.silent:
            _print_fix_summary(out, diff_only=args.show_diff, args=args)
        sys.exit(options.final_exit(2 if out.exit_code == 2 else 0, out.fixed))
    _print_check(out, args)
    if args.verbose:
        _print_verbose(out, time.monotonic() - started)
    sys.exit(out.exit_code)


def _progress(args: CliArgs) -> Progress:
    from taskleak.run.progress import NoProgress, progress_for

    quiet = args.quiet or args.silent or args.output_file or args.fmt not in (
        None, "full", "text", "table")
    return NoProgress() if quiet else progress_for("text")


S = TypeVar("S")


def _session(run: Callable[..., S], *args: Any) -> S:
    """Run a session; a usage error is a message and exit 2."""
    from taskleak import api

    try:
        out = run(*args)
    except api.UsageError as exc:
        _usage_error(str(exc))
    for warning in getattr(out, "warnings", ()):
        click.echo(warning, err=True)
    return out


def _print_check(out: Outcome, args: CliArgs) -> None:
    """Everything a check prints: fixes, messages, then the report."""
    from taskleak.report.emit import ReportOptions, emit

    if out.noqa_added is not None:
        return _print_added_noqa(out, args)
    if out.stdin_output is not None:
        return _print_fixed_stdin(out, args)
    if out.fixes is not None and not args.silent:
        _print_fix_summary(out, diff_only=args.show_diff, args=args)
        if args.show_diff:
            return None
    if args.silent:
        return None
    for message in out.messages:
        click.echo(message, err=True)
    fmt = (FORMAT_ALIASES.get(args.fmt, args.fmt) if args.fmt else None) \
        or out.settings.output_format or "full"
    report = ReportOptions(fmt=fmt, output_file=args.output_file, show_low=args.show_low,
                           show_fixes=args.show_fixes, quiet=args.quiet,
                           statistics=args.statistics, baselined=out.baselined)
    emit(out.result, out.settings, report, sys.stdout)  # an OutputError: see _Taskleak
    return None


def _print_added_noqa(out: Outcome, args: CliArgs) -> None:
    added = out.noqa_added
    assert added is not None
    if not args.silent:
        noun = "directive" if added.count == 1 else "directives"
        click.echo(f"Added {added.count} noqa {noun}.", err=True)
    for path, why in added.errors:
        click.echo(f"taskleak: {path}: no noqa added: {why}", err=True)
    for warning in added.ruff_advice if not args.silent else ():
        click.echo(warning, err=True)


def _print_fixed_stdin(out: Outcome, args: CliArgs) -> None:
    """The fixed source (or the diff) on stdout; what was done, on stderr."""
    assert out.stdin_output is not None
    sys.stdout.flush()
    sys.stdout.buffer.write(out.stdin_output)
    sys.stdout.buffer.flush()
    if not (args.quiet or args.silent):
        _print_fix_summary(out, diff_only=True, args=args, print_diff=False)
    if not args.silent:
        _print_not_analysed(out)


def _print_not_analysed(out: Outcome) -> None:
    """What `fix` could not read (stderr): each file-not-analysed error, else a skipped line
    (the rule is ignored there)."""
    from taskleak.report.full import first_line
    from taskleak.report.summary import unreported_skips
    from taskleak.suppress.unanalysed import is_unanalysed

    for finding in out.result.findings:
        if is_unanalysed(finding):
            click.echo(first_line(finding, out.settings), err=True)
    for skipped in unreported_skips(out.result):
        click.echo(f"{skipped.where}: skipped: {skipped.reason}", err=True)


def _print_fix_summary(out: Outcome, *, diff_only: bool, args: CliArgs,
                       print_diff: bool = True) -> None:
    """The diff (with --diff) on stdout, then what fixing did, on stderr."""
    from taskleak.report.fixes import fixed_lines, summary_lines

    assert out.fixes is not None
    if diff_only and print_diff:
        click.echo(out.fixes.diff, nl=False)
    if args.quiet:
        return
    for line in summary_lines(out.fixes, left_too=not args.fix_only):
        prefix = "" if diff_only or line.startswith(" ") else "taskleak: "
        click.echo(prefix + line, err=True)
    for line in fixed_lines(out.fixes) if args.show_fixes else []:
        click.echo(line, err=True)  # ruff's list, as `fix --show-fixes` prints it


def _print_verbose(out: Outcome, seconds: float) -> None:
    from taskleak.report.summary import plural

    s = out.stats
    config = out.settings.config_file
    root = out.settings.project_root or Path.cwd()
    why = "the configuration's folder" if config else "the current folder: no configuration"
    click.echo(f"taskleak: config: {config or 'none (defaults)'}; project root: {root} ({why}; "
               "per-file-ignores, the baseline and report paths are relative to it)", err=True)
    click.echo(f"taskleak: {s.files} files: {s.cached} from the cache, {s.ruled_out} ruled out "
               f"by the prefilter, {s.analysed} parsed ({s.workers or 'no'} worker processes) "
               f"in {seconds:.2f} s", err=True)
    if s.context is not None and s.context_kind is not None and s.files > s.reported:
        # the other folder a run names: whose files are read so the named ones get the rows of
        # a whole run (files/context.py)
        where = "the project root" if s.context == root else \
            f"{s.context} ({s.context_kind.value})"
        click.echo(f"taskleak: {plural(s.reported, 'named file')} read with the "
                   f"{plural(s.files - s.reported, 'other file')} of {where}, as a whole run "
                   "would read them", err=True)


def _watch(options: CheckOptions, args: CliArgs) -> NoReturn:
    """`--watch`: a report now and after every change, until Ctrl-C."""
    from taskleak import api

    if options.stdin is not None:
        _usage_error("--watch cannot read stdin")
    try:
        for got in api.watch(options, _progress(args)):
            if isinstance(got, api.UsageError):
                click.echo(f"taskleak: error: {got}", err=True)
            else:
                _clear_screen()
                for warning in got.warnings:
                    click.echo(warning, err=True)
                _print_check(got, args)
                sys.stdout.flush()
            stamp = time.strftime("%H:%M:%S")
            click.echo(f"[{stamp}] taskleak: watching for file changes (Ctrl-C to stop)",
                       err=True)
    except api.UsageError as exc:
        _usage_error(str(exc))
    except KeyboardInterrupt:
        pass
    sys.exit(0)


# What ruff's watch mode writes before each report (the `clearscreen` crate's default, as
# `clear` does): cursor home, erase the screen, erase the scrollback (xterm's E3), so scrolling
# up shows no earlier run.
CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J"


def _clear_screen() -> None:
    if sys.stdout.isatty():  # a pipe or a file keeps every report
        sys.stdout.write(CLEAR_SCREEN)
        sys.stdout.flush()


@main.command("fix", short_help="Fix the task leaks under PATHS.")
@click.argument("paths", nargs=-1, type=PATH)
@selection_options
def fix_command(paths: tuple[Path, ...], **params: Any) -> None:
    """Fix the task leaks under PATHS (default: the current folder; `-`: stdin, the fixed
    source goes to stdout); see docs/fixes.md.

    Safe fixes only unless --unsafe-fixes. Fixed lines fit the project's line length
    (`line-length`, else ruff's, else black's, else flake8's max-line-length of [flake8] in
    .flake8, setup.cfg or tox.ini, or of a tox environment that runs flake8 (79 when none is
    set), else pycodestyle's, else 88) and run on its oldest Python
    (`target-version`, else the lowest of: ruff's and black's target-version, requires-python
    of [project] or [tool.flit.metadata], [tool.poetry.dependencies] python, python_requires of
    setup.cfg or setup.py, Programming Language :: Python :: 3.X classifiers; else 3.9, and the
    helper module 3.7), with strings in single quotes where ruff's formatter is configured
    with quote-style = "single"; a package's files share one keep_task() helper, written once in
    <package>/_background_tasks.py (`helper-module`). Exit 1 when findings at or above
    --fail-on are left (with --diff: when there is a diff), 2 on a usage or internal error.
    """
    from taskleak import api
    from taskleak.report.fixes import fixed_lines, summary_lines

    args = CliArgs.from_params(params)
    started = time.monotonic()
    out = _session(api.fix, _run_options(FixOptions, paths, args, diff=args.show_diff))
    if args.verbose:
        _print_verbose(out, time.monotonic() - started)
    assert out.fixes is not None
    if out.stdin_output is not None:
        _print_fixed_stdin(out, args)
        sys.exit(out.exit_code)
    if args.show_diff and not args.silent:
        click.echo(out.fixes.diff, nl=False)
    if not (args.quiet or args.silent):
        for line in summary_lines(out.fixes) + (
                fixed_lines(out.fixes) if args.show_fixes else []):
            click.echo(line, err=args.show_diff)
    if not args.silent:
        _print_not_analysed(out)
    sys.exit(out.exit_code)


main.add_command(rules_command)
main.add_command(explain)
main.add_command(rule_command)


@main.command("server", short_help="Run the language server over stdio, for editors.")
def server_command() -> None:
    """Run the language server over stdio, for editors (see docs/editors.md).

    Needs pygls and lsprotocol: pip install pygls lsprotocol (from a clone: pip install
    '.[server]').
    """
    import importlib.util

    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        _usage_error("the language server needs pygls and lsprotocol: pip install pygls "
                     "lsprotocol (from a clone of taskleak: pip install '.[server]')")
    from taskleak.server.app import serve  # pygls is loaded here only, never by `check`

    serve()
