"""What a ruff user types and reads, for real through the command line: `rule CODE`, other
linters' codes in a selection, the warning for a folder without Python, the statistics' closing
lines, whole command summaries in `--help`, the `grouped` format, inline `--config KEY = VALUE`,
and a summary that says what suppressions left out of its count."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main
from taskleak.rules import ALL_RULES, RULES
from taskleak.rules.docs import render_rule_markdown

LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
KEPT = ("import asyncio\n\n\nclass A:\n    def start(self) -> None:\n"
        "        self._t = asyncio.create_task(asyncio.sleep(1))\n")


PROJECT = {"pkg/leaky.py": LEAKY, "pkg/kept.py": KEPT}  # the `project` fixture's files


def taskleak(*args: str, **kwargs: object) -> Result:
    """The command, with no cache for `check` and `fix` (each run as if the first)."""
    extra = ["--no-cache"] if args[0] in ("check", "fix") else []
    return CliRunner().invoke(main, [*args, *extra], **kwargs)  # type: ignore[arg-type]


def rules_of(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]]


# --- `rule`, ruff's spelling of `explain` -----------------------------------------------------


def test_rule_prints_the_page_as_explain_does() -> None:
    for spelling in ("TL101", "tl101", "task-discarded"):
        result = taskleak("rule", spelling)
        assert result.exit_code == 0
        assert result.stdout.startswith(render_rule_markdown(RULES["TL101"]))
        assert result.stdout == taskleak("explain", spelling).stdout
    foreign = taskleak("rule", "RUF006")  # another linter's code finds taskleak's rule
    assert foreign.stdout.startswith("# task-discarded (TL101)\n")
    assert "RUF006 is another linter's code for TL101" in foreign.stderr


def test_rule_all_and_json() -> None:
    every = taskleak("rule", "--all")
    assert every.exit_code == 0
    assert every.stdout == "\n".join(render_rule_markdown(r) for r in ALL_RULES)
    one = json.loads(taskleak("rule", "TL201", "--output-format", "json").stdout)
    assert (one["code"], one["name"]) == ("TL201", "task-never-cleaned")
    assert one["explanation"] == render_rule_markdown(RULES["TL201"])
    rows = json.loads(taskleak("rule", "--all", "--output-format", "json").stdout)
    assert [r["code"] for r in rows] == [r.code for r in ALL_RULES]


@pytest.mark.parametrize(("args", "says"), [
    ((), "give a rule CODE"), (("TL101", "--all"), "not both"),
    (("TL999",), "unknown rule code 'TL999'")])
def test_rule_needs_one_known_rule_or_all(args: tuple[str, ...], says: str) -> None:
    result = taskleak("rule", *args)
    assert result.exit_code == 2 and says in result.stderr


# --- another linter's code wherever a rule is named -------------------------------------------


def test_select_and_ignore_take_another_linters_code(project: Path) -> None:
    both = ("pkg/leaky.py", "TL101"), ("pkg/kept.py", "TL201")
    assert sorted(rules_of(taskleak("check", "--output-format", "json"))) == sorted(both)
    selected = taskleak("check", "--select", "RUF006", "--output-format", "json")
    assert selected.exit_code == 1 and rules_of(selected) == [("pkg/leaky.py", "TL101")]
    ignored = taskleak("check", "--ignore", "ASYNC300", "--output-format", "json")
    assert rules_of(ignored) == [("pkg/kept.py", "TL201")]
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nper-file-ignores = {"pkg/leaky.py" = ["RUF006"]}\n')
    assert rules_of(taskleak("check", "--output-format", "json")) == [("pkg/kept.py", "TL201")]
    shown = taskleak("check", "--select", "RUF006", "--show-settings").stdout
    assert 'select = ["TL101", "TL102"]' in shown  # what it stands for, pasteable
    unknown = taskleak("check", "--select", "RUF007")
    assert unknown.exit_code == 2 and "unknown rule code 'RUF007'" in unknown.stderr


# --- a folder without Python --------------------------------------------------------------------


def test_no_python_files_is_a_warning_as_in_ruff(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# hello\n")
    monkeypatch.chdir(tmp_path)
    result = taskleak("check", "docs")
    assert (result.exit_code, result.stdout) == (0, "All checks passed!\n")
    assert result.stderr == "warning: No Python files found under the given path(s)\n"
    assert taskleak("fix", "docs").stderr.startswith("warning: No Python files found")
    (tmp_path / "docs" / "conf.py").write_text("x = 1\n")
    assert taskleak("check", "docs").stderr == ""  # a file, even without a spawn: no warning


# --- statistics, help, formats ----------------------------------------------------------------


def test_statistics_close_as_ruffs_do(project: Path) -> None:
    result = taskleak("check", "--statistics")
    assert result.stdout.splitlines()[-2:] == ["Found 2 errors.", "[*] 1 fixable with "
                                               "`taskleak fix`."]
    (project / "pkg" / "leaky.py").write_text("x = 1\n")
    (project / "pkg" / "kept.py").write_text("x = 1\n")
    assert taskleak("check", "--statistics").stdout == ""  # as ruff: nothing found, nothing


def test_help_lists_whole_command_summaries() -> None:
    """At 80 columns, each command's summary is a whole sentence (click cuts a long first
    sentence with `...`)."""
    text = CliRunner().invoke(main, ["--help"], terminal_width=80).stdout
    listed = text.split("Commands:\n", 1)[1].splitlines()
    commands = {line.split()[0]: line.split(None, 1)[1] for line in listed if line.strip()}
    assert set(commands) == {"check", "fix", "rules", "explain", "rule", "server"}
    for name, summary in commands.items():
        assert summary.endswith(".") and not summary.endswith("..."), (name, summary)
        assert len(f"  {name:<8} {summary}") <= 80, (name, summary)


def test_grouped_output_format(project: Path) -> None:
    (project / "pkg" / "more.py").write_text(LEAKY + "\n" * 95 + LEAKY.replace(
        "handler", "other").replace("import asyncio\n", "import asyncio as aio\n").replace(
        "asyncio.create_task", "aio.create_task"))
    rows = json.loads(taskleak("check", "--output-format", "json").stdout)["findings"]
    message = {(r["path"], r["line"]): r["message"] for r in rows if r["risk"] != "low"}
    result = taskleak("check", "--output-format", "grouped")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "pkg/kept.py:",
        f"  6:19 TL201 medium: {message['pkg/kept.py', 6]}",
        "",
        "pkg/leaky.py:",
        f"  5:5 TL101 [*] high: {message['pkg/leaky.py', 5]}",
        "",
        "pkg/more.py:",  # lines right-aligned, columns padded: the codes line up, as in ruff
        f"    5:5 TL101 [*] high: {message['pkg/more.py', 5]}",
        f"  105:5 TL101 [*] high: {message['pkg/more.py', 105]}",
        "",
        "4 task spawns in 3 files: 3 high, 1 medium, 0 low. Scanned 3 files, parsed 3, "
        "skipped 0.",
        "[*] 3 fixable with `taskleak fix`.",
    ]
    fixes = taskleak("check", "--output-format", "grouped", "--show-fixes", "-q").stdout
    assert re.search(r"\n  5:5 TL101 \[\*\] .*\n {6}fix \(safe\): ", fixes)  # under the code
    assert re.search(r"\n  6:19 TL201 medium: .*\n {7}- nothing in class \w+ reads it again\n",
                     fixes)  # the evidence, under the code, with --show-fixes
    (project / "pyproject.toml").write_text('[tool.taskleak]\noutput-format = "grouped"\n')
    assert taskleak("check").stdout == result.stdout


# --- `--config KEY = VALUE` ---------------------------------------------------------------------


def test_inline_config_overrides_the_file_under_the_flags(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.taskleak]\nfail-on = "medium"\n'
                                            'ignore = ["TL201"]\n')
    assert taskleak("check").exit_code == 1
    assert taskleak("check", "--config", "fail-on = 'none'").exit_code == 0
    # a flag wins over an inline value, as in ruff
    assert taskleak("check", "--config", "fail-on = 'none'", "--fail-on", "high").exit_code == 1
    # ignore adds to the file's; select starts afresh (the file's ignore is dropped)
    added = taskleak("check", "--config", 'ignore = ["TL101"]', "--output-format", "json")
    assert rules_of(added) == []
    fresh = taskleak("check", "--config", 'select = ["TL2"]', "--output-format", "json")
    assert rules_of(fresh) == [("pkg/kept.py", "TL201")]
    # a table given piece by piece, and a file named beside the pairs
    other = project / "other.toml"
    other.write_text('fail-on = "high"\n')
    pieces = taskleak("check", "--config", str(other), "--config",
                      'per-file-ignores."pkg/leaky.py" = ["ALL"]', "--config",
                      'per-file-ignores."pkg/kept.py" = ["ALL"]', "--show-settings").stdout
    assert 'per-file-ignores = {"pkg/leaky.py" = ["TL"], "pkg/kept.py" = ["TL"]}' in pieces
    assert f"# settings from {other}" in pieces and 'fail-on = "high"' in pieces


@pytest.mark.parametrize(("value", "says"), [
    ("bogus = 1", "--config: unknown key 'bogus'"),
    ("fail-on = 'sometimes'", "--config 'fail-on' must be one of"),
    ("fail-on =", "is neither a file nor a TOML `KEY = VALUE` pair"),
    ("missing.toml", "--config 'missing.toml': no such configuration file"),
])
def test_a_bad_inline_config_is_a_usage_error(project: Path, value: str, says: str) -> None:
    result = taskleak("check", "--config", value)
    assert result.exit_code == 2 and says in result.stderr


def test_two_configuration_files_are_refused(project: Path) -> None:
    for name in ("a.toml", "b.toml"):
        (project / name).write_text('fail-on = "high"\n')
    result = taskleak("check", "--config", "a.toml", "--config", "b.toml")
    assert result.exit_code == 2 and "one configuration file at most" in result.stderr


# --- what the summary leaves out ----------------------------------------------------------------


SUPPRESSED = "1 suppressed spawn not counted (`# noqa` or per-file-ignores)."


def test_the_summary_says_how_many_spawns_suppressions_left_out(project: Path) -> None:
    (project / "pkg" / "leaky.py").write_text(LEAKY.rstrip("\n") + "  # noqa: TL101\n")
    full = taskleak("check").stdout.splitlines()
    assert full[-2:] == ["1 task spawn in 1 file: 0 high, 1 medium, 0 low. Scanned 2 "
                         "files, parsed 2, skipped 0.", SUPPRESSED]
    assert SUPPRESSED in taskleak("check", "--output-format", "concise").stdout
    summary = json.loads(taskleak("check", "--output-format", "json").stdout)["summary"]
    assert summary["suppressed"] == 1
    assert "1 suppressed (not counted)" in taskleak("check", "--output-format",
                                                    "markdown").stdout
    (project / "pyproject.toml").write_text(
        '[tool.taskleak]\nper-file-ignores = {"pkg/kept.py" = ["TL201"]}\n')
    clean = taskleak("check")
    assert clean.exit_code == 0
    assert clean.stdout.splitlines() == [
        "All checks passed!", "2 suppressed spawns not counted (`# noqa` or per-file-ignores)."]
    ignored = taskleak("check", "--ignore-noqa", "--output-format", "json").stdout
    assert json.loads(ignored)["summary"]["suppressed"] == 1  # the per-file ignore only
