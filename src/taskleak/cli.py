"""The command line: a thin layer over runner (check) and the reports."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console

from taskleak import __version__
from taskleak.model import Risk, RunResult
from taskleak.report.json import render_json
from taskleak.report.text import render_text
from taskleak.runner import run
from taskleak.settings import FAIL_ON_CHOICES, Settings

FORMATS = ("text", "json")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select TL101,TL102 --select TL2` -> ("TL101", "TL102", "TL2")."""
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def exit_code(result: RunResult, fail_on: str) -> int:
    if any(s.internal for s in result.skipped):
        return 2
    if fail_on == "none":
        return 0
    threshold = Risk(fail_on).rank
    for f in result.findings:
        if f.tracked.startswith("structured"):
            continue  # structured spawns are safe by construction: never fail the gate
        if f.risk.rank >= threshold:
            return 1
    return 0


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
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--exclude", multiple=True, help="Gitignore-style patterns replacing the defaults.")
@click.option("--extend-exclude", multiple=True, help="Gitignore-style patterns to add.")
@click.option("--spawner", "spawners", multiple=True,
              help="An extra spawn function, e.g. hass.async_create_task (repeatable).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files ignored by .gitignore [default: respect].")
@click.option("--hide-low", is_flag=True, help="Leave low (green) rows out of the text table.")
def check(paths: tuple[Path, ...], fmt: str, output_file: Path | None, fail_on: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], exclude: tuple[str, ...],
          extend_exclude: tuple[str, ...], spawners: tuple[str, ...],
          respect_gitignore: bool | None, hide_low: bool) -> None:
    """Report every task spawn under PATHS (default: the current folder)."""
    settings = Settings()
    overrides: dict[str, object] = {}
    if fail_on is not None:
        overrides["fail_on"] = fail_on
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = _split(ignore)
    if exclude:
        overrides["exclude"] = _split(exclude)
    if extend_exclude:
        overrides["extend_exclude"] = settings.extend_exclude + _split(extend_exclude)
    if spawners:
        overrides["spawners"] = settings.spawners + _split(spawners)
    if respect_gitignore is not None:
        overrides["respect_gitignore"] = respect_gitignore
    settings = replace(settings, **overrides)  # type: ignore[arg-type]
    targets = list(paths) or [Path(".")]
    result = run(targets, settings)
    _emit(result, fmt, output_file, hide_low)
    sys.exit(exit_code(result, settings.fail_on))


def _emit(result: RunResult, fmt: str, output_file: Path | None, hide_low: bool) -> None:
    if fmt == "text":
        if output_file is not None:
            with output_file.open("w", encoding="utf-8") as fh:
                render_text(result, Console(file=fh, width=200, no_color=True),
                            show_low=not hide_low)
        else:
            render_text(result, Console(), show_low=not hide_low)
        return
    text = render_json(result)
    if output_file is not None:
        output_file.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
