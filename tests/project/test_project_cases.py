"""Whole-project cases: small multi-module programs whose findings need facts from another
module (`tests/project/cases/<case>/`, with the rows `taskleak check` must report, words and
all, in `expected.json`: the one format of `tests/rules/README.md`). Each fact has a case where
it applies and one where it must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_runs import Case, actual_rows, mismatch, project_cases

from taskleak.api import CheckOptions, check

CASES = project_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("cache", [False, True], ids=["cold", "cold+warm"])
def test_case_findings_match_expected(case: Case, cache: bool, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache" if cache else None  # a case may configure spawners
    runs = [case.run(cache_dir)] + ([case.run(cache_dir)] if cache else [])  # warm: the cache's
    expected = case.load()
    for out in runs:
        actual = actual_rows(out)
        assert not out.result.skipped
        if actual != expected:
            pytest.fail(mismatch(case, expected, actual), pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_rows_point_into_the_case(case: Case) -> None:
    sources = {p.relative_to(case.root).as_posix(): p for p in case.sources()}
    for row in case.load():
        assert row.path in sources, f"{row.concise()}: not a module of the case"
        lines = sources[row.path].read_text(encoding="utf-8").splitlines()
        assert row.line <= len(lines), f"{row.concise()}: outside the file"
        assert row.column <= len(lines[row.line - 1]), f"{row.concise()}: outside the line"


def test_every_case_has_both_sides() -> None:
    """Each fact is shown where it applies and where it does not (case names say which)."""
    assert len(CASES) >= 6


def test_a_helper_call_names_the_coroutine_the_helper_spawns(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """`self.spawn(hass, job)` runs `job`: the helper's body spawns its second parameter."""
    monkeypatch.chdir(Path(__file__).parent / "cases" / "helper_found_by_its_class")
    out = check(CheckOptions(paths=(Path("."),), cache=False))
    calls = {(f.path, f.line): f.coroutine for f in out.result.findings}
    assert calls[("home/entry.py", 28)] == "job"
    assert calls[("home/relay.py", 17)] == "job"


def test_a_dropped_collection_of_returned_tasks_is_not_fixed_as_one_task(tmp_path: Path) -> None:
    """The returned-task fix keeps one task: the calls that drop the *list* dispatch() returns
    are left alone (only the join knows it is a list), the one that drops announce()'s task is
    fixed, and the fixed program runs."""
    import shutil
    import subprocess
    import sys

    root = tmp_path / "case"
    case = "returned_tasks_dropped_through_a_typed_attribute"
    shutil.copytree(Path(__file__).parent / "cases" / case, root)
    before = (root / "bus" / "protocol.py").read_text(encoding="utf-8")
    fixed = subprocess.run([sys.executable, "-m", "taskleak", "fix", ".", "--no-cache"],
                           cwd=root, check=False, capture_output=True, text=True)
    assert fixed.returncode == 1, fixed.stderr  # the two collection calls are left: findings
    after = (root / "bus" / "protocol.py").read_text(encoding="utf-8")
    assert after != before
    assert after.count("self.dispatcher.dispatch(data.decode())\n") == 1  # untouched
    assert "        self.dispatch(name)\n" in after
    # kept by the package's keep-helper, written once for the package
    assert "keep_task(self.dispatcher.announce(\"received\"))\n" in after
    assert (root / "bus" / "_background_tasks.py").is_file()
    run = ("import asyncio, bus.dispatch as d, bus.protocol as p\n"
           "async def main():\n"
           "    async def listener(m): pass\n"
           "    disp = d.Dispatcher(); disp.listen(listener)\n"
           "    p.Protocol(disp).data_received(b'x')\n"
           "    api = p.Api(); api.listen(listener); api.event_received('y')\n"
           "    await asyncio.sleep(0.01)\n"
           "    print('ran')\n"
           "asyncio.run(main())\n")
    out = subprocess.run([sys.executable, "-c", run], cwd=root, check=True,
                         capture_output=True, text=True).stdout
    assert out.split() == ["ran"]
