"""`taskleak fix`, `check --fix`, `--diff` and `--unsafe-fixes` end to end, and the seeds' server.

The voice chat server fixture is fixed on a temporary copy (never in place): the red rows of the
seeds' table turn green with the safe fixes, the yellow ones with --unsafe-fixes, every file
still compiles, and a second run changes nothing.
"""

from __future__ import annotations

import json
import os
import py_compile
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import FIXTURES, RULE_CASES

from taskleak.cli import main

VOICE_DIR = FIXTURES / "voice_chat_server"

LEAK = """import asyncio


async def send(msg: str) -> None:
    await asyncio.sleep(0)


async def handler(msg: str) -> None:
    asyncio.create_task(send(msg))
"""
OVERWRITE = """import asyncio


class Conn:
    def __init__(self, transport) -> None:
        self._beat = None
        transport.add_listener("connection_lost", self.reconnect)

    async def reconnect(self) -> None:
        self._beat = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        if self._beat is not None:
            self._beat.cancel()
"""


def invoke(args: list[str], cwd: Path) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [*args[:1], "--no-cache", *args[1:]]
                                  if args[0] in ("check", "fix") else args)
    finally:
        os.chdir(old)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "leak.py").write_text(LEAK)
    (tmp_path / "pkg" / "conn.py").write_text(OVERWRITE)
    (tmp_path / "pkg" / "clean.py").write_text("import asyncio\n")
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.py"))}


def test_fix_diff_prints_and_writes_nothing(project: Path) -> None:
    before = _snapshot(project)
    res = invoke(["fix", "--diff"], project)
    assert res.exit_code == 1
    assert res.stdout.startswith("--- pkg/leak.py\n+++ pkg/leak.py\n")
    assert "+    task = asyncio.create_task(send(msg))\n" in res.stdout
    assert "Would fix 1 finding in 1 file (tracked-set 1)." in res.stderr
    assert "pkg/conn.py:10:22: TL103 only an unsafe fix (cancel-previous" in res.stderr
    assert _snapshot(project) == before


def test_a_dry_run_with_nothing_to_fix_says_there_is_nothing_to_apply(project: Path) -> None:
    res = invoke(["fix", "--diff", "--select", "TL201"], project)  # no TL201 fix is safe
    assert (res.stdout, res.stderr.splitlines()[0]) == ("", "No fixes to apply.")
    clean = invoke(["fix", "--diff", "pkg/clean.py"], project)
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "No fixes to apply.\n")


def test_fix_writes_then_reports_what_is_left(project: Path) -> None:
    res = invoke(["fix"], project)
    assert res.exit_code == 1  # the TL103 (medium) is left: only an unsafe fix
    assert "Fixed 1 finding in 1 file (tracked-set 1)." in res.stdout
    assert "1 finding not fixed:" in res.stdout
    assert "_background_tasks.add(task)" in (project / "pkg" / "leak.py").read_text()
    assert (project / "pkg" / "conn.py").read_text() == OVERWRITE
    again = invoke(["fix", "--diff"], project)
    assert again.exit_code == 0 and again.stdout == ""


def test_fix_with_unsafe_fixes_leaves_nothing(project: Path) -> None:
    res = invoke(["fix", "--unsafe-fixes"], project)
    assert res.exit_code == 0, res.output
    assert "Fixed 2 findings in 2 files (await 1, cancel-previous 1)." in res.stdout
    assert "    await send(msg)\n" in (project / "pkg" / "leak.py").read_text()
    assert "if self._beat is not None:\n            self._beat.cancel()\n        self._beat = " \
        in (project / "pkg" / "conn.py").read_text()
    check = invoke(["check", "--format", "json"], project)
    assert check.exit_code == 0
    assert {f["risk"] for f in json.loads(check.stdout)["findings"]} == {"low"}


def test_unsafe_fixes_from_the_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nunsafe-fixes = ["TL103"]\n')
    res = invoke(["fix"], project)
    assert res.exit_code == 0, res.output
    assert "(cancel-previous 1, tracked-set 1)" in res.stdout  # TL101 keeps its safe fix
    res = invoke(["fix", "--diff", "--no-unsafe-fixes"], project)
    assert res.exit_code == 0


