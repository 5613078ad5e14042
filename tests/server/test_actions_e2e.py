"""Code actions end to end: quick fixes, `# noqa`, fix-all, all on the unsaved buffer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LEAKY
from lsp_client import (
    Client,
    apply_edits,
    capabilities,
    diagnostics_for,
    edits_of,
    open_document,
    replace_text,
    running,
)
from lsprotocol import types

from taskleak.rules import rule_for

pytestmark = pytest.mark.asyncio

DISCARDED = rule_for("task-discarded")
OVERWRITTEN = rule_for("task-overwritten")
TRACKED = rule_for("task-tracked")
assert DISCARDED and OVERWRITTEN and TRACKED

# Only an unsafe fix exists (cancel the running task before re-spawning it).
RESPAWNED = '''\
import asyncio


class Client:
    def __init__(self, transport) -> None:
        self._receiver: asyncio.Task[None] | None = None
        transport.add_listener("connection_lost", self.connect)

    async def connect(self) -> None:
        self._receiver = asyncio.create_task(self._receive())

    async def _receive(self) -> None:
        await asyncio.sleep(1)

    async def disconnect(self) -> None:
        if self._receiver is not None:
            self._receiver.cancel()
'''


async def actions(client: Client, uri: str, diagnostics: list[types.Diagnostic],
                  only: list[str] | None = None,
                  trigger: types.CodeActionTriggerKind | None = None) -> list[types.CodeAction]:
    whole = types.Range(start=types.Position(line=0, character=0),
                        end=types.Position(line=0, character=0))
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=diagnostics[0].range if diagnostics else whole,
        context=types.CodeActionContext(diagnostics=diagnostics, only=only,
                                        trigger_kind=trigger)))
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


async def test_the_quick_fix_clears_the_diagnostic(workspace: Path) -> None:
    path = workspace / "pkg" / "leaky.py"
    async with running(workspace) as client:
        uri = open_document(client, path)
        [diagnostic] = await diagnostics_for(client, uri, 1)
        found = await actions(client, uri, [diagnostic])
        [preferred] = [a for a in found if a.is_preferred]
        assert preferred.kind == types.CodeActionKind.QuickFix
        assert preferred.title.startswith(f"Fix {DISCARDED.code}: keep the task in a")
        assert list(preferred.diagnostics or []) == [diagnostic]
        fixed = apply_edits(LEAKY, edits_of(preferred, uri))
        replace_text(client, uri, fixed, 2)
        after = await diagnostics_for(client, uri, 2)
    assert "_background_tasks.add(task)" in fixed
    assert [d.code for d in after] == [TRACKED.code]  # kept and pruned now: a low row
    assert path.read_text(encoding="utf-8") == LEAKY  # nothing written to disk


async def test_the_unsafe_fix_is_offered_and_labelled(workspace: Path) -> None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        diagnostics = await diagnostics_for(client, uri, 1)
        found = await actions(client, uri, diagnostics)
        [unsafe] = [a for a in found if "(unsafe)" in a.title]
    assert unsafe.title == f"Fix {DISCARDED.code} (unsafe): await work() instead of spawning it"
    assert not unsafe.is_preferred
    assert apply_edits(LEAKY, edits_of(unsafe, uri)).endswith("    await work()\n")


async def test_fixes_are_made_from_the_unsaved_buffer(workspace: Path) -> None:
    path = workspace / "pkg" / "leaky.py"
    buffer = LEAKY.replace("async def work()", "async def work_renamed()").replace(
        "create_task(work())", "create_task(work_renamed())")
    async with running(workspace) as client:
        uri = open_document(client, path, buffer)
        diagnostics = await diagnostics_for(client, uri, 1)
        [preferred] = [a for a in await actions(client, uri, diagnostics) if a.is_preferred]
    fixed = apply_edits(buffer, edits_of(preferred, uri))
    assert "task = asyncio.create_task(work_renamed())" in fixed


async def test_the_noqa_action_suppresses_the_finding(workspace: Path) -> None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        diagnostics = await diagnostics_for(client, uri, 1)
        [noqa] = [a for a in await actions(client, uri, diagnostics) if "noqa" in a.title]
        suppressed = apply_edits(LEAKY, edits_of(noqa, uri))
        replace_text(client, uri, suppressed, 2)
        after = await diagnostics_for(client, uri, 2)
    assert f"    asyncio.create_task(work())  # noqa: {DISCARDED.code}\n" in suppressed
    assert after == []


async def test_the_noqa_action_adds_to_an_existing_directive(workspace: Path) -> None:
    buffer = LEAKY.replace("create_task(work())", "create_task(work())  # noqa: E501  why")
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", buffer)
        diagnostics = await diagnostics_for(client, uri, 1)
        [noqa] = [a for a in await actions(client, uri, diagnostics) if "noqa" in a.title]
    assert f"# noqa: E501, {DISCARDED.code}  why\n" in apply_edits(buffer, edits_of(noqa, uri))


async def test_fix_all_applies_the_safe_fixes(workspace: Path) -> None:
    two = LEAKY + "\n\nasync def again() -> None:\n    asyncio.ensure_future(work())\n"
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", two)
        assert len(await diagnostics_for(client, uri, 1)) == 2
        [fix_all] = await actions(client, uri, [], only=["source.fixAll"])
        assert fix_all.kind == "source.fixAll.taskleak"
        fixed = apply_edits(two, edits_of(fix_all, uri))
        replace_text(client, uri, fixed, 2)
        after = await diagnostics_for(client, uri, 2)
    assert [d.code for d in after] == [TRACKED.code, TRACKED.code]


async def test_fix_all_leaves_unsafe_fixes_unless_configured(workspace: Path) -> None:
    path = workspace / "pkg" / "client.py"
    path.write_text(RESPAWNED, encoding="utf-8")
    async with running(workspace) as client:
        uri = open_document(client, path)
        diagnostics = await diagnostics_for(client, uri, 1)
        assert [d.code for d in diagnostics] == [OVERWRITTEN.code]
        assert await actions(client, uri, [], only=["source.fixAll"]) == []
    async with running(workspace, init_options={"settings": {"unsafeFixes": True}}) as client:
        uri = open_document(client, path)
        await diagnostics_for(client, uri, 1)
        [fix_all] = await actions(client, uri, [], only=["source.fixAll.taskleak"])
    assert "unsafe" in fix_all.title
    assert "self._receiver.cancel()" in apply_edits(RESPAWNED, edits_of(fix_all, uri)).split(
        "async def _receive")[0]


async def test_fix_all_is_resolved_when_the_client_resolves(workspace: Path) -> None:
    async with running(workspace, capabilities("neovim")) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        found = await actions(client, uri, list(report.items))
        [lazy] = [a for a in found if a.kind == "source.fixAll.taskleak"]
        assert lazy.edit is None and lazy.data is not None
        resolved = await client.code_action_resolve_async(lazy)
    assert "_background_tasks.add(task)" in apply_edits(LEAKY, edits_of(resolved, uri))


async def test_a_light_bulb_gets_the_fix_computed_only_when_picked(workspace: Path) -> None:
    async with running(workspace, capabilities("visual-studio-code")) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        diagnostics = await diagnostics_for(client, uri, 1)
        automatic = types.CodeActionTriggerKind.Automatic
        found = await actions(client, uri, diagnostics, trigger=automatic)
        [lazy] = [a for a in found if a.is_preferred]
        assert lazy.edit is None and lazy.title.startswith(f"Fix {DISCARDED.code}: keep the")
        assert not [a for a in found if "(unsafe)" in a.title]  # offered when asked for
        resolved = await client.code_action_resolve_async(lazy)
        fixed = apply_edits(LEAKY, edits_of(resolved, uri))
        asked = await actions(client, uri, diagnostics, trigger=types.CodeActionTriggerKind.Invoked)
        [safe] = [a for a in asked if a.is_preferred]
        [unsafe] = [a for a in asked if "(unsafe)" in a.title]
        assert safe.edit is not None  # made when the light bulb's was picked: given at once
        # asked for, the other fix is named exactly, and made when picked
        assert unsafe.title == f"Fix {DISCARDED.code} (unsafe): await work() instead of spawning it"
        assert unsafe.edit is None
        made = await client.code_action_resolve_async(unsafe)
    assert "_background_tasks.add(task)" in fixed
    assert "    await work()\n" in apply_edits(LEAKY, edits_of(made, uri))


async def test_edits_are_versioned_for_a_client_that_takes_them(workspace: Path) -> None:
    async with running(workspace, capabilities("visual-studio-code")) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", version=7)
        diagnostics = await diagnostics_for(client, uri, 7)
        [named] = [a for a in await actions(client, uri, diagnostics) if a.is_preferred]
        preferred = await client.code_action_resolve_async(named)  # VS Code resolves edits
    assert preferred.edit is not None and preferred.edit.document_changes
    [change] = preferred.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == 7


# A buffer with a dropped spawn whose line is long: the keep-helper and the line length decide
# what the fix writes.
STYLED = '''\
import asyncio


async def work(name: str) -> None:
    await asyncio.sleep(0)


async def on_message(name: str) -> None:
    asyncio.create_task(work("a very long name that makes the line longer than sixty"))
'''
STYLED_CONFIG = '''\
[project]
name = "example"

[tool.ruff]
line-length = 60

[tool.taskleak]
keep-helper = "pkg.tasks.keep"
'''


async def test_the_editor_fixes_as_taskleak_fix_stdin_does(workspace: Path) -> None:
    """One door: the quick fix and fix-all go through the same fix policy as `taskleak fix -
    --stdin-filename FILE`, so the project's keep-helper and line length count in the editor."""
    from click.testing import CliRunner

    from taskleak.cli import main

    (workspace / "pyproject.toml").write_text(STYLED_CONFIG, encoding="utf-8")
    path = workspace / "pkg" / "styled.py"
    cli = CliRunner().invoke(main, ["fix", "-", "--stdin-filename", str(path)],
                             input=STYLED)
    expected = cli.stdout
    # the configured helper, not a set; too long for 60 columns, the spawn goes on its own lines
    assert "    keep(\n        asyncio.create_task(\n" in expected
    assert "from pkg.tasks import keep" in expected
    async with running(workspace) as client:
        uri = open_document(client, path, STYLED)
        diagnostics = await diagnostics_for(client, uri, 1)
        [quick] = [a for a in await actions(client, uri, diagnostics) if a.is_preferred]
        [fix_all] = await actions(client, uri, [], only=["source.fixAll"])
    assert apply_edits(STYLED, edits_of(quick, uri)) == expected
    assert apply_edits(STYLED, edits_of(fix_all, uri)) == expected


