"""One file through the stages: its bytes -> parse -> analysis (module facts) -> fix advice.

What a worker process runs for each file the cheap pass could not answer. A file that cannot be
read as Python is skipped with its reason and line, as is one nested too deeply for the
analysis (libcst's steps recurse); a bug of ours in one file is reported as an
internal error (the run exits 2) and never stops the others.
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.advice.offers import advise_module
from taskleak.analysis.analyse import ModuleAnalysis, analyse, analyse_inherited
from taskleak.analysis.facts.calls import CallPosition
from taskleak.analysis.facts.module import FileFacts, ModuleFacts
from taskleak.analysis.obligations.spawners import Spawner, spawner_index
from taskleak.analysis.tree import reparse
from taskleak.analysis.tree.blocks import BLOCKS_ABOVE, Emptied, Words, stand_in
from taskleak.analysis.tree.inherit import local_bases, one_local_subclass
from taskleak.analysis.tree.parse import gc_paused, parse_source
from taskleak.analysis.tree.positions import dropped_call_positions
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.through import Through, reading_through
from taskleak.files.source import SourceError
from taskleak.model import Skipped
from taskleak.run.inherited import classes_to_read_whole, own_helper_classes
from taskleak.run.joined import joined_facts
from taskleak.run.prefilter import prefilter_for

TOO_DEEP = "too deeply nested for the analysis"


def analyse_file(data: bytes, display: str, spawners: tuple[Spawner, ...] = (), *,
                 answers_only: bool = False, blocks: Words | None = None,
                 through: Through = ()) -> FileFacts:
    """The facts of one file's bytes (already read, and already through the prefilter, or
    parsed only for its exports: `answers_only`). `blocks`: a big file may be analysed from
    the blocks that can hold its spawns and those naming these words, which the run's other
    files may read it by (`_evidence`; None: parsed whole; decided in run/runner.py).
    `through`: its imports of the standard library's names through modules of the project
    (`analysis/tree/through.py`)."""
    with reading_through(through):
        return _analysed(data, display, spawners, answers_only, blocks)


def _analysed(data: bytes, display: str, spawners: tuple[Spawner, ...], answers_only: bool,
              blocks: Words | None) -> FileFacts:
    out = FileFacts(path=display, answers_only=answers_only,
                    mentions_noqa=b"noqa" in data.lower(),
                    helpers=tuple(s.name for s in spawners if s.project))
    with gc_paused():  # a tree is built and walked: no cycles to find (see analysis.parse)
        kept = _kept_check(data, spawners, display)
        evidence = _evidence(data, spawners, blocks) \
            if blocks is not None and kept is None and not answers_only else None
        if evidence is not None:
            module, text, out.emptied = evidence
        elif kept is None:
            try:
                module, text = reparse.parse(data, display)  # the server's: the edit only
            except SourceError as exc:
                out.skipped = Skipped(display, exc.reason, exc.line, column=exc.column)
                return out
        out.parsed = True
        try:
            if kept is not None:  # the language server's check of this text: its advice now
                out.module = _with_local_bases(kept[0], advise_module(*kept, display),
                                               spawners)
                return out
            analysis = analyse(module, spawners, text)
            facts = analysis.facts()
            handed_on, later = _handed_on(data, spawners, display, module, analysis, facts)
            out.module = _with_local_bases(
                analysis, facts if later else advise_module(analysis, facts, display), spawners)
            if not handed_on:
                analysis.root.release()  # the facts are plain data: free the tree now, not GC
            # Speed trick (one place): dropped while the collector is still off, the tree goes
            # by reference counting; left to the end of the function, the collector, back on
            # with every node of the file counted as new, first walked the whole live tree
            # (homeassistant's 68 files, one process, best of 4: 2.13 -> 2.03 s CPU). Guarded
            # by tests/run/test_pipeline_gc.py.
            del module, analysis
        except RecursionError:  # parsed, but nested deeper than a recursive step can follow
            out.skipped = Skipped(display, TOO_DEEP)
        except Exception as exc:  # a bug of ours must not stop the run: report it, exit 2
            out.skipped = Skipped(display, f"internal error: {type(exc).__name__}: {exc}",
                                  internal=True)
    return out


def _evidence(data: bytes, spawners: tuple[Spawner, ...], read: Words
              ) -> tuple[cst.Module, str, Emptied] | None:
    """A big file's stand-in parsed (analysis/tree/blocks.py), else None: small, every block
    needed, or a stand-in that does not parse to one statement per kept block."""
    if len(data) <= BLOCKS_ABOVE:
        return None
    made = stand_in(data, prefilter_for(spawners).seed_offsets(data), read)
    if made is None:
        return None
    source, count, spans = made
    try:
        module, text = parse_source(source)
    except SourceError:  # the whole parse says why
        return None
    return (module, text, spans) if len(module.body) == count else None


def _with_local_bases(analysis: ModuleAnalysis, facts: ModuleFacts,
                      spawners: tuple[Spawner, ...]) -> ModuleFacts:
    """The facts with the verdicts of the module's classes read with the members they inherit
    from classes of the same module (`tree/inherit.py`); bases of other modules are the run's
    inheritance round's (run/inherited.py)."""
    calling = set(facts.exports.calling_back_classes)
    helping = own_helper_classes(facts)  # (with the attributes that hold a spawn function)
    if not facts.spawns and not calling and not helping:
        return facts
    # (only the classes whose rows may hang on what they inherit, and those inheriting a spawn
    # helper method: `inherited.classes_to_read_whole`; measured in its speed trick's note)
    whole_read = classes_to_read_whole(facts)
    local = [b for b in local_bases(analysis.module)
             if b.subclass in whole_read or b.base_class in helping]
    # a class calling back a member only its subclass here defines (`Exports.calling_back_classes`)
    local += one_local_subclass(analysis.module, calling)
    whole = analyse_inherited(analysis.module, analysis.text, local, spawners) if local else None
    if whole is None:
        return facts
    # a class whose members are read into another here (a base into its subclass) is no longer
    # that class's base in the merged tree: its own spawns keep the verdict of the module as
    # written, where the subclass's ends of the base's attributes are its objects' ends
    donors = {b.base_class for b in local} - {b.subclass for b in local}
    return joined_facts(facts, whole.inherited_facts(), as_written=frozenset(donors))


