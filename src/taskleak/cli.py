"""The command line: a thin layer over runner (check) and the reports."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from taskleak import __version__
from taskleak.api import CheckOptions, FixOptions, Outcome
from taskleak.config import CliOverrides
from taskleak.model import Risk, RunResult
from taskleak.rules import ALL_RULES, rule_for
from taskleak.settings import FAIL_ON_CHOICES, Settings

# The API, reports, baselines and rich are imported where they are used: a warm
# `check --format json` then loads little beyond click and the runner (measure:
# python -X importtime -m taskleak ...).

FORMATS = ("text", "json", "sarif", "github", "markdown")


_SELECTION_OPTIONS = (
    click.option("--select", multiple=True,
                 help="Only these rule codes or prefixes (comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes."),
    click.option("--exclude", multiple=True,
                 help="Gitignore-style patterns replacing the defaults."),
    click.option("--extend-exclude", multiple=True, help="Gitignore-style patterns to add."),
    click.option("--spawner", "spawners", multiple=True,
                 help="An extra spawn function, e.g. hass.async_create_task (repeatable)."),
    click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                 help="Skip files ignored by .gitignore [default: respect]."),
)
_CONFIG_OPTIONS = (
    click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                 help="Read settings from this file instead of the nearest pyproject.toml."),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
)

F = TypeVar("F", bound=Callable[..., Any])


def _apply(options: tuple[Callable[[F], F], ...], f: F) -> F:
    for option in reversed(options):
        f = option(f)
    return f


def selection_options(f: F) -> F:
    """What to check: rules and files (shared by `check` and `fix`)."""
    return _apply(_SELECTION_OPTIONS, f)


def config_options(f: F) -> F:
    return _apply(_CONFIG_OPTIONS, f)


def settings_options(f: F) -> F:
    return selection_options(config_options(f))


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` -> ("A", "B", "C")."""
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="taskleak")
def main() -> None:
    """Find fire-and-forget asyncio tasks, tell how risky each one is, and fix them."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this risk [default: medium].")
@selection_options
@click.option("--hide-low", is_flag=True,
              help="Leave low (green) rows out of the report (not out of JSON).")
@config_options
@click.option("--show-unused-noqa", is_flag=True,
              help="Report `# noqa` comments that suppress nothing (they fail the gate).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Record today's findings in this baseline file (then report nothing old).")
@click.option("--runtime-report", type=click.Path(dir_okay=False, path_type=Path),
              help="A runtime report (pytest --taskleak-report, track(report=...)): mark the "
                   "findings that leaked at runtime as confirmed, list leaks no finding explains.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parse with at most N processes [default: all cores].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              envvar="TASKLEAK_CACHE_DIR",
              help="Where per-file results are kept between runs "
                   "[default: .taskleak_cache in the project root; env TASKLEAK_CACHE_DIR].")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply the fixes first, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff, write nothing (exit 1 when there is one).")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
              help="Also apply unsafe fixes (each rule's in `taskleak rules`) [default: off].")
def check(paths: tuple[Path, ...], fmt: str, output_file: Path | None, fail_on: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exclude: tuple[str, ...],
          extend_exclude: tuple[str, ...], spawners: tuple[str, ...],
          respect_gitignore: bool | None, hide_low: bool, config_file: Path | None,
          isolated: bool, show_unused_noqa: bool, baseline_file: Path | None,
          write_baseline_file: Path | None, runtime_report: Path | None,
          jobs: int | None, no_cache: bool, cache_dir: Path | None, apply_fixes: bool,
          show_diff: bool, unsafe_fixes: bool | None) -> None:
    """Report every task spawn under PATHS (default: the current folder)."""
    from taskleak import api
    from taskleak.run.progress import progress_for

    options = CheckOptions(
        paths=paths, overrides=_overrides(select, ignore, fail_on, exclude, extend_exclude,
                                          spawners, respect_gitignore, unsafe_fixes,
                                          baseline=baseline_file),
        config_file=config_file, isolated=isolated, jobs=jobs, cache=not no_cache,
        cache_dir=cache_dir, show_unused_noqa=show_unused_noqa,
        write_baseline=write_baseline_file, runtime_report=runtime_report,
        apply_fixes=apply_fixes, diff=show_diff,
    )
    if unsafe_fixes and not (apply_fixes or show_diff):
        click.echo("warning: --unsafe-fixes does nothing without --fix or --diff", err=True)
    out = _session(api.check, options, progress_for(fmt))
    if out.fixes is not None:
        _print_fix_summary(out, diff_only=show_diff)
        if show_diff:
            sys.exit(out.exit_code)
    for message in out.messages:
        click.echo(message, err=True)
    _emit(out.result, fmt, output_file, hide_low, out.settings)
    for unused in out.unused_noqa:
        click.echo(f"{unused.path}:{unused.line}:{unused.column}: {unused.message}", err=True)
    sys.exit(out.exit_code)


def _overrides(select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
               exclude: tuple[str, ...], extend_exclude: tuple[str, ...],
               spawners: tuple[str, ...], respect_gitignore: bool | None,
               unsafe_fixes: bool | None, baseline: Path | None = None) -> CliOverrides:
    return CliOverrides(
        select=_split(select) or None, ignore=_split(ignore) or None, fail_on=fail_on,
        exclude=_split(exclude) or None, extend_exclude=_split(extend_exclude) or None,
        spawners=_split(spawners) or None, respect_gitignore=respect_gitignore,
        baseline=baseline, unsafe_fixes=unsafe_fixes,
    )


S = TypeVar("S", CheckOptions, FixOptions)


def _session(run: Callable[[S, Any], Outcome], options: S, progress: Any = None) -> Outcome:
    """Run a session; a usage error is a message and exit 2."""
    from taskleak import api

    try:
        out = run(options, progress)
    except api.UsageError as exc:
        _usage_error(str(exc))
    for warning in out.warnings:
        click.echo(warning, err=True)
    return out


def _print_fix_summary(out: Outcome, *, diff_only: bool) -> None:
    """The diff (with --diff) on stdout, then what fixing did, on stderr."""
    from taskleak.report.fixes import summary_lines

    assert out.fixes is not None
    if diff_only:
        click.echo(out.fixes.diff, nl=False)
        for line in summary_lines(out.fixes):
            click.echo(line, err=True)
        return
    for line in summary_lines(out.fixes):
        click.echo(f"taskleak: {line}" if not line.startswith(" ") else line, err=True)


@main.command("fix")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff, write nothing (exit 1 when there is one).")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
              help="Also apply unsafe fixes (each rule's in `taskleak rules`) [default: off].")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding at or above this risk is left [default: medium].")
@settings_options
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
def fix_command(paths: tuple[Path, ...], show_diff: bool, unsafe_fixes: bool | None,
                fail_on: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
                exclude: tuple[str, ...], extend_exclude: tuple[str, ...],
                spawners: tuple[str, ...], respect_gitignore: bool | None,
                config_file: Path | None, isolated: bool, no_cache: bool) -> None:
    """Fix the task leaks under PATHS (default: the current folder); see docs/fixes.md.

    Safe fixes only unless --unsafe-fixes. Exit 1 when findings at or above --fail-on are left
    (with --diff: when there is a diff), 2 on a usage or internal error.
    """
    from taskleak import api
    from taskleak.report.fixes import summary_lines

    options = FixOptions(
        paths=paths, overrides=_overrides(select, ignore, fail_on, exclude, extend_exclude,
                                          spawners, respect_gitignore, unsafe_fixes),
        config_file=config_file, isolated=isolated, cache=not no_cache, diff=show_diff,
    )
    out = _session(api.fix, options)
    assert out.fixes is not None
    if show_diff:
        click.echo(out.fixes.diff, nl=False)
    for line in summary_lines(out.fixes):
        click.echo(line, err=show_diff)
    for skipped in out.result.skipped:
        click.echo(f"{skipped.path}: skipped: {skipped.reason}", err=True)
    sys.exit(out.exit_code)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="Output format.")
def rules_command(fmt: str) -> None:
    """List the rules: code, name, default risk, fix, summary."""
    from taskleak.rules.docs import fix_summary

    ordered = ALL_RULES
    if fmt == "json":
        rows = [{"code": r.code, "name": r.name, "risk": r.risk.value, "summary": r.summary,
                 "fixes": [f.to_json() for f in r.fixes],
                 "url": r.help_uri} for r in ordered]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in ordered:
        click.echo(f"{r.code}  {r.name:<24} {r.risk.value:<7} {r.summary}")
        click.echo(f"{'':7}fix: {fix_summary(r)}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the page of rule CODE (a code or a name, see `taskleak rules`): what it does, why,
    an example, the fix and its safety."""
    from taskleak.rules.docs import render_rule_markdown

    rule = rule_for(code)
    if rule is None:
        known = ", ".join(r.code for r in ALL_RULES)
        _usage_error(f"unknown rule code {code!r} (known: {known})")
    click.echo(render_rule_markdown(rule), nl=False)


