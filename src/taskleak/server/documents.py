"""What the server knows of each open document: the version it last checked, with what
settings, what it found, and the fixes computed for that version.

One entry per open document, replaced at each check and dropped on close: memory follows the
open documents, not the edits (the fix cache holds a few results of the current version only).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from taskleak.model import Finding
from taskleak.records import record
from taskleak.server.editor_settings import EditorSettings
from taskleak.settings import Settings

if TYPE_CHECKING:  # fixing loads libcst's rewriting: only when a fix is asked for
    from taskleak.fixer.apply import AppliedFix, NotFixed

FixKey = tuple[frozenset[tuple[int, int, str]], bool | None]  # (targets, unsafe)
MAX_FIXES = 8


@record(frozen=True)
class BufferFix:
    """A buffer fixed in memory: its new text (the old one when nothing applied)."""

    text: str
    applied: list[AppliedFix]
    not_fixed: list[NotFixed]
    error: str | None = None  # the buffer could not be fixed at all (it does not parse ...)


@record(frozen=True)
class Snapshot:
    """A document's text at one version: what a check or a fix runs on."""

    uri: str
    path: Path | None  # None for a buffer that is no file (untitled)
    text: str
    version: int | None


@record
class Checked:
    """One check of a snapshot."""

    snapshot: Snapshot
    generation: int  # of the settings it was checked with (see `Documents.generation`)
    settings: Settings | None
    editor: EditorSettings
    # the findings carry their fix advice (what code actions read); a check for diagnostics
    # leaves it out, and the first code action of the version asks for it (`engine`)
    advised: bool = True
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    fixes: OrderedDict[FixKey, BufferFix] = field(default_factory=OrderedDict)
    # what each fix would do, named before it is made (`engine.plan_checked`)
    plans: dict[FixKey, AppliedFix | None] = field(default_factory=dict)

    @property
    def result_id(self) -> str:
        return f"{self.snapshot.version}:{self.generation}"

    def is_for(self, snapshot: Snapshot, generation: int) -> bool:
        return (self.generation == generation and self.snapshot.version == snapshot.version
                and self.snapshot.text == snapshot.text)

    def remember_fix(self, key: FixKey, fix: BufferFix) -> None:
        self.fixes[key] = fix
        while len(self.fixes) > MAX_FIXES:
            self.fixes.popitem(last=False)


@record
class Documents:
    """The last check of each open document; `generation` counts settings changes."""

    checked: dict[str, Checked] = field(default_factory=dict)
    generation: int = 0

    def current(self, snapshot: Snapshot) -> Checked | None:
        found = self.checked.get(snapshot.uri)
        return found if found is not None and found.is_for(snapshot, self.generation) else None

    def store(self, checked: Checked) -> None:
        self.checked[checked.snapshot.uri] = checked

    def drop(self, uri: str) -> None:
        self.checked.pop(uri, None)

    def settings_changed(self) -> None:
        self.generation += 1
