"""The project join: every module's facts -> findings (rule, risk and words from the rules)."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from taskleak.analysis.facts import FileFacts, ModuleFacts
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