# The language server's check keeps its tree for the fixes and the advice of the same text
# (`fixer.prepared.kept()`: see there). While nothing of the fixer is loaded (`taskleak
# check`), no such block can be open: nothing is imported to ask.
_PREPARED = "taskleak.fixer.prepared"


def _kept_check(data: bytes, spawners: tuple[Spawner, ...], display: str
                ) -> tuple[ModuleAnalysis, ModuleFacts] | None:
    """The analysis and facts (before advice) the server's last check of this text kept."""
    if _PREPARED not in sys.modules:
        return None
    from taskleak.fixer import prepared

    return prepared.checked(data, spawners, display)


def _handed_on(data: bytes, spawners: tuple[Spawner, ...], display: str, module: cst.Module,
               analysis: ModuleAnalysis, facts: ModuleFacts) -> tuple[bool, bool]:
    """(the tree is kept rather than freed, the advice is left for later)."""
    if _PREPARED not in sys.modules:
        return False, False
    from taskleak.fixer import prepared

    if not prepared.adopt(data, spawners, display, module, analysis, facts):
        return False, False
    return True, prepared.advice_later()


def call_positions(data: bytes, ordinals: set[int], spawners: tuple[Spawner, ...] = ()
                   ) -> dict[int, CallPosition]:
    """Where the module's dropped calls of these ordinals are (`exports.dropped_calls`): a
    finding at a call needs its line, which the facts leave out (most calls never need one)."""
    with gc_paused():
        module, text = parse_source(data)
        root = scan(module, spawner_index(spawners).methods)
        return dropped_call_positions(module, text, root, ordinals)
