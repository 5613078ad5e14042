"""Which report to make, and where it goes: one entry point for the command line.

`render` makes any format as text (the `table` too, for a file: plain, 200 columns); `emit`
prints it, `full` and `table` straight to the terminal's console (colours, its width), or
writes it to `--output-file` (creating missing folders; a failure is an `OutputError`).

Tracked spawns (low risk) are not findings: every linter format (`full`, `concise`, `grouped`,
`github`, `gitlab`, `sarif`, `junit`, `--statistics`) leaves them out. The inventory of every
spawn keeps them: `table`, `markdown`, and the data formats `json` and `json-lines` (each row
with its `risk`; a reader wanting findings keeps `risk != "low"`).

The formats programs read (`UTF8_FORMATS`: JSON, SARIF, GitLab, JUnit XML, GitHub's workflow
commands) are UTF-8 bytes on stdout as in a file, whatever the terminal's encoding: JSON and
SARIF are defined as UTF-8 and the XML says so, and `ensure_ascii` would only cover JSON. The
formats people read follow stdout's encoding, escaping what it cannot show (`files/printable`).
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import IO

from taskleak.model import RunResult
from taskleak.records import record
from taskleak.report.summary import needs_attention
from taskleak.settings import Settings

FILE_WIDTH = 200  # the `full` report written to a file
UTF8_FORMATS = frozenset({"json", "json-lines", "sarif", "gitlab", "junit", "github"})


@record(frozen=True)
class ReportOptions:
    fmt: str = "full"
    output_file: Path | None = None
    show_low: bool | None = None  # the table's green rows; None: listed when few
    show_fixes: bool = False
    quiet: bool = False  # the findings only, no summary lines
    statistics: bool = False  # counts per rule instead of the findings
    baselined: int = 0  # findings the baseline holds (for the summary)


def _without_low(result: RunResult) -> RunResult:
    return replace(result, findings=[f for f in result.findings if needs_attention(f)])


def render(result: RunResult, settings: Settings, options: ReportOptions) -> str:
    """The report as text."""
    fmt = options.fmt
    if options.statistics:
        from taskleak.report.statistics import render_statistics

        return render_statistics(_without_low(result), settings,
                                 as_json=fmt in ("json", "json-lines"), quiet=options.quiet)
    if fmt in ("full", "table"):
        from rich.console import Console

        buffer = io.StringIO()
        print_full(result, settings, options, Console(file=buffer, width=FILE_WIDTH,
                                                      no_color=True))
        return buffer.getvalue()
    if fmt in ("concise", "grouped"):
        from taskleak.report.concise import render_concise
        from taskleak.report.grouped import render_grouped

        lines = render_concise if fmt == "concise" else render_grouped
        return lines(result, settings, show_fixes=options.show_fixes, quiet=options.quiet,
                     baselined=options.baselined)
    if fmt == "json":
        from taskleak.report.json import render_json

        return render_json(result)  # every row, always
    if fmt == "json-lines":
        from taskleak.report.json import render_json_lines

        return render_json_lines(result)
    if fmt == "markdown":
        from taskleak.report.markdown import render_markdown

        return render_markdown(result if options.show_low is not False else _without_low(result),
                               settings)
    return _render_for_ci(_without_low(result), settings, fmt)


def _render_for_ci(result: RunResult, settings: Settings, fmt: str) -> str:
    root = settings.project_root or Path.cwd()
    if fmt == "sarif":
        from taskleak.report.sarif import render_sarif

        return render_sarif(result, root=root)
    if fmt == "github":
        from taskleak.report.github import render_github

        return render_github(result, settings.fail_on)
    if fmt == "gitlab":
        from taskleak.report.gitlab import render_gitlab

        return render_gitlab(result, root=root)
    if fmt == "junit":
        from taskleak.report.junit import render_junit

        return render_junit(result)
    raise ValueError(f"unknown output format {fmt!r}")


def print_full(result: RunResult, settings: Settings, options: ReportOptions,
               console: object) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    if options.fmt == "full":
        from taskleak.report.full import render_full

        render_full(result, console, settings, show_fixes=options.show_fixes,
                    quiet=options.quiet, baselined=options.baselined)
        return
    from taskleak.report.text import TextOptions, render_text

    render_text(result, console, settings, TextOptions(
        show_low=options.show_low, show_fixes=options.show_fixes, quiet=options.quiet,
        baselined=options.baselined))


def emit(result: RunResult, settings: Settings, options: ReportOptions,
         stdout: IO[str]) -> None:
    """Print the report on `stdout` or write it to `options.output_file`."""
    if options.output_file is not None:
        write_output(options.output_file, render(result, settings, options))
    elif options.fmt in ("full", "table") and not options.statistics:
        from rich.console import Console

        print_full(result, settings, options, Console(file=stdout))
    elif options.fmt in UTF8_FORMATS:
        _write_utf8(stdout, render(result, settings, options))
    else:
        stdout.write(render(result, settings, options))
        stdout.flush()


def _write_utf8(stdout: IO[str], text: str) -> None:
    from taskleak.files.printable import encoded

    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test's StringIO): it takes str
        stdout.write(text)
    else:
        stdout.flush()
        buffer.write(encoded(text))
        buffer.flush()


def write_output(path: Path, text: str) -> None:
    """Write a report atomically (a device in place), creating the folders it goes in."""
    from taskleak.files.output import write_target
    from taskleak.files.printable import encoded

    write_target(path, encoded(text), where=f"the report to {path}")
