"""One file through the stages: its bytes -> parse -> analysis (module facts) -> fix advice.

What a worker process runs for each file the cheap pass could not answer. A file that cannot be
read as Python is skipped with its reason and line; a bug of ours in one file is reported as an
internal error (the run exits 2) and never stops the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from taskleak.analysis.analyse import analyse
from taskleak.analysis.facts import FileFacts
from taskleak.analysis.parse import gc_paused, parse_source
from taskleak.files.source import SourceError
from taskleak.fixes.advice import advise_module
from taskleak.model import Skipped


def analyse_file(data: bytes, display: str, spawners: Sequence[str] = ()) -> FileFacts:
    """The facts of one file's bytes (already read, and already through the prefilter)."""
    out = FileFacts(path=display)
    with gc_paused():  # a tree is built and walked: no cycles to find (see analysis.parse)
        try:
            module, text = parse_source(data)
        except SourceError as exc:
            out.skipped = Skipped(display, exc.reason, exc.line, column=exc.column)
            return out
        out.parsed = True
        try:
            analysis = analyse(module, spawners, text)
            out.module = advise_module(analysis, analysis.facts())
        except Exception as exc:  # a bug of ours must not stop the run: report it, exit 2
            out.skipped = Skipped(display, f"internal error: {type(exc).__name__}: {exc}",
                                  internal=True)
    return out