STALE = '''\
import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    await asyncio.create_task(work())  # noqa: TL101, E501
'''


async def test_an_unused_noqa_is_fixed_as_taskleak_fix_fixes_it(workspace: Path) -> None:
    """TL900's fix goes through the one fix policy: the diagnostic's quick fix and fix-all
    make the edit `taskleak fix -` makes, which the check advertised with `[*]`."""
    from click.testing import CliRunner

    from taskleak.cli import main

    config = workspace / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'extend-select = ["unused-noqa"]\n',
                      encoding="utf-8")
    path = workspace / "pkg" / "stale.py"
    cli = CliRunner().invoke(main, ["fix", "-", "--stdin-filename", str(path)], input=STALE)
    expected = cli.stdout
    assert expected == STALE.replace("  # noqa: TL101, E501", "  # noqa: E501")
    checked = CliRunner().invoke(main, ["check", "-", "--stdin-filename", str(path),
                                        "--output-format", "concise"], input=STALE)
    assert "stale.py:9:40: TL900 [*] Unused `noqa` directive (unused: TL101)" in checked.stdout
    async with running(workspace) as client:
        uri = open_document(client, path, STALE)
        diagnostics = await diagnostics_for(client, uri, 1)
        [unused] = [d for d in diagnostics if d.code == "TL900"]
        [quick] = [a for a in await actions(client, uri, [unused]) if a.is_preferred]
        [fix_all] = await actions(client, uri, [], only=["source.fixAll"])
    assert quick.title == "Fix TL900: remove TL101 from the `noqa` directive"
    assert apply_edits(STALE, edits_of(quick, uri)) == expected
    assert apply_edits(STALE, edits_of(fix_all, uri)) == expected
