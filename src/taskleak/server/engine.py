"""What runs on the analysis worker, off the event loop: check a snapshot, fix a checked one.

A buffer is checked as `taskleak check - --stdin-filename FILE` checks it (`api.check` on the
buffer's bytes): the nearest configuration of FILE, the editor's settings on top, per-file
ignores, `# noqa` read from the buffer. Settings are resolved at every check, so a changed
`pyproject.toml` counts at the next one. A buffer is fixed as `taskleak fix -` fixes it
(a `Session` on the buffer, with the same fix policy: rewritten, then verified), in memory, for
the findings asked for. What a fix would do can be named before it is made (`plan_checked`,
for a menu): the fixer keeps the parsed text for the fix picked from it (`fixer.prepared`).

Only the worker thread calls these (see `schedule.Worker`): libcst and the parser's speed
switches are process-wide (`analysis.parse`), so the analysis runs on one thread at a time.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Collection
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pygls.workspace.position_codec import PositionCodec

from taskleak import api
from taskleak.config import CliOverrides
from taskleak.files.source import SourceError, decode
from taskleak.fixes.policy import FixPolicy
from taskleak.records import record
from taskleak.server.diagnostics import to_diagnostics
from taskleak.server.documents import BufferFix, Checked, FixKey, Snapshot
from taskleak.server.editor_settings import EditorSettings
from taskleak.server.text import Lines
from taskleak.session import Session, Source

if TYPE_CHECKING:  # fixing loads libcst's rewriting: only when a fix is asked for
    from taskleak.fixer.apply import AppliedFix

UNTITLED = "untitled.py"


@record(frozen=True)
class View:
    """What the client understands of diagnostics."""

    codec: PositionCodec
    related: bool  # relatedInformation


@record
class BufferCheck:
    checked: Checked
    errors: list[str] = field(default_factory=list)  # for the user (a configuration error)
    logs: list[str] = field(default_factory=list)  # for the log (an internal error of ours)


def file_path(snapshot: Snapshot, folder: Path | None) -> Path:
    """The file the buffer is checked as: its own, or an untitled one in its folder."""
    if snapshot.path is not None:
        return snapshot.path
    return (folder or Path.cwd()) / UNTITLED


def buffer_bytes(text: str) -> bytes:
    """A buffer's text as the bytes its file would hold: in the encoding it declares."""
    data = text.encode("utf-8")
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        return data if encoding.startswith("utf-8") else text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeEncodeError):
        return data  # the check then reports the bad declaration


def check_snapshot(snapshot: Snapshot, editor: EditorSettings, folder: Path | None,
                   generation: int, view: View, *, advised: bool = True) -> BufferCheck:
    """Check one buffer with its file's settings and the editor's on top. Not `advised`: its
    findings without their fix advice (the diagnostics need none); the check of the same text
    with advice then makes it from the tree this one kept (`fixer.prepared`)."""
    out = BufferCheck(Checked(snapshot, generation, None, editor, advised=advised))
    options = api.CheckOptions(stdin=buffer_bytes(snapshot.text),
                               stdin_filename=file_path(snapshot, folder),
                               overrides=editor.overrides(), cache=False)
    from taskleak.analysis.tree import reparse
    from taskleak.fixer import prepared

    # the tree is kept for this version's fixes, and for the next version's parse
    with prepared.kept(advice_later=not advised), reparse.incremental():
        session = _session(options, out)
    if session is None:
        return out
    result, settings = session.result, session.settings
    out.checked.settings = settings
    out.checked.findings = result.findings
    lines = Lines(snapshot.text, view.codec)
    out.checked.diagnostics = to_diagnostics(result, lines, settings, editor.low_severity,
                                             snapshot.uri, view.related)
    out.logs += [f"{snapshot.uri}: {s.reason}" for s in result.skipped if s.internal]
    return out


def _session(options: api.CheckOptions, out: BufferCheck) -> api.Outcome | None:
    """The check; when the settings are refused, the check without the editor's (the error is
    theirs), else None (the configuration file's error)."""
    try:
        return api.check(options)
    except api.UsageError as exc:
        first = str(exc)
    if options.overrides != CliOverrides():
        try:
            session = api.check(replace(options, overrides=CliOverrides()))
        except api.UsageError:
            pass
        else:
            out.errors.append(f"editor settings: {first}")
            return session
    out.errors.append(first)
    return None


def fix_checked(checked: Checked, targets: Collection[tuple[int, int, str]],
                unsafe: bool | None, folder: Path | None) -> BufferFix | None:
    """The checked buffer with `targets` fixed (cached for its version): unsafe fixes where the
    settings allow them, or everywhere (`unsafe`) or nowhere (`unsafe=False`). None without
    settings (a configuration error)."""
    settings = checked.settings
    if settings is None:
        return None
    key = (frozenset(targets), unsafe)
    cached = checked.fixes.get(key)
    if cached is not None:
        return cached
    from taskleak.fixer import prepared

    snapshot = checked.snapshot
    # through the one door, as `taskleak fix - --stdin-filename FILE` fixes it: the same
    # session, fix policy and style; in memory (never written)
    session = Session(Source(buffer=buffer_bytes(snapshot.text),
                             filename=file_path(snapshot, folder)), settings)
    with prepared.kept():  # the text a menu's plan or another fix of it parsed is reused
        run = session.fix(FixPolicy(settings, unsafe), write=False, only=targets)
    done = run.files[0].source if run.files else None
    if done is not None and done.recheck is not None:
        done.recheck.drop()  # the text is all an editor takes of a fix
    if done is None:
        fixed = BufferFix(snapshot.text, [], [], run.files[0].error if run.files else None)
    else:
        try:
            text = decode(done.fixed)[0] if done.changed else snapshot.text
            fixed = BufferFix(text, done.applied, done.not_fixed, done.error)
        except SourceError as exc:
            fixed = BufferFix(snapshot.text, [], done.not_fixed, exc.reason)
    checked.remember_fix(key, fixed)
    return fixed


def plan_checked(checked: Checked, target: tuple[int, int, str], unsafe: bool | None,
                 folder: Path | None) -> AppliedFix | None:
    """The fix `fix_checked(checked, [target], unsafe, folder)` would try (its kind, safety and
    words), before it is rewritten and verified (which may still refuse it); None when it
    would try none. Cached for the version."""
    from taskleak.fixer import prepared
    from taskleak.fixer.apply import plan_source

    settings = checked.settings
    if settings is None:
        return None
    key: FixKey = (frozenset([target]), unsafe)
    if key in checked.plans:
        return checked.plans[key]
    snapshot = checked.snapshot
    # the arguments `Session.fix` gives the fixer for this buffer, so that the fix picked from
    # the menu finds the text the plan parsed (`fixer.prepared`)
    source = Source(buffer=buffer_bytes(snapshot.text), filename=file_path(snapshot, folder))
    assert source.buffer is not None and source.filename is not None
    policy = FixPolicy(settings, unsafe)
    with prepared.kept():  # kept for the fix picked from the menu
        plans = plan_source(source.buffer, spawners=settings.spawners, targets={target},
                            allow_unsafe=policy.allow_unsafe, filename=source.display,
                            style=policy.style(source.filename))
    found = next((p for p in plans if (p.line, p.column, p.rule) == target), None)
    checked.plans[key] = found
    return found
