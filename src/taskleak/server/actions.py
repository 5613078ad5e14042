"""Code actions: a quick fix per diagnostic (the safe fix preferred, an unsafe one labelled so),
"suppress with `# noqa: CODE`", and `source.fixAll.taskleak`.

Every edit is computed from the checked buffer (the editor's unsaved text, never the file on
disk) and sent as the changed lines, versioned when the client takes versioned edits. Fix-all
applies the safe fixes, and the unsafe ones only where the settings allow them (`unsafe-fixes`
in the configuration, or the editor's `unsafeFixes`). When the client can resolve actions,
fix-all offered in the light bulb is computed only when picked; asked for by kind (on save) it
comes with its edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types

from taskleak.model import Finding
from taskleak.rules import RULES
from taskleak.server.diagnostics import SOURCE
from taskleak.server.documents import Checked
from taskleak.server.edits import text_edits
from taskleak.server.engine import fix_checked
from taskleak.server.suppression import noqa_edit
from taskleak.server.text import Lines

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
QUICK_FIX = types.CodeActionKind.QuickFix.value
Key = tuple[int, int, str]


@dataclass(frozen=True)
class Request:
    """A code action request, and what the client can take."""

    diagnostics: Sequence[types.Diagnostic]
    only: Sequence[str] | None
    resolve: bool  # the client resolves an action's edit when it is picked
    versioned: bool  # the client takes `documentChanges` (versioned edits)
    folder: Path | None

    def wants(self, kind: str) -> bool:
        return self.only is None or any(kind == o or kind.startswith(f"{o}.") for o in self.only)

    def asks_for(self, kind: str) -> bool:
        """The client asked for this kind by name (or a parent kind), not "everything"."""
        return self.only is not None and self.wants(kind)


def code_actions(checked: Checked, request: Request, lines: Lines) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    by_key = {(f.line, f.column, f.rule): f for f in checked.findings}
    if request.wants(QUICK_FIX):
        for diagnostic in request.diagnostics:
            key = _key_of(diagnostic) if diagnostic.source == SOURCE else None
            finding = by_key.get(key) if key is not None else None
            if finding is not None:
                out += quick_fixes(checked, finding, diagnostic, request, lines)
                out += _noqa_action(checked, finding, diagnostic, request, lines)
    if request.wants(FIX_ALL):
        out += _fix_all(checked, request, lines)
    return out


def _key_of(diagnostic: types.Diagnostic) -> Key | None:
    data = diagnostic.data
    key = data.get("key") if isinstance(data, dict) else None
    if (isinstance(key, list) and len(key) == 3 and isinstance(key[0], int)
            and isinstance(key[1], int) and isinstance(key[2], str)):
        return key[0], key[1], key[2]
    return None


def quick_fixes(checked: Checked, finding: Finding, diagnostic: types.Diagnostic,
                request: Request, lines: Lines) -> list[types.CodeAction]:
    """The finding's safe fix (preferred), then its unsafe one when it differs."""
    if finding.fix is None:
        return []
    rule = RULES.get(finding.rule)
    variants = [False] if finding.fix.safe else []
    if rule is not None and any(not kind.safe for kind in rule.fixes):
        variants.append(True)
    key = (finding.line, finding.column, finding.rule)
    out: list[types.CodeAction] = []
    seen = {checked.snapshot.text}
    for unsafe in variants:
        fixed = fix_checked(checked, [key], unsafe, request.folder)
        applied = [a for a in (fixed.applied if fixed else []) if (a.line, a.column, a.rule) == key]
        if fixed is None or not applied or fixed.text in seen:
            continue
        seen.add(fixed.text)
        label = "" if applied[0].safe else " (unsafe)"
        out.append(types.CodeAction(
            title=f"Fix {finding.rule}{label}: {applied[0].description}",
            kind=QUICK_FIX, diagnostics=[diagnostic], is_preferred=applied[0].safe,
            edit=_workspace_edit(checked, text_edits(lines, fixed.text), request)))
    return out


def _noqa_action(checked: Checked, finding: Finding, diagnostic: types.Diagnostic,
                 request: Request, lines: Lines) -> list[types.CodeAction]:
    edit = noqa_edit(finding, lines.plain)
    if edit is None:
        return []
    text_edit = types.TextEdit(range=lines.span(edit.line, edit.start, edit.line, edit.end),
                               new_text=edit.text)
    return [types.CodeAction(
        title=f"Suppress {finding.rule} on this line (# noqa: {finding.rule})",
        kind=QUICK_FIX, diagnostics=[diagnostic],
        edit=_workspace_edit(checked, [text_edit], request))]


def fixable(checked: Checked) -> list[Key]:
    """The findings fix-all works on: those a fix is advertised for."""
    return [(f.line, f.column, f.rule) for f in checked.findings if f.fix is not None]


def fix_all_title(checked: Checked) -> str:
    settings = checked.settings
    unsafe = settings is not None and (settings.unsafe_fixes or settings.unsafe_fix_rules)
    return f"{SOURCE}: fix all ({'safe and allowed unsafe' if unsafe else 'safe'} fixes)"


def _fix_all(checked: Checked, request: Request, lines: Lines) -> list[types.CodeAction]:
    if not fixable(checked):
        return []
    action = types.CodeAction(title=fix_all_title(checked), kind=FIX_ALL)
    if request.resolve and not request.asks_for(FIX_ALL):
        action.data = {"uri": checked.snapshot.uri, "kind": FIX_ALL}
        return [action]
    edit = fix_all_edit(checked, request, lines)
    if edit is None:
        return []
    action.edit = edit
    return [action]


def fix_all_edit(checked: Checked, request: Request, lines: Lines) -> types.WorkspaceEdit | None:
    """The edit of fix-all, or None when it changes nothing."""
    fixed = fix_checked(checked, fixable(checked), None, request.folder)
    if fixed is None or fixed.text == checked.snapshot.text:
        return None
    return _workspace_edit(checked, text_edits(lines, fixed.text), request)


def fix_all_uri(data: Any) -> str | None:
    """The document of a fix-all action to resolve (from its `data`), or None."""
    if isinstance(data, dict) and data.get("kind") == FIX_ALL and isinstance(data.get("uri"), str):
        return str(data["uri"])
    return None


def _workspace_edit(checked: Checked, edits: list[types.TextEdit], request: Request
                    ) -> types.WorkspaceEdit:
    snapshot = checked.snapshot
    if request.versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=snapshot.uri,
                                                                 version=snapshot.version)
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(text_document=document, edits=list(edits))])
    return types.WorkspaceEdit(changes={snapshot.uri: list(edits)})
