"""`tests/rules/update_cases.py` rewrites expectations from taskleak's output, says what kind of
change it made, and with `--check` writes nothing."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from case_runs import actual_rows, cases_at
from expectations import Row, dump_rows, load_rows
from helpers import RULE_CASES, TESTS

SCRIPT = RULE_CASES / "update_cases.py"
CASE = RULE_CASES / "task-discarded" / "ensure_future.py"
PROJECT = TESTS / "project" / "cases" / "helper_keeps_forever"


def _main() -> Callable[[Sequence[str]], int]:
    spec = importlib.util.spec_from_file_location("update_cases", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    main: Callable[[Sequence[str]], int] = module.main
    return main


update = _main()


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """A copy of a module case, its expectations as they are in the checkout."""
    copy = tmp_path / CASE.name
    shutil.copy(CASE, copy)
    shutil.copy(CASE.with_suffix(".expected.json"), tmp_path)
    return copy


def _expected(program: Path) -> Path:
    return program.with_suffix(".expected.json")


def _reworded(rows: list[Row]) -> list[Row]:
    return [r._replace(message=r.message.replace("discarded", "dropped")) for r in rows]


def test_a_reworded_message_is_rewritten_and_called_words(
        case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right = load_rows(_expected(case))
    _expected(case).write_text(dump_rows(_reworded(right)))
    assert _reworded(right) != right  # the case's words say "discarded"
    assert update([str(case)]) == 0
    assert load_rows(_expected(case)) == right
    assert capsys.readouterr().out.split() == ["words", str(_expected(case))]
    assert update([str(case)]) == 0  # a second run finds nothing to do
    assert capsys.readouterr().out == ""


def test_a_row_that_came_or_went_is_called_rows(case: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    right = load_rows(_expected(case))
    _expected(case).write_text(dump_rows([*right, right[0]._replace(line=99)]))
    assert update([str(_expected(case))]) == 0  # the expectation file names its case too
    assert load_rows(_expected(case)) == right
    assert capsys.readouterr().out.split()[0] == "rows"


def test_check_writes_nothing_and_fails_on_a_change(case: Path) -> None:
    text = dump_rows(_reworded(load_rows(_expected(case))))
    _expected(case).write_text(text)
    assert update(["--check", str(case)]) == 1
    assert _expected(case).read_text() == text
    _expected(case).write_text(dump_rows(load_rows(CASE.with_suffix(".expected.json"))))
    assert update(["--check", str(case)]) == 0


def test_a_new_case_and_an_old_file_get_their_words(
        case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right = load_rows(_expected(case))
    _expected(case).unlink()
    assert update([str(case)]) == 0
    assert load_rows(_expected(case)) == right
    old = [{"path": r.path, "line": r.line, "rule": r.rule, "risk": r.risk} for r in right]
    _expected(case).write_text(str(old).replace("'", '"'))  # the format before messages
    assert update([str(case)]) == 0
    assert load_rows(_expected(case)) == right
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["new", "words"]


def test_a_folder_case_is_run_as_a_project(tmp_path: Path) -> None:
    copy = tmp_path / PROJECT.name
    shutil.copytree(PROJECT, copy)
    (copy / "expected.json").write_text("[]\n")
    (found,) = cases_at(copy / "server.py")  # a file of a folder case names the folder
    assert found.root == copy.resolve()
    assert update([str(copy)]) == 0
    rows = load_rows(copy / "expected.json")
    assert rows == actual_rows(found.run())
    # the server's task is judged by what jobs.py does with it: the folder ran as one project
    assert {r.path for r in rows} == {"jobs.py", "server.py"}


def test_a_path_that_is_no_case_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("")
    for path in (tmp_path / "notes.txt", tmp_path):
        with pytest.raises(SystemExit) as raised:
            update([str(path)])
        assert raised.value.code == 2


def test_the_script_runs_from_the_checkout(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--check", str(CASE)],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, ""), proc.stderr
    assert "1 cases, 0 would change" in proc.stderr
