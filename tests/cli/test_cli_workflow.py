"""The workflow features from the command line: config, noqa, baseline, formats, rule pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sarif_schema import sarif_validator

from taskleak.cli import main
from taskleak.rules import RULES
from taskleak.rules.docs import render_rule_markdown

LEAKY = """\
import asyncio


async def handler(msg):
    asyncio.create_task(send(msg))
"""

KEPT = """\
import asyncio


class Sweeper:
    async def start(self):
        self._task = asyncio.create_task(self._sweep())

    async def _sweep(self):
        while True:
            await asyncio.sleep(60)
"""


PROJECT = {"pkg/leaky.py": LEAKY, "pkg/kept.py": KEPT}  # the `project` fixture's files


def taskleak(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def rules_in_json(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


# --- configuration -----------------------------------------------------------------------


def test_config_from_pyproject_changes_the_gate(project: Path) -> None:
    assert taskleak("check").exit_code == 1
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nfail-on = "none"\nignore = ["TL201"]\n', encoding="utf-8"
    )
    result = taskleak("check", "--format", "json")
    assert result.exit_code == 0
    assert rules_in_json(result) == [("pkg/leaky.py", "TL101")]
    # the command line wins over the file
    assert taskleak("check", "--fail-on", "high").exit_code == 1


def test_config_found_from_a_subfolder_path(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nselect = ["TL2"]\n')
    result = taskleak("check", "pkg", "--format", "json")
    assert rules_in_json(result) == [("pkg/kept.py", "TL201")]


def test_bad_config_is_a_clear_error_with_exit_2(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.taskleak]\nfail-on = "sometimes"\n')
    result = taskleak("check")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"taskleak: error: {config}: [tool.taskleak] 'fail-on' must be one of"
    )
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_explicit_config_and_isolated(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nfail-on = "none"\n')
    (project / "strict.toml").write_text('fail-on = "medium"\nselect = ["TL201"]\n')
    assert taskleak("check").exit_code == 0
    strict = taskleak("check", "--config", "strict.toml", "--format", "json")
    assert strict.exit_code == 1 and rules_in_json(strict) == [("pkg/kept.py", "TL201")]
    assert taskleak("check", "--isolated").exit_code == 1
    both = taskleak("check", "--isolated", "--config", "strict.toml")
    assert both.exit_code == 2 and "cannot be used together" in both.stderr


def test_spawners_from_config(project: Path) -> None:
    (project / "pkg" / "hass.py").write_text(
        "async def setup(hass):\n    hass.async_create_task(refresh())\n"
    )
    before = rules_in_json(taskleak("check", "--format", "json"))
    assert ("pkg/hass.py", "TL101") not in before
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nspawners = ["hass.async_create_task:returns"]\n'
    )
    assert ("pkg/hass.py", "TL101") in rules_in_json(taskleak("check", "--format", "json"))
    # Home Assistant's own helper keeps and ends its tasks: its call sites are fine
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nspawners = ["hass.async_create_task"]\n'
    )
    assert ("pkg/hass.py", "TL001") in rules_in_json(taskleak("check", "--format", "json"))
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nspawners = [{ name = "hass.async_create_task", promise = "returns" }]\n'
    )
    assert ("pkg/hass.py", "TL101") in rules_in_json(taskleak("check", "--format", "json"))


# --- noqa --------------------------------------------------------------------------------


def test_noqa_suppresses_and_unused_noqa_is_reported(project: Path) -> None:
    (project / "pkg" / "leaky.py").write_text(
        LEAKY.replace("send(msg))", "send(msg))  # noqa: TL101")
    )
    (project / "pkg" / "kept.py").write_text(KEPT.replace("(self._sweep())",
                                                          "(self._sweep())  # noqa"))
    (project / "pkg" / "other.py").write_text("x = 1  # noqa: TL202\nimport os  # noqa: F401\n")
    plain = taskleak("check", "--format", "json")
    assert plain.exit_code == 0 and rules_in_json(plain) == []

    # the unused-noqa rule (opt-in): a finding like any other, in every format
    for selecting in (["--show-unused-noqa"], ["--extend-select", "unused-noqa"],
                      ["--select", "ALL"]):
        strict = taskleak("check", "--format", "json", *selecting)
        assert strict.exit_code == 1, selecting
        (row,) = json.loads(strict.stdout)["findings"]
        assert (row["path"], row["line"], row["column"], row["rule"], row["risk"]) == \
            ("pkg/other.py", 1, 8, "TL900", "medium")
        assert row["message"] == "Unused `noqa` directive (unused: TL202)"
        assert strict.stderr == ""
    assert taskleak("check", "--show-unused-noqa", "--fail-on", "high").exit_code == 0


def test_strict_reports_what_cannot_be_followed(project: Path) -> None:
    """`--strict` selects task-end-unknown: a task handed to another module's function is a
    low finding (shown, gated by `--fail-on low`); without it, a tracked row that says so."""
    (project / "pkg" / "adopted.py").write_text(
        "import asyncio\n\nimport pool\n\n\nasync def start():\n"
        "    pool.adopt(asyncio.create_task(asyncio.sleep(1)))\n")
    plain = taskleak("check", "--format", "json", "pkg/adopted.py")
    (row,) = json.loads(plain.stdout)["findings"]
    assert (row["rule"], row["message"]) == (
        "TL001", "handed to pool.adopt(): not followed, no claim is made")
    for selecting in (["--strict"], ["--extend-select", "task-end-unknown"]):
        strict = taskleak("check", "--format", "concise", *selecting, "pkg/adopted.py")
        assert strict.exit_code == 0, selecting  # low: under the default gate
        assert strict.stdout.splitlines()[0] == (
            "pkg/adopted.py:7:16: TL301 low: asyncio.sleep() is handed to pool.adopt(): not "
            "followed")
    gated = taskleak("check", "--strict", "--fail-on", "low", "pkg/adopted.py")
    assert gated.exit_code == 1


def test_noqa_for_another_rule_does_not_suppress(project: Path) -> None:
    (project / "pkg" / "leaky.py").write_text(
        LEAKY.replace("send(msg))", "send(msg))  # noqa: TL201")
    )
    result = taskleak("check", "--format", "json", "--show-unused-noqa", "pkg/leaky.py")
    assert result.exit_code == 1
    assert rules_in_json(result) == [("pkg/leaky.py", "TL101"), ("pkg/leaky.py", "TL900")]
    assert "(unused: TL201)" in result.stdout


# --- baseline ----------------------------------------------------------------------------


def test_baseline_round_trip_across_an_edit_that_moves_lines(project: Path) -> None:
    written = taskleak("check", "--write-baseline", ".taskleak-baseline.json")
    assert written.exit_code == 0
    assert "wrote 2 baseline entries to .taskleak-baseline.json" in written.stderr
    assert taskleak("check", "--baseline", ".taskleak-baseline.json").exit_code == 0

    # Lines move; the baselined spawns are untouched; then a new leak appears.
    leaky = project / "pkg" / "leaky.py"
    leaky.write_text('"""Docs."""\n\nimport logging\n\n' + LEAKY.replace(
        "    asyncio.create_task(send(msg))",
        "    logging.info('got %s', msg)\n\n    asyncio.create_task(send(msg))",
    ))
    assert taskleak("check", "--baseline", ".taskleak-baseline.json").exit_code == 0
    leaky.write_text(leaky.read_text() + "\n\nasync def other(m):\n    asyncio.create_task(m())\n")
    result = taskleak("check", "--baseline", ".taskleak-baseline.json", "--format", "json")
    assert result.exit_code == 1
    (row,) = json.loads(result.stdout)["findings"]
    assert (row["path"], row["line"], row["coroutine"]) == ("pkg/leaky.py", 15, "m()")

    # The baselined leak is fixed: its entry is reported so the baseline can shrink.
    leaky.write_text(LEAKY.replace("asyncio.create_task(send(msg))", "await send(msg)"))
    result = taskleak("check", "--baseline", ".taskleak-baseline.json")
    assert result.exit_code == 0
    assert "1 baseline entry no longer matches (fixed)" in result.stderr
    # checking only another file (as pre-commit does) does not call that entry fixed
    other_only = taskleak("check", "--baseline", ".taskleak-baseline.json", "pkg/kept.py")
    assert other_only.exit_code == 0 and "no longer" not in other_only.stderr
    taskleak("check", "--write-baseline", ".taskleak-baseline.json")
    entries = json.loads((project / ".taskleak-baseline.json").read_text())["entries"]
    assert [(e["path"], e["rule"]) for e in entries] == [("pkg/kept.py", "TL201")]


def test_baseline_from_config_is_relative_to_the_config_file(project: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    (project / "ci").mkdir()
    (project / "pyproject.toml").write_text('[tool.taskleak]\nbaseline = "ci/baseline.json"\n')
    assert taskleak("check", "--write-baseline", "ci/baseline.json").exit_code == 0
    monkeypatch.chdir(project / "pkg")
    assert taskleak("check").exit_code == 0  # found via config, matched from another cwd
    assert taskleak("check", "--isolated").exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "does not exist"), ("{oops", "is not valid JSON")],
)
def test_bad_baseline_is_exit_2(project: Path, content: str | None, message: str) -> None:
    if content is not None:
        (project / "b.json").write_text(content)
    result = taskleak("check", "--baseline", "b.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("taskleak: error: baseline file b.json ")
    assert message in result.stderr


# --- formats -----------------------------------------------------------------------------


def test_sarif_output(project: Path) -> None:
    result = taskleak("check", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert {(r["ruleId"], r["level"]) for r in results} == {("TL101", "error"),
                                                              ("TL201", "warning")}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"pkg/leaky.py", "pkg/kept.py"}


def test_sarif_output_is_schema_valid(project: Path) -> None:
    validator = sarif_validator()  # skips without the official schema (see sarif_schema.py)
    validator.validate(json.loads(taskleak("check", "--format", "sarif").stdout))


def test_github_and_markdown_formats(project: Path) -> None:
    github = taskleak("check", "--format", "github").stdout.splitlines()
    # the default gate (medium) fails the job on both: both are errors
    assert github[0].startswith("::error file=pkg/kept.py,line=6,col=22,")
    assert github[1].startswith("::error file=pkg/leaky.py,line=5,col=5,")
    gate_high = taskleak("check", "--format", "github", "--fail-on", "high").stdout.splitlines()
    assert gate_high[0].startswith("::warning file=pkg/kept.py,line=6,col=22,")
    assert gate_high[1] == github[1]
    assert "title=TL101 task-discarded::" in github[1]
    markdown = taskleak("check", "--format", "markdown").stdout
    assert markdown.startswith("| file:line | task | tracked | cleaned | risk |\n")
    assert "| `pkg/leaky.py:5` | `send()` |" in markdown


def test_output_file(project: Path) -> None:
    result = taskleak("check", "--format", "sarif", "--output-file", "out.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    written = (project / "out.sarif").read_text()
    assert written == taskleak("check", "--format", "sarif").stdout


# --- rules and explain -------------------------------------------------------------------


def test_rules_lists_every_rule(project: Path) -> None:
    text = taskleak("rules").stdout
    for code, rule in RULES.items():
        assert f"{code}  {rule.name}" in text
    rows = json.loads(taskleak("rules", "--format", "json").stdout)
    assert [r["code"] for r in rows] == sorted(RULES)
    tl101 = rows[1]
    assert tl101["fixes"] == [{"kind": "tracked-set", "applicability": "safe"},
                              {"kind": "task-group", "applicability": "unsafe"},
                              {"kind": "await", "applicability": "unsafe"}]


def test_explain_prints_the_rule_page(project: Path) -> None:
    result = taskleak("explain", "tl101")
    assert result.exit_code == 0
    page = render_rule_markdown(RULES["TL101"])
    assert result.stdout.startswith(page)
    assert "weak references" in result.stdout and "## Fix safety" in result.stdout
    # then what check reports on the page's example: the header, the context, the evidence
    reported = result.stdout.removeprefix(page)
    assert reported.startswith("\n## What it reports on the example\n")
    assert ("```\nexample.py:10:9: TL101 [*] high: task self._send() is discarded\n"
            "  task self._send() · tracked: discarded · cleaned: none · risk: high\n```\n"
            ) in reported
    grows = taskleak("explain", "TL202").stdout  # evidence, one line each
    assert ("TL202 [*] medium: collection self._tasks only grows\n"
            "  task self._forward() · tracked: collection self._tasks · cleaned: none · "
            "risk: medium\n  - nothing prunes, awaits or cancels its tasks\n  - its read in "
            "class MessageQueue (on_message()) neither awaits, cancels nor gathers it\n") in grows
    unknown = taskleak("explain", "TL999")
    assert unknown.exit_code == 2 and "unknown rule code 'TL999'" in unknown.stderr


def test_tracked_spawns_are_not_findings_in_the_linter_formats(project: Path) -> None:
    (project / "pkg" / "ok.py").write_text(
        "import asyncio\n\nasync def main():\n    await asyncio.create_task(work())\n"
    )
    for fmt in ("full", "concise", "github", "gitlab", "junit", "sarif"):
        for extra in ((), ("--show-low",)):
            assert "pkg/ok.py" not in taskleak("check", "--format", fmt, *extra).stdout, fmt
    assert "::notice" not in taskleak("check", "--format", "github").stdout
    sarif = json.loads(taskleak("check", "--format", "sarif").stdout)
    assert {r["level"] for r in sarif["runs"][0]["results"]} == {"error", "warning"}
    assert "TL001" not in taskleak("check", "--statistics").stdout
    # the inventory keeps them: the table, markdown, json
    assert "pkg/ok.py:4" in taskleak("check", "--format", "table").stdout
    assert "pkg/ok.py:4" in taskleak("check", "--format", "markdown").stdout
    assert "pkg/ok.py" not in taskleak("check", "--format", "markdown", "--hide-low").stdout
    assert ("pkg/ok.py", "TL001") in rules_in_json(
        taskleak("check", "--format", "json", "--hide-low")
    )