def _usage_error(message: str) -> NoReturn:
    click.echo(f"taskleak: error: {message}", err=True)
    sys.exit(2)


def _render(result: RunResult, fmt: str, settings: Settings, hide_low: bool) -> str:
    """Reports other than the text table, as a string (JSON always keeps its low rows)."""
    if hide_low and fmt != "json":
        result = replace(result, findings=[f for f in result.findings if f.risk is not Risk.LOW])
    if fmt == "sarif":
        from taskleak.report.sarif import render_sarif

        return render_sarif(result, root=settings.project_root or Path.cwd())
    if fmt == "github":
        from taskleak.report.github import render_github

        return render_github(result)
    if fmt == "markdown":
        from taskleak.report.markdown import render_markdown

        return render_markdown(result)
    from taskleak.report.json import render_json

    return render_json(result)


def _emit(result: RunResult, fmt: str, output_file: Path | None, hide_low: bool,
          settings: Settings) -> None:
    if fmt == "text":
        from rich.console import Console

        from taskleak.report.text import render_text

        if output_file is not None:
            with output_file.open("w", encoding="utf-8") as fh:
                render_text(result, Console(file=fh, width=200, no_color=True),
                            show_low=not hide_low)
        else:
            render_text(result, Console(), show_low=not hide_low)
        return
    text = _render(result, fmt, settings, hide_low)
    if output_file is not None:
        output_file.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