def test_select_and_noqa_limit_the_fixes(project: Path) -> None:
    leak = project / "pkg" / "leak.py"
    leak.write_text(LEAK.replace("(send(msg))", "(send(msg))  # noqa: TL101"))
    res = invoke(["fix", "--unsafe-fixes", "--select", "TL1"], project)
    assert "Fixed 1 finding in 1 file (cancel-previous 1)." in res.stdout
    assert "create_task(send(msg))  # noqa: TL101" in leak.read_text()
    res = invoke(["fix", "--unsafe-fixes", "--ignore", "TL103"], project)
    assert "No fixes applied: nothing to fix." in res.stdout


def test_check_fix_reports_what_is_left(project: Path) -> None:
    res = invoke(["check", "--fix", "--format", "json"], project)
    assert res.exit_code == 1
    rows = json.loads(res.stdout)["findings"]
    assert [(r["path"], r["rule"], r["risk"]) for r in rows if r["risk"] != "low"] == [
        ("pkg/conn.py", "TL103", "medium")]
    assert "taskleak: Fixed 1 finding in 1 file (tracked-set 1)." in res.stderr
    left = next(r for r in rows if r["rule"] == "TL103")
    assert left["fix"] == {"kind": "cancel-previous", "applicability": "unsafe",
                           "description": "cancel the task in self._beat before spawning its "
                                          "replacement"}


def test_check_diff_exits_1_only_with_a_diff(project: Path) -> None:
    res = invoke(["check", "--diff"], project)
    assert res.exit_code == 1
    assert "+    _background_tasks.add(task)\n" in res.stdout
    assert "pkg/clean.py" not in res.stdout
    shutil.rmtree(project / "pkg")
    (project / "ok.py").write_text("import asyncio\n\n\nasync def f():\n"
                                   "    await asyncio.create_task(f())\n")
    res = invoke(["check", "--diff"], project)
    assert res.exit_code == 0 and res.stdout == ""


def test_json_rows_carry_fix_or_reason(project: Path) -> None:
    (project / "pkg" / "lam.py").write_text(
        "import asyncio\n\n\nasync def g():\n    await asyncio.sleep(1)\n"
        "\n\nasync def f():\n    asyncio.wait_for(g(), 1)\n")
    res = invoke(["check", "--format", "json"], project)
    rows = {r["path"]: r for r in json.loads(res.stdout)["findings"]}
    assert rows["pkg/leak.py"]["fix"]["kind"] == "tracked-set"
    assert rows["pkg/leak.py"]["fix"]["applicability"] == "safe"
    assert "unsafe alternative: await send(msg)" in rows["pkg/leak.py"]["fix"]["description"]
    assert rows["pkg/lam.py"]["fix"] is None
    assert "returns a coroutine: dropped, it never runs" in rows["pkg/lam.py"]["no_fix_reason"]


def test_unparsable_files_are_skipped_not_touched(project: Path) -> None:
    bad = project / "pkg" / "bad.py"
    bad.write_text("import asyncio\nasyncio.create_task(\n")
    res = invoke(["fix"], project)
    assert bad.read_text() == "import asyncio\nasyncio.create_task(\n"
    # where Python's compiler puts the error: the unclosed `(`, line 2, column 20; not
    # analysed, the file fails the run (TL800)
    assert "pkg/bad.py:2:20: TL800 file not analysed: syntax error: '(' was never closed" \
        in res.stderr
    assert res.exit_code == 1


# -- the seeds' server ---------------------------------------------------------------------------
def _rows(cwd: Path) -> list[tuple[str, int, str, str]]:
    res = invoke(["check", "--format", "json", "--fail-on", "none"], cwd)
    return [(r["path"], r["line"], r["rule"], r["risk"])
            for r in json.loads(res.stdout)["findings"]]


@pytest.fixture
def voice(tmp_path: Path) -> Path:
    copy = tmp_path / "voice_chat_server"
    shutil.copytree(VOICE_DIR, copy)
    return copy


