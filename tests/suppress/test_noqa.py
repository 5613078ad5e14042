"""`# noqa` suppression in ruff's grammar, and unused-suppression reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from findings_factory import make_finding

from taskleak.model import Finding, Risk
from taskleak.settings import Settings
from taskleak.suppress.noqa import apply_noqa, noqa_directives, parse_noqa


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# noqa", (0, None)),
        ("#noqa", (0, None)),
        ("# NoQA", (0, None)),
        ("# noqa: TL101", (0, ("TL101",))),
        ("# noqa: TL101,TL201", (0, ("TL101", "TL201"))),
        ("# noqa:TL101 TL201", (0, ("TL101", "TL201"))),
        ("# noqa: TL101, TL201  fire-and-forget on purpose", (0, ("TL101", "TL201"))),
        ("# noqa : tl101", (0, ("TL101",))),
        ("# noqa: E501,TL101,TL101", (0, ("E501", "TL101"))),
        ("# type: ignore[misc]  # noqa: TL102", (22, ("TL102",))),
        ("# noqa:", None),  # no codes after the colon: not a directive (ruff ignores it too)
        ("# noqa: because", None),
        ("# noqa-ish", None),
        ("# noqanope", None),
        ("# a comment", None),
    ],
)
def test_parse_noqa(comment: str, expected: object) -> None:
    assert parse_noqa(comment) == expected


def test_directives_come_from_comments_not_strings() -> None:
    lines = [
        'x = "# noqa: TL101"',
        "y = 1  # noqa: TL101",
        '"""',
        "# noqa: TL201 inside a docstring",
        '"""',
        "z = '#'  # NOQA",
    ]
    found = noqa_directives(lines)
    assert {n: (d.column, d.codes) for n, d in found.items()} == {
        2: (8, ("TL101",)),
        6: (10, None),
    }


def test_directives_with_untokenizable_source_fall_back_to_a_line_scan() -> None:
    lines = ["def f(:", "    asyncio.create_task(g())  # noqa: TL101", "s = '# noqa'", "(("]
    found = noqa_directives(lines)
    assert {n: d.codes for n, d in found.items()} == {2: ("TL101",)}


SOURCE = [
    "import asyncio",  # 1
    "",  # 2
    "async def on_message(msg):",  # 3
    "    asyncio.create_task(forward(msg))  # noqa: TL101",  # 4
    "    asyncio.create_task(log(msg))  # noqa",  # 5
    "    asyncio.create_task(audit(msg))  # noqa: TL102",  # 6  wrong code
    "    t = asyncio.create_task(  # noqa: TL102",  # 7  statement line of a multi-line call
    "        other(msg))",  # 8
    "    x = 1  # noqa: TL201",  # 9  nothing fires here
    "    y = 2  # noqa",  # 10 bare, not a spawn line: not ours to judge
    "    async with asyncio.TaskGroup() as tg:",  # 11
    "        tg.create_task(ok())  # noqa",  # 12 bare on a line with only TL001
    "    asyncio.create_task(z())  # noqa: TL101, TL999, E501",  # 13
]


def _findings() -> list[Finding]:
    return [
        make_finding(line=4, coroutine="forward(msg)"),
        make_finding(line=5, coroutine="log(msg)"),
        make_finding(line=6, coroutine="audit(msg)"),
        make_finding(line=7, rule="TL102", statement_line=7, coroutine="other(msg)"),
        make_finding(line=12, rule="TL001", risk=Risk.LOW, coroutine="ok()"),
        make_finding(line=13, coroutine="z()"),
        make_finding(path="other.py", line=3),
    ]


def test_apply_noqa_splits_kept_and_suppressed() -> None:
    result = apply_noqa(_findings(), {"app.py": SOURCE, "other.py": ["", "", "spawn()"]})
    assert [(f.path, f.line) for f in result.kept] == [("app.py", 6), ("other.py", 3)]
    assert [f.line for f in result.suppressed] == [4, 5, 7, 12, 13]


def test_directive_on_the_statement_line_of_a_multi_line_call() -> None:
    source = [
        "task = asyncio.create_task(  # noqa: TL102",
        "    forward(msg),",
        ")",
    ]
    # the spawning call starts on line 1 here; on line 2 below, the statement on line 1
    on_call = make_finding(rule="TL102", line=1, statement_line=1)
    result = apply_noqa([on_call], {"app.py": source})
    assert result.suppressed == [on_call]

    source = ["results.append(", "    asyncio.create_task(work())", ")  # noqa: TL101"]
    inner = make_finding(line=2, statement_line=1)
    assert apply_noqa([inner], {"app.py": source}).kept == [inner]  # last line does not count
    source[0] += "  # noqa: TL101"
    assert apply_noqa([inner], {"app.py": source}).suppressed == [inner]


def test_unused_directives_are_reported_like_ruf100() -> None:
    result = apply_noqa(_findings(), {"app.py": SOURCE})
    unused = {(u.line, u.unused, u.unknown): u.message for u in result.unused}
    assert unused == {
        (6, ("TL102",), ()): "Unused `noqa` directive (unused: TL102)",
        (9, ("TL201",), ()): "Unused `noqa` directive (unused: TL201)",
        (12, (), ()): "Unused `noqa` directive",
        (13, (), ("TL999",)): "Unused `noqa` directive (unknown: TL999)",
    }
    by_line = {u.line: u for u in result.unused}
    assert by_line[6].column == SOURCE[5].index("#") + 1
    assert all(u.path == "app.py" for u in result.unused)


