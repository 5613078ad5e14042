"""The project join: every module's facts -> findings (rule, risk and words from the rules)."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

from helpers import check_paths

from taskleak.analysis.facts.module import FileFacts, ModuleFacts
from taskleak.model import FixKind, Risk, Skipped
from taskleak.project.join import join
from taskleak.run.pipeline import analyse_file

LEAKY = textwrap.dedent("""
    import asyncio

    async def main():
        asyncio.create_task(work())
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work())
""")


def _facts(code: str, path: str = "m.py") -> FileFacts:
    return analyse_file(code.encode(), path)


def test_findings_come_from_the_rules_with_the_advice_of_their_rule() -> None:
    result = join([_facts(LEAKY)], 1)
    high, structured = result.findings
    assert (high.rule, high.risk, high.tracked) == ("TL101", Risk.HIGH, "discarded")
    assert high.fix is not None and high.fix.kind is FixKind.TRACKED_SET
    assert not high.structured
    assert (structured.rule, structured.risk, structured.structured) == ("TL001", Risk.LOW, True)
    assert structured.fix is None and structured.no_fix_reason is None


def test_advice_made_for_another_rule_is_not_shown() -> None:
    facts = _facts(LEAKY)
    assert facts.module is not None
    spawn = facts.module.spawns[0]
    stale = replace(facts, module=ModuleFacts(
        (spawn.with_advice("TL201", spawn.fix, None), *facts.module.spawns[1:]),
        facts.module.exports))
    assert join([stale], 1).findings[0].fix is None


def test_only_enabled_rules_are_reported() -> None:
    def enabled(code: str, *, by_default: bool = True) -> bool:
        return by_default and code != "TL001"

    result = join([_facts(LEAKY)], 1, rule_enabled=enabled)
    assert [f.rule for f in result.findings] == ["TL101"]


def test_findings_are_sorted_and_skipped_files_listed() -> None:
    later = _facts(LEAKY, "b.py")
    earlier = _facts(LEAKY, "a.py")
    broken = FileFacts("c.py", skipped=Skipped("c.py", "syntax error", 3))
    ruled_out = FileFacts("")
    result = join([later, broken, ruled_out, earlier], 4)
    assert [(f.path, f.line) for f in result.findings] == [
        ("a.py", 5), ("a.py", 7), ("b.py", 5), ("b.py", 7)]
    assert result.skipped == [broken.skipped]
    assert (result.files_scanned, result.files_parsed) == (4, 2)


AWAITED_HELPER = textwrap.dedent("""
    import asyncio

    async def start_sync():
        return asyncio.create_task(sync())

    async def on_login():
        await start_sync()
""")


def test_a_task_dropped_by_an_await_offers_no_fix() -> None:
    """The fixes rewrite spawn calls; `await start_sync()` gives a coroutine's task (the
    tracked set would wrap the coroutine)."""
    dropped = next(f for f in join([_facts(AWAITED_HELPER)], 1).findings if f.rule == "TL101")
    assert dropped.fix is None
    assert dropped.no_fix_reason is not None and "awaiting the call" in dropped.no_fix_reason



def test_a_task_an_await_drops_in_another_module_offers_no_fix(tmp_path: Path) -> None:
    """Found at the call by the whole run (the call's position comes from a second parse); a
    bare call of the coroutine function runs nothing, so it drops no task."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "tasks.py").write_text(
        "import asyncio\n\n\nasync def start_sync():\n"
        "    return asyncio.create_task(sync())\n")
    (tmp_path / "app" / "login.py").write_text(
        "from app.tasks import start_sync\n\n\nasync def on_login():\n"
        "    await start_sync()\n\n\ndef on_logout():\n    start_sync()\n")
    result = check_paths([tmp_path], cache_dir=None)
    rows = [f for f in result.findings if f.path.endswith("login.py")]
    assert [(f.line, f.rule, f.fix) for f in rows] == [(5, "TL101", None)]
    assert rows[0].no_fix_reason is not None and "awaiting the call" in rows[0].no_fix_reason