def _compiles(root: Path, scratch: Path) -> None:
    for path in root.rglob("*.py"):
        py_compile.compile(str(path), cfile=str(scratch / "scratch.pyc"), doraise=True)


def test_fix_turns_the_seeds_red_rows_green(voice: Path, tmp_path: Path) -> None:
    before = _rows(voice)
    assert sum(r[3] == "high" for r in before) == 4
    res = invoke(["fix"], voice)
    assert "Fixed 4 findings in 3 files (tracked-set 4)." in res.stdout
    after = _rows(voice)
    assert [r for r in after if r[3] != "low"] == [
        ("ai_chat/proxy_handler.py", 39, "TL103", "medium"),
        ("ai_chat/proxy_handler.py", 41, "TL201", "medium"),
        ("ai_chat/websocket_handler.py", 42, "TL201", "medium"),  # a singleton nothing ends
    ]
    assert len(after) == len(before)  # every spawn still there, now kept
    _compiles(voice, tmp_path)
    service = (voice / "ai_chat" / "service_context.py").read_text()
    # more runs after the spawn in its method: the package's keep-helper, so no local outlives
    # the task, written once for the package and imported where needed
    assert ("        # The agent takes seconds to build; do not block the websocket loop on it.\n"
            "        keep_task(asyncio.create_task(_finish_heavy_init()))\n") in service
    # relative, as the module imports its package, in sort order (issue 70)
    assert "from loguru import logger\n\nfrom ._background_tasks import keep_task\n" \
        "from .agent.basic_memory_agent import BasicMemoryAgent\n" in service
    assert "Wrote ai_chat/_background_tasks.py" in res.stdout
    assert "def keep_task(task: _TaskT) -> _TaskT:" in \
        (voice / "ai_chat" / "_background_tasks.py").read_text()
    assert sum("def _keep_task" in f.read_text() for f in voice.rglob("*.py")) == 0
    # a safe fix only keeps a reference: close() is left as it was
    assert ('        """Release the session\'s connections (called on disconnect)."""\n'
            "        for task in") not in service
    original = (VOICE_DIR / "ai_chat" / "service_context.py").read_text()
    assert service.count(".cancel()") == original.count(".cancel()")
    assert invoke(["fix", "--diff"], voice).stdout == ""


def test_unsafe_fixes_turn_the_yellow_rows_green_too(voice: Path, tmp_path: Path) -> None:
    res = invoke(["fix", "--unsafe-fixes"], voice)
    # the guarded sweeper has no owner method to cancel it in: where it ends is for a person
    assert res.exit_code == 1, res.output
    assert "WebSocketHandler has no close/aclose/stop/shutdown/disconnect/__aexit__ method" \
        in res.output
    assert [r for r in _rows(voice) if r[3] != "low"] == [
        ("ai_chat/websocket_handler.py", 42, "TL201", "medium")]
    agent = (voice / "ai_chat" / "agent" / "basic_memory_agent.py").read_text()
    # the seeds' fix "A": await the fast websocket send inside its try/except
    assert "                    await self._websocket_send_func(json.dumps(websocket_message))\n" \
        in agent
    service = (voice / "ai_chat" / "service_context.py").read_text()
    assert "keep_task(asyncio.create_task(_finish_heavy_init()))" in service  # "do not block"
    proxy = (voice / "ai_chat" / "proxy_handler.py").read_text()
    # after disconnect()'s own closing, and without swallowing the caller's cancellation
    assert ('        logger.info("Disconnected from proxy")\n'
            "        if self._keepalive_task is not None:\n"
            "            self._keepalive_task.cancel()\n"
            "            await asyncio.gather(self._keepalive_task, return_exceptions=True)\n"
            ) in proxy
    _compiles(voice, tmp_path)
    assert invoke(["fix", "--diff", "--unsafe-fixes"], voice).stdout == ""


# -- one truth about applicability ---------------------------------------------------------------
REPEATING = '''\
import asyncio


class Proxy:
    def __init__(self) -> None:
        self._keepalive = None

    async def connect(self) -> None:
        self._keepalive = asyncio.create_task(self._maintain())

    async def _maintain(self) -> None:
        while True:
            await asyncio.sleep(20)

    async def disconnect(self) -> None:
        pass
'''