def test_directives_for_deselected_rules_are_not_unused() -> None:
    settings = Settings(ignore=("TL201",))
    result = apply_noqa([], {"app.py": ["x = 1  # noqa: TL201, TL202"]},
                        rule_enabled=settings.rule_enabled)
    assert [(u.unused, u.message) for u in result.unused] == [
        (("TL202",), "Unused `noqa` directive (unused: TL202)"),
    ]


def test_other_tools_codes_are_left_alone() -> None:
    result = apply_noqa([], {"app.py": ["import os  # noqa: F401", "x = 1  # noqa"]})
    assert result.unused == []


def test_one_directive_used_by_one_rule_unused_for_another() -> None:
    source = ["asyncio.create_task(f())  # noqa: TL101,TL201"]
    result = apply_noqa([make_finding(line=1)], {"app.py": source})
    assert len(result.suppressed) == 1
    assert [u.unused for u in result.unused] == [("TL201",)]


def test_findings_in_files_without_source_are_kept() -> None:
    finding = make_finding()
    result = apply_noqa([finding], {})
    assert result.kept == [finding] and result.suppressed == [] and result.unused == []


def test_without_unused_reports_the_split_is_the_same() -> None:
    sources = {"app.py": SOURCE, "other.py": ["", "", "spawn()"]}
    full = apply_noqa(_findings(), sources)
    quick = apply_noqa(_findings(), sources, report_unused=False)
    assert (quick.kept, quick.suppressed) == (full.kept, full.suppressed)
    assert full.unused and quick.unused == []


def test_without_unused_reports_files_are_tokenized_only_for_noqa_near_a_finding(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import taskleak.suppress.noqa as noqa

    tokenized: list[str] = []
    real = noqa._comments
    monkeypatch.setattr(noqa, "_comments", lambda text: tokenized.append(text) or real(text))
    far = ["asyncio.create_task(f())", "x = 1  # noqa: TL101"]  # the directive is elsewhere
    in_string = "#" + " noqa'''; asyncio.create_task(f())"  # split: ruff reads lines too
    near = ["s = '''", in_string, "y = 2  # noqa"]  # 3 lines
    findings = [make_finding(path="far.py", line=1), make_finding(path="near.py", line=2)]
    result = apply_noqa(findings, {"far.py": far, "near.py": near}, report_unused=False)
    assert result.kept == findings  # a directive inside a string suppresses nothing
    assert len(tokenized) == 1 and tokenized[0].startswith("s = '''")
    assert noqa_directives(near, near={3}) == {3: noqa.NoqaDirective(3, 8, None)}
    assert noqa_directives(near, near={1, 2}) == {}


def test_a_noqa_with_a_rule_name_is_an_invalid_directive_with_ruffs_warning(
        tmp_path: Path) -> None:
    # ruff's words for a rule name after the colon (ruff 0.14): "warning: Invalid ... directive
    # on r.py:1: expected a comma-separated list of codes (e.g., ...)."
    (tmp_path / "a.py").write_text(
        "import asyncio\n\n\nasync def f() -> None:\n"
        "    asyncio.create_task(f())  # noqa: task-discarded\n"
        "    asyncio.create_task(f())  # noqa: TL101\n"
        "    asyncio.create_task(f())  # NOQA:\n")
    done = subprocess.run([sys.executable, "-m", "taskleak", "check", "--no-cache",
                           "--output-format", "concise", "a.py"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 1  # neither suppresses its finding
    assert [line.split(":")[1] for line in done.stdout.splitlines()[:2]] == ["5", "7"]
    codes = "expected a comma-separated list of codes (e.g., `# noqa: TL101, TL102`)."
    assert done.stderr.splitlines() == [
        f"warning: Invalid `# noqa` directive on a.py:5: {codes}",
        f"warning: Invalid `# noqa` directive on a.py:7: {codes}",
    ]


def test_invalid_directives_are_collected_only_where_wanted() -> None:
    lines = ["x = 1  # noqa: task-discarded", "y = 2  # noqa: TL101", "z = 3  # noqa:"]
    invalid: list[int] = []
    assert set(noqa_directives(lines, None, invalid)) == {2}
    assert invalid == [1, 3]
    near: list[int] = []
    noqa_directives(lines, {3}, near)
    assert near == [3]


def test_ignore_noqa_reports_and_fixes_as_if_there_were_no_comments(tmp_path: Path) -> None:
    source = ("import asyncio\n\n\nasync def f() -> None:\n"
              "    asyncio.create_task(g())  # noqa: TL101\n\n\nasync def g() -> None:\n"
              "    pass\n")
    (tmp_path / "a.py").write_text(source)

    def taskleak(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "taskleak", *args, "--no-cache", "a.py"],
                              cwd=tmp_path, capture_output=True, text=True, check=False)

    assert taskleak("check").returncode == 0  # suppressed
    ignored = taskleak("check", "--ignore-noqa", "--output-format", "concise")
    assert ignored.returncode == 1
    assert ignored.stdout.startswith("a.py:5:5: TL101 ")
    assert taskleak("fix").stdout.startswith("No fixes applied")
    assert (tmp_path / "a.py").read_text() == source
    assert taskleak("fix", "--ignore-noqa").stdout.startswith("Fixed 1 finding in 1 file")
    assert "    _background_tasks.add(task)\n" in (tmp_path / "a.py").read_text()
