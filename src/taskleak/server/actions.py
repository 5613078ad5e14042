"""Code actions: a quick fix per diagnostic (the safe fix preferred, an unsafe one labelled so),
"suppress with `# noqa: CODE`", and `source.fixAll.taskleak`.

Every edit is computed from the checked buffer (the editor's unsaved text, never the file on
disk) and sent as the changed lines, versioned when the client takes versioned edits. Fix-all
applies the safe fixes, and the unsafe ones only where the settings allow them (`unsafe-fixes`
in the configuration, or the editor's `unsafeFixes`).

A fix costs a verified rewrite (the fixed text is parsed, compiled and re-checked: about as
much as two checks; the original's parse and analysis are the check's, kept), so what the
client asks for on its own decides how much is done:
- asked for by the user (`triggerKind` Invoked, or a client that does not say): each title says
  exactly what its fix does (the fix chosen, named before it is made: `engine.plan_checked`),
  and the unsafe alternative is offered too. A client that resolves actions gets each edit when
  it is picked (a fix the verification then refuses is reported, not applied: as with a light
  bulb's); any other, or one asking for quick fixes by kind, gets every fix computed at once;
- asked for automatically (a light bulb as the cursor moves) by a client that resolves actions:
  the finding's advertised fix is offered with its kind's title, and computed when picked
  (`codeAction/resolve`); fix-all likewise, unless asked for by kind (on save).
Fixes computed once are kept for the document's version, so asking again is free; and the fixer
keeps the last text checked or parsed (`fixer.prepared`: the check's own tree), so the menu, the
fix picked from it, the other variant and fix-all pay only for their own rewrite and its
verification. The findings' fix advice, which only code actions read, is made for the first
code action of a version, from that tree (`state.check(..., advised=True)`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from taskleak.fixes.policy import FixPolicy
from taskleak.model import Finding, FindingKey, FixKind
from taskleak.records import record
from taskleak.rules import FIX_KINDS, RULES, judges_a_spawn
from taskleak.server.diagnostics import SOURCE
from taskleak.server.documents import BufferFix, Checked
from taskleak.server.edits import text_edits
from taskleak.server.engine import fix_checked, plan_checked
from taskleak.server.suppression import noqa_edit
from taskleak.server.text import Lines

if TYPE_CHECKING:  # fixing loads libcst's rewriting: only when a fix is asked for
    from taskleak.fixer.apply import AppliedFix

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
QUICK_FIX = types.CodeActionKind.QuickFix.value
Key = FindingKey


@record(frozen=True)
class Request:
    """A code action request, and what the client can take."""

    diagnostics: Sequence[types.Diagnostic]
    only: Sequence[str] | None
    resolve: bool  # the client resolves an action's edit when it is picked
    versioned: bool  # the client takes `documentChanges` (versioned edits)
    folder: Path | None
    automatic: bool = False  # not asked for by the user (a light bulb)

    @property
    def lazy(self) -> bool:
        return self.resolve and self.automatic

    def wants(self, kind: str) -> bool:
        return self.only is None or any(kind == o or kind.startswith(f"{o}.") for o in self.only)

    def asks_for(self, kind: str) -> bool:
        """The client asked for this kind by name (or a parent kind), not "everything"."""
        return self.only is not None and self.wants(kind)


@record(frozen=True)
class Pending:
    """A code action to compute when it is picked (its `data`)."""

    uri: str
    kind: str  # QUICK_FIX or FIX_ALL
    key: Key | None = None  # the finding, for a quick fix
    unsafe: bool | None = None

    def to_data(self) -> dict[str, Any]:
        return {"uri": self.uri, "kind": self.kind, "key": list(self.key) if self.key else None,
                "unsafe": self.unsafe}

    @classmethod
    def from_data(cls, data: Any) -> Pending | None:
        if not isinstance(data, dict) or not isinstance(data.get("uri"), str):
            return None
        kind, key, unsafe = data.get("kind"), _key(data.get("key")), data.get("unsafe")
        if kind == FIX_ALL or (kind == QUICK_FIX and key is not None
                               and isinstance(unsafe, bool)):
            return cls(data["uri"], kind, key, unsafe if isinstance(unsafe, bool) else None)
        return None


def _key(value: Any) -> Key | None:
    if (isinstance(value, list) and len(value) == 3 and isinstance(value[0], int)
            and isinstance(value[1], int) and isinstance(value[2], str)):
        return value[0], value[1], value[2]
    return None


def code_actions(checked: Checked, request: Request, lines: Lines) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    by_key = {(f.line, f.column, f.rule): f for f in checked.findings}
    if request.wants(QUICK_FIX):
        for diagnostic in request.diagnostics:
            data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
            key = _key(data.get("key")) if diagnostic.source == SOURCE else None
            finding = by_key.get(key) if key is not None else None
            if finding is not None:
                out += quick_fixes(checked, finding, diagnostic, request, lines)
                out += _noqa_action(checked, finding, diagnostic, request, lines)
    if request.wants(FIX_ALL):
        out += _fix_all(checked, request, lines)
    return out


def _variants(finding: Finding) -> list[bool]:
    """Which fixes to offer: the safe one (when there is one), then an unsafe one."""
    if finding.fix is None:
        return []
    rule = RULES.get(finding.rule)
    variants = [False] if finding.fix.safe else []
    if rule is not None and any(not kind.safe for kind in rule.fixes):
        variants.append(True)
    return variants


def quick_fixes(checked: Checked, finding: Finding, diagnostic: types.Diagnostic,
                request: Request, lines: Lines) -> list[types.CodeAction]:
    """The finding's safe fix (preferred), then its unsafe one when it differs."""
    key = (finding.line, finding.column, finding.rule)
    variants = _variants(finding)
    known = all((frozenset([key]), unsafe) in checked.fixes for unsafe in variants)
    if request.lazy and not known and finding.fix is not None:
        info = FIX_KINDS[finding.fix.kind]
        label = "" if finding.fix.safe else " (unsafe)"
        pending = Pending(checked.snapshot.uri, QUICK_FIX, key, not finding.fix.safe)
        return [types.CodeAction(title=f"Fix {finding.rule}{label}: {info.title}",
                                 kind=QUICK_FIX, diagnostics=[diagnostic],
                                 is_preferred=finding.fix.safe, data=pending.to_data())]
    # a client that resolves edits gets the fixes not made yet named, and made when picked
    named = request.resolve and not request.asks_for(QUICK_FIX) and judges_a_spawn(finding.rule)
    out: list[types.CodeAction] = []
    seen = {checked.snapshot.text}
    seen_fixes: set[tuple[FixKind, str]] = set()  # a fix named or made: (kind, words)
    for unsafe in variants:
        if named and (frozenset([key]), unsafe) not in checked.fixes:
            plan = plan_checked(checked, key, unsafe, request.folder)
            # the fix another variant tries (the same kind and words) writes the same text
            if plan is None or (plan.kind, plan.description) in seen_fixes:
                continue
            seen_fixes.add((plan.kind, plan.description))
            pending = Pending(checked.snapshot.uri, QUICK_FIX, key, unsafe)
            out.append(types.CodeAction(
                title=_title(finding.rule, plan.safe, plan.description), kind=QUICK_FIX,
                diagnostics=[diagnostic], is_preferred=plan.safe, data=pending.to_data()))
            continue
        fixed = fix_checked(checked, [key], unsafe, request.folder)
        applied = _applied(fixed, key)
        if fixed is None or applied is None or fixed.text in seen:
            continue
        seen.add(fixed.text)
        seen_fixes.add((applied.kind, applied.description))
        out.append(types.CodeAction(
            title=_title(finding.rule, applied.safe, applied.description), kind=QUICK_FIX,
            diagnostics=[diagnostic], is_preferred=applied.safe,
            edit=_workspace_edit(checked, text_edits(lines, fixed.text), request)))
    return out