def test_unsafe_fixes_without_fix_or_diff_says_it_does_nothing(project: Path) -> None:
    res = invoke(["check", "--unsafe-fixes", "--fail-on", "none"], project)
    assert "--unsafe-fixes does nothing without --fix or --diff" in res.stderr
    assert "does nothing" not in invoke(["check", "--unsafe-fixes", "--diff"], project).stderr


def test_cancel_in_close_is_unsafe_everywhere(tmp_path: Path) -> None:
    """`rules`, the JSON rows and the per-rule opt-in agree: cancelling needs the opt-in."""
    rules = {r["code"]: r for r in json.loads(invoke(["rules", "--format", "json"],
                                                     tmp_path).stdout)}
    (fix,) = rules["TL201"]["fixes"]
    assert fix["applicability"] == "unsafe" and "unsafe_when" not in fix
    text = invoke(["rules"], tmp_path).stdout
    assert "cancel-in-close (unsafe)" in text
    (tmp_path / "proxy.py").write_text(REPEATING)
    row = json.loads(invoke(["check", "--format", "json"], tmp_path).stdout)["findings"][0]
    assert (row["rule"], row["fix"]["kind"], row["fix"]["applicability"]) == \
        ("TL201", "cancel-in-close", "unsafe")
    assert "only an unsafe fix (cancel-in-close" in invoke(["fix"], tmp_path).stdout
    (tmp_path / "pyproject.toml").write_text('[tool.taskleak]\nunsafe-fixes = ["TL201"]\n')
    assert "(cancel-in-close 1)" in invoke(["fix"], tmp_path).stdout


STALE = RULE_CASES / "unused-noqa" / "fixes" / "stale_directives"


def test_fix_removes_unused_noqa_directives_when_the_rule_is_selected(tmp_path: Path) -> None:
    """TL900's fix (ruff's RUF100 shapes) through `taskleak fix`: advertised `[*]` by check,
    applied with the spawn fixes of the same file, never when the rule is not selected."""
    before = Path(f"{STALE}.before.py").read_text(encoding="utf-8")
    after = Path(f"{STALE}.after.py").read_text(encoding="utf-8")
    module = tmp_path / "m.py"
    module.write_text(before, encoding="utf-8")
    checked = invoke(["check", "--extend-select", "unused-noqa", "--output-format", "concise",
                      "m.py"], tmp_path)
    assert "m.py:11:54: TL900 [*] Unused `noqa` directive (unused: TL101)\n" in checked.stdout
    assert "m.py:21:9: TL900 [*] Unused `noqa` directive (unused: TL102)\n" in checked.stdout
    assert "[*] 7 fixable with `taskleak fix`." in checked.stdout
    plain = invoke(["fix", "--diff", "m.py"], tmp_path)
    removed = [line for line in plain.stdout.splitlines() if line.startswith("-")]
    assert "_keep_task" in plain.stdout  # the spawn fix, and no directive is removed:
    assert removed == ["--- m.py", "-        asyncio.create_task(self._send(user))"]
    fixed = invoke(["fix", "--extend-select", "unused-noqa", "m.py"], tmp_path)
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stdout == "Fixed 7 findings in 1 file (remove-noqa 6, tracked-set 1).\n"
    assert module.read_text(encoding="utf-8") == after
    again = invoke(["check", "--extend-select", "unused-noqa", "m.py"], tmp_path)
    assert again.exit_code == 0 and "TL900" not in again.stdout


def test_check_fix_removes_unused_noqa_directives(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(f"{LEAK}    await send(msg)  # noqa: TL101, E501\n", encoding="utf-8")
    result = invoke(["check", "--fix", "--show-unused-noqa", "m.py"], tmp_path)
    assert result.exit_code == 0, result.output
    assert module.read_text(encoding="utf-8").endswith("    await send(msg)  # noqa: E501\n")
    assert "Fixed 2 findings in 1 file (remove-noqa 1, tracked-set 1)." in result.stderr
