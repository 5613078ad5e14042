"""A module analysed again with what its classes inherit from other modules' classes (in a
worker): its bytes and its bases' modules parsed, the classes merged (`tree/inherit.py`), its
own spawns judged. The facts keep no exports (the module's own pass has them: the runner joins
them, run/inherited.py) and no fix advice (a fix edits the module's own text, which the merged
tree is not: the runner keeps the advice of the module's own pass)."""

from __future__ import annotations

from taskleak.analysis.analyse import analyse_inherited
from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.inherit import InheritedFrom, local_bases
from taskleak.analysis.tree.parse import gc_paused, parse_source
from taskleak.analysis.tree.through import Through, reading_through
from taskleak.files.source import SourceError
from taskleak.model import Skipped
from taskleak.run.base_sources import BaseSource


def analyse_with_bases(data: bytes, display: str, spawners: tuple[Spawner, ...],
                       bases: tuple[BaseSource, ...], through: Through = ()) -> FileFacts:
    """`through`: the module's imports of the standard library's names through modules of
    the project, read as its own pass reads them (`analysis/tree/through.py`)."""
    with reading_through(through):
        return _with_bases(data, display, spawners, bases)


def _with_bases(data: bytes, display: str, spawners: tuple[Spawner, ...],
                bases: tuple[BaseSource, ...]) -> FileFacts:
    out = FileFacts(path=display, mentions_noqa=b"noqa" in data.lower(),
                    helpers=tuple(s.name for s in spawners if s.project))
    with gc_paused():
        try:
            module, text = parse_source(data)
        except SourceError as exc:
            out.skipped = Skipped(display, exc.reason, exc.line, column=exc.column)
            return out
        out.parsed = True
        inherited = []
        for base in bases:
            try:
                tree, _ = parse_source(base.data)
            except SourceError:
                continue  # a base that does not parse gives nothing (its own run says why)
            inherited.append(InheritedFrom(base.subclass, tree, base.base_class,
                                           base.same_package, base.module, base.defines))
        try:
            analysis = analyse_inherited(module, text, [*local_bases(module), *inherited],
                                         spawners)
            if analysis is not None:
                out.module = analysis.inherited_facts()
        except RecursionError:
            out.module = None  # too deep with its bases: the module's own pass stands
    return out
