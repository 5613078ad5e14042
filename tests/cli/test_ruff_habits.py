"""ruff's habits on the command line, in process: formats, statistics, verbosity, exit codes,
show-files/settings, selection by name, per-file-ignores, other tools' noqa codes, --add-noqa,
--force-exclude."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main
from taskleak.rules import RULES

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
KEPT = """\
import asyncio


class Sweeper:
    async def start(self):
        self._task = asyncio.create_task(self._sweep())

    async def _sweep(self):
        while True:
            await asyncio.sleep(60)
"""
TRACKED = "import asyncio\n\n\nasync def main():\n    await asyncio.create_task(work())\n"


PROJECT = {"pkg/leaky.py": LEAKY, "pkg/kept.py": KEPT, "pkg/ok.py": TRACKED}  # `project`'s


def taskleak(*args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(main, list(args), **kwargs)  # type: ignore[arg-type]


def rows(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


# --- formats -------------------------------------------------------------------------------


def test_output_format_and_its_aliases(project: Path) -> None:
    concise = taskleak("check", "--output-format", "concise")
    assert taskleak("check", "--format", "concise").stdout == concise.stdout
    assert taskleak("check", "--output-format", "text").stdout == \
        taskleak("check", "--output-format", "full").stdout == taskleak("check").stdout
    from_env = taskleak("check", env={"TASKLEAK_OUTPUT_FORMAT": "concise"})
    assert from_env.stdout == concise.stdout
    (project / "pyproject.toml").write_text('[tool.taskleak]\noutput-format = "concise"\n')
    assert taskleak("check").stdout == concise.stdout
    assert taskleak("check", "--output-format", "json").stdout.startswith("{")
    bad = taskleak("check", "--output-format", "xml")
    assert bad.exit_code == 2 and "'xml' is not one of" in bad.stderr


def test_concise_is_one_line_per_finding_then_the_summary(project: Path) -> None:
    result = taskleak("check", "--output-format", "concise")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "pkg/kept.py:6:22: TL201 medium: self._task is never awaited or cancelled",
        "pkg/leaky.py:5:5: TL101 [*] high: task send() is discarded",
        "3 task spawns in 3 files: 1 high, 1 medium, 1 low. Scanned 3 files, parsed 3, "
        "skipped 0.",
        "[*] 1 fixable with `taskleak fix`.",
    ]  # the tracked spawn (pkg/ok.py, TL001) is not a finding
    low = taskleak("check", "--output-format", "concise", "--show-low").stdout
    assert low == result.stdout  # --show-low is the table's


def test_json_lines_is_one_json_row_per_line(project: Path) -> None:
    (project / "pkg" / "broken.py").write_text("import asyncio\ndef f(:\n    create_task(x)\n")
    lines = taskleak("check", "--output-format", "json-lines").stdout.splitlines()
    parsed = [json.loads(line) for line in lines]
    full = json.loads(taskleak("check", "--output-format", "json").stdout)
    assert parsed[:-1] == full["findings"]  # the same rows, low ones included
    assert parsed[-1] == {"path": "pkg/broken.py", "line": 2, "column": 7,
                          "skipped": "syntax error: invalid syntax"}


def test_statistics(project: Path) -> None:
    (project / "pkg" / "more.py").write_text(LEAKY + LEAKY.replace("handler", "other"))
    result = taskleak("check", "--statistics")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "3\tTL101\t[*] task-discarded",  # tracked spawns (TL001) are not findings
        "1\tTL201\t[ ] task-never-cleaned",
        "Found 4 errors.",  # ruff's closing lines
        "[*] 3 fixable with `taskleak fix`.",
    ]
    quiet = taskleak("check", "--statistics", "-q").stdout.splitlines()
    assert quiet == result.stdout.splitlines()[:2]  # -q: the counts, nothing else
    as_json = json.loads(taskleak("check", "--statistics", "--output-format", "json").stdout)
    assert as_json[0] == {"code": "TL101", "name": "task-discarded", "count": 3, "fixable": True,
                          "fixable_count": 3}
    # JSON's summary counts the same findings: the tracked row is in its list, not its count
    doc = json.loads(taskleak("check", "--output-format", "json").stdout)
    assert (doc["summary"]["findings"], doc["summary"]["low"], len(doc["findings"])) == (4, 1, 5)


def test_unused_noqa_is_a_finding_in_sarif_and_github(project: Path) -> None:
    (project / "pkg" / "ok.py").write_text(TRACKED.replace("work())", "work())  # noqa: TL101"))
    sarif = json.loads(taskleak("check", "--output-format", "sarif", "--extend-select",
                                "unused-noqa").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TL900"]
    assert result["level"] == "warning"
    assert result["message"]["text"] == "Unused `noqa` directive (unused: TL101)"
    assert result["properties"]["fix"] == {"kind": "remove-noqa", "applicability": "safe",
                                           "description": "remove the unused `noqa` directive"}
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 40)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["name"] == "unused-noqa"
    from sarif_schema import sarif_validator

    sarif_validator().validate(sarif)  # skips without the official schema
    github = taskleak("check", "--output-format", "github", "--show-unused-noqa")
    assert github.exit_code == 1
    assert ("::error file=pkg/ok.py,line=5,col=40,endLine=5,endColumn=53,"
            "title=TL900 unused-noqa::Unused `noqa` directive (unused: TL101)"
            "%0AFix (safe): remove the unused `noqa` directive") in github.stdout.splitlines()


# --- verbosity and exit codes --------------------------------------------------------------


def test_quiet_silent_and_verbose(project: Path) -> None:
    quiet = taskleak("check", "-q", "--output-format", "concise")
    assert quiet.exit_code == 1
    assert [line.split(":")[0] for line in quiet.stdout.splitlines()] == ["pkg/kept.py",
                                                                          "pkg/leaky.py"]
    silent = taskleak("check", "--silent")
    assert (silent.exit_code, silent.stdout, silent.stderr) == (1, "", "")
    verbose = taskleak("check", "-v", "--no-cache", "--output-format", "json")
    assert json.loads(verbose.stdout)["summary"]["files_scanned"] == 3
    assert "taskleak: config: none (defaults)" in verbose.stderr
    assert "3 files: 0 from the cache, 0 ruled out by the prefilter, 3 parsed" in verbose.stderr


def test_exit_zero_keeps_the_report_but_not_usage_errors(project: Path) -> None:
    result = taskleak("check", "--exit-zero", "--output-format", "concise")
    assert result.exit_code == 0 and "pkg/leaky.py:5:5: TL101" in result.stdout
    assert taskleak("check", "--exit-zero", "--select", "TL999").exit_code == 2


def test_exit_non_zero_on_fix(project: Path) -> None:
    (project / "pkg" / "kept.py").unlink()
    fixed = taskleak("check", "--fix", "--exit-non-zero-on-fix")
    assert fixed.exit_code == 1  # nothing is left, but a fix was applied
    assert taskleak("check", "--fix", "--exit-non-zero-on-fix").exit_code == 0  # none now
    (project / "pkg" / "leaky.py").write_text(LEAKY)
    assert taskleak("fix", "--exit-non-zero-on-fix").exit_code == 1
    (project / "pkg" / "leaky.py").write_text(LEAKY)
    assert taskleak("fix").exit_code == 0


# --- what a run would use ------------------------------------------------------------------


def test_show_files_honours_excludes(project: Path) -> None:
    (project / "build").mkdir()
    (project / "build" / "gen.py").write_text(LEAKY)
    (project / "pyproject.toml").write_text('[tool.taskleak]\nextend-exclude = ["ok.py"]\n')
    result = taskleak("check", "--show-files")
    assert (result.exit_code, result.stdout) == (0, "pkg/kept.py\npkg/leaky.py\n")


def test_show_settings_prints_pasteable_toml(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nselect = ["TL1"]\nspawners = ["hass.async_create_task", '
        '"entry.async_create_task::1", { name = "app.spawn", promise = "returns" }]\n'
        '[tool.taskleak.per-file-ignores]\n"tests/" = ["task-discarded"]\n')
    result = taskleak("check", "--show-settings", "--extend-select", "task-never-cleaned")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"# settings from {project / 'pyproject.toml'}"
    assert ('select = ["TL1"]  # empty: every rule but the opt-in ones: TL301 '
            '(task-end-unknown), TL900 (unused-noqa)') in lines
    assert 'extend-select = ["TL201"]' in lines
    assert 'per-file-ignores = {"tests/" = ["TL101"]}  # extend-per-file-ignores included' \
        in lines
    # each spawner's short form: what a known helper's defaults give is left out
    assert 'spawners = ["hass.async_create_task", "entry.async_create_task", ' \
        '"app.spawn:returns"]' in lines
    import tomllib

    table = tomllib.loads("\n".join(lines[2:]))["tool"]["taskleak"]
    assert table["fail-on"] == "medium" and table["force-exclude"] is False
    from taskleak.config_keys import _KEYS

    # every key the configuration takes (extend-per-file-ignores is merged into per-file-ignores)
    assert set(table) == set(_KEYS) - {"extend-per-file-ignores"}


# --- selection -----------------------------------------------------------------------------


def test_rule_names_wherever_codes_are(project: Path) -> None:
    by_name = taskleak("check", "--output-format", "json", "--select", "task-discarded")
    assert rows(by_name) == [("pkg/leaky.py", "TL101")]
    ignored = taskleak("check", "--output-format", "json", "--ignore", "task-never-cleaned,TL0")
    assert rows(ignored) == [("pkg/leaky.py", "TL101")]
    explain = taskleak("explain", "task-never-cleaned")
    assert explain.exit_code == 0 and explain.stdout.startswith("# task-never-cleaned (TL201)")
    unknown = taskleak("check", "--select", "task-forgotten")
    assert unknown.exit_code == 2 and "unknown rule code 'task-forgotten'" in unknown.stderr


def test_extend_select_adds_to_the_configured_selection(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nselect = ["TL1"]\n')
    assert rows(taskleak("check", "--output-format", "json")) == [("pkg/leaky.py", "TL101")]
    extended = taskleak("check", "--output-format", "json", "--extend-select", "TL2")
    assert rows(extended) == [("pkg/kept.py", "TL201"), ("pkg/leaky.py", "TL101")]


def test_per_file_ignores_from_the_config(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.taskleak.per-file-ignores]\n"pkg/leaky.py" = ["task-discarded"]\n'
        '"kept.py" = ["TL2"]\n')
    assert rows(taskleak("check", "--output-format", "json")) == [("pkg/ok.py", "TL001")]
    (project / "pyproject.toml").write_text(
        '[tool.taskleak.per-file-ignores]\n"pkg/" = ["TL999"]\n')
    bad = taskleak("check")
    assert bad.exit_code == 2 and "'per-file-ignores' 'pkg/': unknown rule code" in bad.stderr


@pytest.mark.parametrize("code", ["RUF006", "ASYNC300"])
def test_other_tools_noqa_for_a_dropped_task(project: Path, code: str) -> None:
    (project / "pkg" / "leaky.py").write_text(LEAKY.replace("(msg))", f"(msg))  # noqa: {code}"))
    assert ("pkg/leaky.py", "TL101") not in rows(taskleak("check", "--output-format", "json"))
    (project / "pyproject.toml").write_text("[tool.taskleak]\nnoqa-aliases = {}\n")
    assert ("pkg/leaky.py", "TL101") in rows(taskleak("check", "--output-format", "json"))


# --- --add-noqa and --force-exclude ---------------------------------------------------------


def test_add_noqa_then_the_check_passes(project: Path) -> None:
    result = taskleak("check", "--add-noqa")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Added 2 noqa directives.\n"
    assert "send(msg))  # noqa: TL101\n" in (project / "pkg" / "leaky.py").read_text()
    assert "(self._sweep())  # noqa: TL201\n" in (project / "pkg" / "kept.py").read_text()
    assert (project / "pkg" / "ok.py").read_text() == TRACKED  # green rows need none
    assert taskleak("check").exit_code == 0
    assert taskleak("check", "--add-noqa").stderr == "Added 0 noqa directives.\n"
    assert taskleak("check", "--extend-select", "unused-noqa").exit_code == 0


def test_force_exclude_applies_the_excludes_to_named_files(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nextend-exclude = ["pkg/le*"]\n')
    named = taskleak("check", "--output-format", "json", "pkg/leaky.py", "pkg/kept.py")
    assert rows(named) == [("pkg/kept.py", "TL201"), ("pkg/leaky.py", "TL101")]
    forced = taskleak("check", "--output-format", "json", "--force-exclude", "pkg/leaky.py",
                      "pkg/kept.py")
    assert rows(forced) == [("pkg/kept.py", "TL201")]
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nexclude = ["pkg/"]\nforce-exclude = true\n')
    assert rows(taskleak("check", "--output-format", "json", "pkg/kept.py")) == []
    assert rows(taskleak("check", "--output-format", "json", "pkg")) == []


def test_every_rule_is_listed_with_its_default(project: Path) -> None:
    listed = json.loads(taskleak("rules", "--output-format", "json").stdout)
    assert {r["code"]: r["default"] for r in listed} == {
        code: rule.default_enabled for code, rule in RULES.items()}
    assert "TL900  unused-noqa" in taskleak("rules").stdout


def test_show_fixes_before_and_after_fixing(project: Path) -> None:
    shown = taskleak("check", "--show-fixes", "--output-format", "concise").stdout.splitlines()
    found = shown.index(next(line for line in shown if line.startswith("pkg/leaky.py:5:5:")))
    assert shown[found].startswith("pkg/leaky.py:5:5: TL101 [*] high: task send() is discarded")
    assert shown[found + 1].startswith("  fix (safe): keep the task in a module-level set")
    plain = taskleak("check", "--output-format", "concise").stdout
    assert "  fix (safe)" not in plain
    full = taskleak("check", "--show-fixes").stdout.splitlines()
    reason = full.index(next(line for line in full if line.startswith("pkg/leaky.py:5:5:")))
    assert full[reason + 1] == "  task send() · tracked: discarded · cleaned: none · risk: high"
    assert full[reason + 2].startswith("  fix (safe): keep the task in a module-level set")
    fixed = taskleak("fix", "--show-fixes", "--diff")
    assert fixed.stderr.splitlines()[-3:] == [
        "Would fix:", "- pkg/leaky.py:", "    1 x TL101 (task-discarded)"]
    # check --fix with concise: the report on stdout, what was fixed on stderr (ruff's list)
    checked = taskleak("check", "--fix", "--show-fixes", "--output-format", "concise")
    assert "taskleak: Fixed 1 finding in 1 file (tracked-set 1)." in checked.stderr
    assert checked.stderr.splitlines()[-3:] == [
        "Fixed:", "- pkg/leaky.py:", "    1 x TL101 (task-discarded)"]
    assert checked.stdout.startswith("pkg/kept.py:")
    (project / "pkg" / "leaky.py").write_text(LEAKY, encoding="utf-8")
    fixed = taskleak("fix", "--show-fixes")
    assert fixed.stdout.splitlines()[-3:] == [
        "Fixed:", "- pkg/leaky.py:", "    1 x TL101 (task-discarded)"]
    quiet = taskleak("fix", "-q")
    assert quiet.stdout == "" and quiet.exit_code == 1  # TL201 is left (no fix offered)


def test_the_summary_says_what_the_baseline_holds(project: Path) -> None:
    written = taskleak("check", "--write-baseline", "b.json", "--output-format", "concise")
    assert written.exit_code == 0
    assert written.stdout.splitlines() == [
        "All checks passed! (1 task spawn, all tracked: `--output-format table` lists them)",
        "2 findings in the baseline not shown.",
    ]
    assert "wrote 2 baseline entries to b.json" in written.stderr
