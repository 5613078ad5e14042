"""Robustness end to end: an internal error in one document is logged and the server goes on;
memory stays flat over 1,000 edits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import LEAKY
from lsp_client import (
    change_range,
    diagnostics_for,
    open_document,
    running,
    server_rss,
    wait_until,
)
from lsprotocol import types

from taskleak.rules import rule_for

pytestmark = pytest.mark.asyncio

DISCARDED = rule_for("task-discarded")
assert DISCARDED
FAULTY = [sys.executable, str(Path(__file__).with_name("faulty_server.py"))]
EDITS = 1000
WARM = 100  # edits before the first measurement (caches, the allocator's arenas)
MAX_GROWTH = 40 * 1024 * 1024  # bytes: generous; a leak of each edit's text and results is more


async def test_an_internal_error_is_logged_and_the_server_goes_on(workspace: Path) -> None:
    planted = LEAKY + "# PLANTED_BUG\n"
    async with running(workspace, command=FAULTY) as client:
        bad = open_document(client, workspace / "pkg" / "bad.py", planted)
        logged = await wait_until(
            lambda: [m for m in client.log_messages if "a planted bug" in m.message],
            "the internal error in the log")
        assert logged[0].type == types.MessageType.Error
        assert "Traceback" in logged[0].message
        document = types.TextDocumentIdentifier(uri=bad)
        pulled = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document))
        assert isinstance(pulled, types.RelatedFullDocumentDiagnosticReport)
        assert list(pulled.items) == []  # an empty answer, not an error
        good = open_document(client, workspace / "pkg" / "leaky.py")
        [diagnostic] = await diagnostics_for(client, good, 1)
    assert diagnostic.code == DISCARDED.code


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the RSS")
async def test_memory_stays_flat_over_a_thousand_edits(workspace: Path) -> None:
    text = LEAKY + "\nLIMIT = 0\n"
    line = text.splitlines().index("LIMIT = 0")
    settings = {"settings": {"debounce": 0}}
    async with running(workspace, init_options=settings) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", text)
        await diagnostics_for(client, uri, 1)
        measured: dict[int, int] = {}
        value = "0"
        for version in range(2, EDITS + 2):
            new = str(version)
            change_range(client, uri, version, line, 8, 8 + len(value), new)
            value = new
            [diagnostic] = await diagnostics_for(client, uri, version)
            assert diagnostic.code == DISCARDED.code
            client.recorder.published[uri].clear()  # the client's memory is not the point
            if version - 1 in (WARM, EDITS):
                rss = server_rss(client)
                if rss is None:
                    pytest.skip("no /proc/PID/status")
                measured[version - 1] = rss
    growth = measured[EDITS] - measured[WARM]
    print(f"server RSS after {WARM} edits: {measured[WARM] / 2**20:.1f} MiB, after {EDITS}: "
          f"{measured[EDITS] / 2**20:.1f} MiB (growth {growth / 2**20:+.1f} MiB)")
    assert growth < MAX_GROWTH
