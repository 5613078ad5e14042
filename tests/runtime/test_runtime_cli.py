"""`taskleak check --runtime-report FILE`: static findings confirmed by runtime leaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from runtime_helpers import DEMO_DIR, line_of

from taskleak.cli import main
from taskleak.runtime import RuntimeLeak, write_runtime_report

LEAKY = DEMO_DIR / "leaky_server.py"
REPO = DEMO_DIR.parents[1]


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def test_runtime_report_confirms_the_finding_at_the_leaked_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    spawn = line_of(LEAKY, "asyncio.create_task(")
    report = tmp_path / "runtime.json"
    write_runtime_report(
        report,
        [
            RuntimeLeak(
                str(LEAKY),
                spawn,
                "ServiceContext.handle_config_switch",
                "ServiceContext._finish_heavy_init",
                "Task-8",
                count=10,
            ),
            RuntimeLeak(str(LEAKY), 3, "handler", "ping", "Task-9"),  # no finding there
            RuntimeLeak(str(tmp_path / "elsewhere.py"), 5, "f", "g", "Task-7"),  # not checked
        ],
    )
    code, out, err = check(
        "fixtures/runtime_demo", "--runtime-report", str(report), "--format", "json"
    )
    assert code == 1
    rows = json.loads(out)["findings"]
    confirmed = [(r["path"], r["line"], r["rule"]) for r in rows if r.get("confirmed_at_runtime")]
    assert confirmed == [("fixtures/runtime_demo/leaky_server.py", spawn, "TL101")]
    assert err.splitlines() == [
        "fixtures/runtime_demo/leaky_server.py:3: leaked at runtime, no static finding: "
        "1 x ping() created in handler"
    ]


@pytest.mark.parametrize("fmt", ["table", "full", "markdown"])
def test_every_human_format_says_confirmed_at_runtime_on_the_confirmed_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(REPO)
    report = tmp_path / "runtime.json"
    spawn = line_of(LEAKY, "asyncio.create_task(")
    args = ("fixtures/runtime_demo/leaky_server.py", "--output-format", fmt)
    _, unconfirmed, _ = check(*args)
    assert "confirmed at runtime" not in unconfirmed
    write_runtime_report(report, [RuntimeLeak(str(LEAKY), spawn, "f", "g", "Task-1")])
    code, out, _ = check(*args, "--runtime-report", str(report))
    assert code == 1
    (row,) = [line for line in out.splitlines() if "confirmed at runtime" in line]
    if fmt == "markdown":  # on the table row of the spawn that leaked
        assert row.startswith(f"| `fixtures/runtime_demo/leaky_server.py:{spawn}`"), row


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "no such runtime report"), ("{", "not valid JSON"), ("{}", "not a taskleak")],
)
def test_a_bad_runtime_report_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, reason: str
) -> None:
    monkeypatch.chdir(REPO)
    report = tmp_path / "runtime.json"
    if content is not None:
        report.write_text(content)
    code, out, err = check("fixtures/runtime_demo", "--runtime-report", str(report))
    assert code == 2
    assert out == ""
    assert err.startswith(f"taskleak: error: {report}: {reason}")
