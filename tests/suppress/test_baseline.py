"""Baseline fingerprints, file round trip, and matching across edits that move lines."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from findings_factory import make_finding
from output_targets import SHOWN, device, is_device, undecodable_name

from taskleak.model import Finding
from taskleak.suppress.baseline import (
    Baseline,
    BaselineError,
    filter_with_baseline,
    fingerprints,
    load_baseline,
    normalise_code,
    write_baseline,
)


def _legacy_findings() -> list[Finding]:
    return [
        make_finding(path="pkg/agent.py", line=12, context="Agent.speak"),
        make_finding(
            path="pkg/agent.py", line=30, rule="TL201", context="Agent.start",
            snippet="self._hb = asyncio.create_task(self._beat())",
        ),
        make_finding(
            path="pkg/queue.py", line=5, context="on_message",
            snippet="asyncio.create_task(forward(msg))",
        ),
    ]


def test_normalise_code_ignores_layout() -> None:
    assert normalise_code("asyncio.create_task(\n    send(x),\n)") == normalise_code(
        "asyncio.create_task( send(x), )"
    )


def test_fingerprint_ignores_lines_but_not_path_rule_code_or_function() -> None:
    base = make_finding()
    fp = fingerprints([base])[base]
    moved = dataclasses.replace(base, line=99, end_line=99, statement_line=99, column=1)
    assert fingerprints([moved])[moved] == fp
    for change in (
        {"path": "other.py"},
        {"rule": "TL102"},
        {"snippet": "asyncio.create_task(self._send(other))"},
        {"context": "Agent.shout"},
    ):
        changed = dataclasses.replace(base, **change)
        assert fingerprints([changed])[changed] != fp, change


def test_identical_spawns_in_one_file_get_occurrence_indexes() -> None:
    first = make_finding(line=10)
    second = make_finding(line=20)
    fps = fingerprints([second, first])  # input order does not matter: source order does
    assert fps[first].endswith(":0") and fps[second].endswith(":1")
    assert fps[first].split(":")[0] == fps[second].split(":")[0]


def test_round_trip_survives_an_edit_that_moves_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    baseline_file = tmp_path / ".taskleak-baseline.json"
    monkeypatch.chdir(tmp_path)
    assert write_baseline(baseline_file, _legacy_findings()) == 3
    baseline = load_baseline(baseline_file)

    # 40 lines inserted at the top of agent.py, queue.py re-indented; one new leak added.
    after_edit = [
        make_finding(path="pkg/agent.py", line=52, context="Agent.speak"),
        make_finding(
            path="pkg/agent.py", line=70, rule="TL201", context="Agent.start",
            snippet="self._hb = asyncio.create_task(self._beat())",
        ),
        make_finding(
            path="pkg/queue.py", line=9, context="on_message",
            snippet="asyncio.create_task(\n        forward(msg)\n    )",
        ),
        make_finding(path="pkg/agent.py", line=80, context="Agent.reconnect"),
    ]
    new, matched, fixed = filter_with_baseline(after_edit, baseline)
    assert [(f.path, f.line) for f in new] == [("pkg/agent.py", 80)]
    assert sorted(f.line for f in matched) == [9, 52, 70]
    assert fixed == []


def test_fixed_entries_are_reported_so_the_baseline_can_shrink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_baseline(tmp_path / "b.json", _legacy_findings())
    remaining = _legacy_findings()[1:]
    new, matched, fixed = filter_with_baseline(remaining, load_baseline(tmp_path / "b.json"))
    assert new == [] and len(matched) == 2
    assert [(e.path, e.rule, e.context) for e in fixed] == [
        ("pkg/agent.py", "TL101", "Agent.speak")
    ]


def test_removing_one_of_two_identical_spawns_fixes_exactly_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_baseline(tmp_path / "b.json", [make_finding(line=10), make_finding(line=20)])
    baseline = load_baseline(tmp_path / "b.json")
    new, matched, fixed = filter_with_baseline([make_finding(line=20)], baseline)
    assert (len(new), len(matched), len(fixed)) == (0, 1, 1)
    # ... and a third copy is new
    three = [make_finding(line=n) for n in (10, 20, 30)]
    new, matched, fixed = filter_with_baseline(three, baseline)
    assert [f.line for f in new] == [30] and fixed == []


def test_paths_are_relative_to_the_baseline_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "pkg").mkdir(parents=True)
    monkeypatch.chdir(project)
    write_baseline(project / "b.json", [make_finding(path="pkg/agent.py")])
    entry = json.loads((project / "b.json").read_text())["entries"][0]
    assert entry["path"] == "pkg/agent.py"

    # Run again from inside pkg/: the finding's path is now "agent.py" but still matches.
    monkeypatch.chdir(project / "pkg")
    new, matched, _ = filter_with_baseline(
        [make_finding(path="agent.py")], load_baseline(project / "b.json")
    )
    assert new == [] and len(matched) == 1


def test_file_is_sorted_versioned_and_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "b.json"
    write_baseline(target, list(reversed(_legacy_findings())))
    first = target.read_bytes()
    write_baseline(target, _legacy_findings())
    assert target.read_bytes() == first
    document = json.loads(first)
    assert document["version"] == 1
    paths = [(e["path"], e["rule"]) for e in document["entries"]]
    assert paths == sorted(paths)
    assert set(document["entries"][0]) == {
        "path", "rule", "context", "code", "occurrence", "fingerprint",
    }
    assert "line" not in document["entries"][0]  # lines move; entries must not churn
    assert first.endswith(b"\n")
    umask = os.umask(0)
    os.umask(umask)  # (read back: the mode a new file gets is 0o666 less the umask)
    assert (target.stat().st_mode & 0o777) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]  # no temp file left behind


def test_write_failure_is_a_clear_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text("old", encoding="utf-8")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(BaselineError, match="cannot write baseline file"):
        write_baseline(blocker / "b.json", [make_finding()])
    assert target.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"is not valid JSON \(line 1, column 2\)"),
        ("[]", "expected a JSON object"),
        ('{"version": 7, "entries": []}', "unsupported version 7"),
        ('{"entries": []}', "unsupported version None"),
        ('{"version": 1}', "'entries' must be a list"),
        ('{"version": 1, "entries": [3]}', "entry 0 is not an object"),
        ('{"version": 1, "entries": [{"path": "a.py"}]}', "entry 0 has no valid 'rule'"),
        (
            '{"version": 1, "entries": [{"path": "a", "rule": "TL101", "context": "", '
            '"code": "", "occurrence": true, "fingerprint": "x"}]}',
            "entry 0 has no valid 'occurrence' \\(int\\)",
        ),
    ],
)
def test_corrupt_baseline_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    target = tmp_path / "b.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline(target)
    assert str(target) in str(info.value)


def test_unreadable_baseline_messages(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text('{\n  "version": 1,\n}', encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        load_baseline(target)
    assert str(info.value) == (f"baseline file {target} is not valid JSON (line 3, column 1): "
                               f"{_json_reason(target)}")
    target.write_bytes(b"\xff")
    with pytest.raises(BaselineError) as info:
        load_baseline(target)
    assert str(info.value) == (f"cannot read baseline file {target}: 'utf-8' codec can't decode "
                               "byte 0xff in position 0: invalid start byte")
    with pytest.raises(BaselineError) as info:
        load_baseline(tmp_path / "none.json")
    assert str(info.value) == (f"baseline file {tmp_path / 'none.json'} does not exist "
                               "(create it with `taskleak check --write-baseline FILE`)")


def _json_reason(path: Path) -> str:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return exc.msg
    raise AssertionError("valid JSON")


def test_missing_baseline_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"does not exist.*--write-baseline"):
        load_baseline(tmp_path / "missing.json")


def test_empty_baseline_makes_everything_new() -> None:
    findings = _legacy_findings()
    new, matched, fixed = filter_with_baseline(findings, Baseline(entries=()))
    assert new == sorted(findings, key=Finding.sort_key) and matched == [] and fixed == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("asyncio.create_task( send(x) )", "asyncio.create_task(send(x))"),
        ("t = await  asyncio.create_task(f())  # why", "t=await asyncio.create_task(f())"),
        ("spawn(lambda: f(), 'a  b')", "spawn(lambda:f(),'a  b')"),  # strings keep spaces
        ("create_task(x for x in y)", "create_task(x for x in y)"),
        ("create_task((", "create_task(("),  # not a whole statement: whitespace runs only
    ],
)
def test_normalise_code_cases(code: str, expected: str) -> None:
    assert normalise_code(code) == expected


def test_baseline_in_a_subfolder_records_its_project_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "pkg").mkdir(parents=True)
    monkeypatch.chdir(project)
    target = project / "ci" / "baseline.json"
    write_baseline(target, [make_finding(path="pkg/agent.py")], root=project)
    document = json.loads(target.read_text())
    assert document["root"] == ".."
    assert document["entries"][0]["path"] == "pkg/agent.py"

    monkeypatch.chdir(project / "ci")
    new, matched, _ = filter_with_baseline(
        [make_finding(path="../pkg/agent.py")], load_baseline(Path("baseline.json"))
    )
    assert new == [] and len(matched) == 1


def test_baseline_root_must_be_a_string(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text('{"version": 1, "root": 3, "entries": []}', encoding="utf-8")
    with pytest.raises(BaselineError, match="'root' must be a string"):
        load_baseline(target)


def test_an_undecodable_path_is_written_as_utf8_and_matches_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    leak = make_finding(path=f"pkg/{undecodable_name()}")
    target = tmp_path / "b.json"
    assert write_baseline(target, [leak]) == 1
    document = json.loads(target.read_bytes().decode("utf-8"))  # strict UTF-8
    assert document["entries"][0]["path"] == f"pkg/{SHOWN}"
    new, matched, fixed = filter_with_baseline([leak], load_baseline(target))
    assert (new, matched, fixed) == ([], [leak], [])


def test_a_baseline_written_to_a_device_is_written_into_it(tmp_path: Path) -> None:
    full = device(tmp_path, "full")
    with pytest.raises(BaselineError) as info:
        write_baseline(full, [make_finding()])
    assert str(info.value) == f"cannot write baseline file {full}: No space left on device"
    assert is_device(full)  # written into, never renamed over
