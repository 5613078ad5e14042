"""A run with a project context: every file of the project is analysed and joined, and only
the named files are reported (files/context.py says which folder the project is).

The run's files are the project's, in the order a run over the project folder lists them, then
the named files it leaves out (excluded, or outside it); so a file named alone gets exactly the
rows a run over the whole project gives it: the same facts, joined the same way. The report
keeps the rows, skipped files and counts of the named files only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.analysis.facts.module import FileFacts
from taskleak.files.discovery import Found, discover_names
from taskleak.files.paths import relative_path
from taskleak.model import RunResult
from taskleak.settings import Settings

if TYPE_CHECKING:
    from taskleak.files.listing_cache import ListingCache


def discover_in_context(paths: Sequence[Path], settings: Settings, context: Path | None,
                        listings: ListingCache | None, found: Found,
                        on_many: tuple[int, Callable[[], None]] | None
                        ) -> tuple[list[str], list[str] | None]:
    """The files a run analyses (absolute), and those it reports (None: all of them): with a
    `context` folder, the project's files and the named files it leaves out. Only
    the named paths' walks report folders they could not list (into `found`); the temporary
    files of a killed fix are collected from both."""
    if context is None:
        return discover_names(paths, settings, listings, found, on_many), None
    named = discover_names(paths, settings, listings, found)
    around = Found()
    project = discover_names([context], settings, listings, around, on_many)
    found.temporaries.extend(t for t in around.temporaries if t not in found.temporaries)
    listed = set(project)
    return project + [f for f in named if f not in listed], named


def reported(result: RunResult, facts: Sequence[FileFacts], named: Sequence[str]) -> RunResult:
    """The joined `result` of the whole project, narrowed to the `named` files: their rows,
    their skipped files, and the files scanned and parsed among them."""
    shown = {relative_path(path) for path in named}
    parsed = sum(f.parsed and not f.answers_only for f in facts if f.path in shown)
    return RunResult(findings=[f for f in result.findings if f.path in shown],
                     skipped=[s for s in result.skipped if s.path in shown],
                     files_scanned=len(named), files_parsed=parsed)