def _title(rule: str, safe: bool, description: str) -> str:
    return f"Fix {rule}{'' if safe else ' (unsafe)'}: {description}"


def _applied(fixed: BufferFix | None, key: Key) -> AppliedFix | None:
    """The fix applied to the finding `key`, if one was."""
    for a in fixed.applied if fixed is not None else []:
        if (a.line, a.column, a.rule) == key:
            return a
    return None


def quick_fix_edit(checked: Checked, pending: Pending, request: Request, lines: Lines
                   ) -> tuple[types.WorkspaceEdit | None, str | None]:
    """A picked quick fix's edit, or None and why it was not made."""
    assert pending.key is not None
    fixed = fix_checked(checked, [pending.key], pending.unsafe, request.folder)
    if fixed is None:
        return None, "no settings (see the configuration error)"
    if _applied(fixed, pending.key) is None:
        reasons = [n.reason for n in fixed.not_fixed if (n.line, n.column, n.rule) == pending.key]
        return None, reasons[0] if reasons else fixed.error or "the document has changed"
    return _workspace_edit(checked, text_edits(lines, fixed.text), request), None


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
    """The findings fix-all works on: those the fix policy would fix with the settings."""
    if checked.settings is None:
        return []
    policy = FixPolicy(checked.settings)
    return [(f.line, f.column, f.rule) for f in checked.findings if policy.fixable(f)]


def fix_all_title(checked: Checked) -> str:
    unsafe = checked.settings is not None and FixPolicy(checked.settings).any_unsafe
    return f"{SOURCE}: fix all ({'safe and allowed unsafe' if unsafe else 'safe'} fixes)"


def _fix_all(checked: Checked, request: Request, lines: Lines) -> list[types.CodeAction]:
    if not fixable(checked):
        return []
    action = types.CodeAction(title=fix_all_title(checked), kind=FIX_ALL)
    if request.resolve and not request.asks_for(FIX_ALL):
        action.data = Pending(checked.snapshot.uri, FIX_ALL).to_data()
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


def _workspace_edit(checked: Checked, edits: list[types.TextEdit], request: Request
                    ) -> types.WorkspaceEdit:
    snapshot = checked.snapshot
    if request.versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=snapshot.uri,
                                                                 version=snapshot.version)
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(text_document=document, edits=list(edits))])
    return types.WorkspaceEdit(changes={snapshot.uri: list(edits)})
