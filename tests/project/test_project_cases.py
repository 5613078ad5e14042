"""Whole-project cases: small multi-module programs whose findings need facts from another
module (`tests/project/cases/<case>/`, with the rows `taskleak check` must report in
`expected.json`). Each fact has a case where it applies and one where it must not."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from taskleak.api import CheckOptions, check

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def _rows(found: list[tuple[str, int, str, str]]) -> Counter[tuple[str, int, str, str]]:
    return Counter(found)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("cache", [False, True], ids=["cold", "cold+warm"])
def test_case_findings_match_expected(case: Path, cache: bool, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    options = CheckOptions(paths=(Path("."),), cache=cache,  # a case may configure spawners
                           cache_dir=tmp_path / "cache")
    runs = [check(options)] + ([check(options)] if cache else [])  # warm: from the cache
    expected = Counter((r["path"], r["line"], r["rule"], r["risk"])
                       for r in json.loads((case / "expected.json").read_text()))
    for out in runs:
        actual = Counter((f.path, f.line, f.rule, f.risk.value) for f in out.result.findings)
        assert not out.result.skipped
        assert sorted((actual - expected).elements()) == [], "reported but not expected"
        assert sorted((expected - actual).elements()) == [], "expected but not reported"


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
