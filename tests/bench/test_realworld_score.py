"""bench/realworld/score.py against small label files and a fake taskleak printing fixed JSON."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realworld" / "score.py"


score = load_script(SCRIPT, "realworld_score")

FAKE = """\
#!{python}
import json, os, pathlib, sys
with open({log!r}, "a") as log:
    log.write(json.dumps({{"argv": sys.argv[1:], "cwd": os.getcwd()}}) + "\\n")
here = pathlib.Path(".fake.json")
if not here.exists():
    print("boom", file=sys.stderr)
    sys.exit(3)
print(json.dumps({{"version": 1, "findings": json.loads(here.read_text())}}))
"""


def finding(line: int, risk: str, path: str = "a.py", spawner: str = "asyncio.create_task",
            rule: str = "TL000") -> dict[str, Any]:
    return {"path": path, "line": line, "column": 1, "risk": risk, "rule": rule,
            "spawner": spawner, "message": f"message {path}:{line}"}


def label(line: int, risk: str, path: str = "a.py", kind: str | None = None) -> dict[str, Any]:
    kind = kind or ("not-a-spawn" if risk == "none" else "spawn")
    return {"path": path, "line": line, "kind": kind, "code": "asyncio.create_task(f())",
            "risk": risk, "why": f"why {path}:{line}"}


class Setup:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.corpus = root / "corpus"
        self.labels = root / "labels"
        self.labels.mkdir()
        self.log = root / "calls.jsonl"
        self.taskleak = root / "taskleak"
        self.taskleak.write_text(FAKE.format(python=sys.executable, log=str(self.log)))
        self.taskleak.chmod(self.taskleak.stat().st_mode | stat.S_IXUSR)

    def library(self, name: str, labels: list[dict[str, Any]], findings: list[dict[str, Any]],
                toml: str | None = None) -> Path:
        folder = self.corpus / "mid" / name
        folder.mkdir(parents=True)
        (folder / ".fake.json").write_text(json.dumps(findings))
        rows = "".join(json.dumps(row) + "\n" for row in labels)
        (self.labels / f"{name}.jsonl").write_text(rows)
        (self.labels / f"{name}.toml").write_text(
            toml if toml is not None else f'folder = "mid/{name}"\nargs = []\n')
        return folder

    def run(self, *extra: str) -> int:
        return int(score.main(["--corpus", str(self.corpus), "--taskleak", str(self.taskleak),
                               "--labels", str(self.labels), *extra]))

    def totals(self, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
        assert self.run("--json", *extra) == 0
        out: dict[str, Any] = json.loads(capsys.readouterr().out)
        return out

    def calls(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.read_text().splitlines()]


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


# One library that exercises every cell: see the comment on each row.
LABELS = [
    label(1, "high"),      # reported high, then low on the same line: recalled, exact
    label(2, "high"),      # reported medium: recalled, not exact
    label(3, "medium"),    # reported medium: recalled, exact, medium-exact
    label(4, "medium"),    # reported low: not recalled, not exact
    label(5, "medium"),    # not reported: missed
    label(6, "low"),       # reported high: false positive
    label(7, "low"),       # reported low: exact
    label(8, "low"),       # not reported: missed
    label(9, "none"),      # reported medium: false positive, not a spawn
    label(10, "none"),     # not reported: agreement
]
FINDINGS = [
    finding(1, "high"), finding(1, "low"), finding(2, "medium"), finding(3, "medium"),
    finding(4, "low"), finding(6, "high"), finding(7, "low"), finding(9, "medium"),
    finding(20, "high"),   # unlabelled positive: false positive, listed apart
    finding(21, "low"),    # unlabelled low: not a false positive
]


def test_metrics_of_one_library(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", LABELS, FINDINGS)
    totals = setup.totals(capsys)["libraries"]["lib"]
    assert totals["labelled"] == {"high": 2, "medium": 3, "low": 3, "none": 2}
    assert (totals["recalled"], totals["positives"]) == (3, 5)
    assert totals["recall"] == pytest.approx(3 / 5)
    assert (totals["true_positives"], totals["reported_positives"]) == (3, 6)
    assert totals["false_positives"] == 3
    assert totals["precision"] == pytest.approx(3 / 6)
    assert (totals["exact"], totals["spawns"]) == (3, 8)
    assert (totals["medium_exact"], totals["mediums"]) == (1, 3)
    # rows labelled or reported high/medium: 1-6, 9 and the unlabelled 20; exact: 1 and 3
    assert (totals["matter_exact"], totals["matter"]) == (2, 8)
    assert totals["missed"] == 2
    assert (totals["unlabelled"], totals["unlabelled_positives"]) == (2, 1)


def test_taskleak_command_and_folder(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    folder = setup.library("lib", LABELS, FINDINGS,
                           toml='folder = "mid/lib"\nargs = ["--spawner", "x.spawn"]\n')
    setup.totals(capsys)
    [call] = setup.calls()
    assert call["argv"] == ["check", "--format", "json", "--no-cache", "--isolated",
                            "--ignore-noqa", "--fail-on", "none", "--spawner", "x.spawn", "."]
    assert Path(call["cwd"]).resolve() == folder.resolve()


def test_table_and_details(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", LABELS, FINDINGS)
    assert setup.run("--details") == 0
    out = capsys.readouterr().out
    header, _, row = out.splitlines()[:3]
    assert header.split()[:2] == ["library", "labelled"]
    assert row.split() == ["lib", "2/3/3/2", "3/5", "60%", "3/6", "50%", "3/8", "38%",
                           "2/8", "25%", "1/3", "33%", "2", "2"]
    assert "== lib: 8 disagreement(s)" in out
    assert "a.py:4  [medium vs low]\n    label    medium (spawn): why a.py:4\n" \
           "    taskleak low TL000: message a.py:4" in out
    assert "a.py:5  [not reported]\n    label    medium (spawn): why a.py:5\n" \
           "    taskleak not reported" in out
    assert "a.py:20  [unlabelled]\n    taskleak high TL000: message a.py:20" in out
    for agreed in ("a.py:1 ", "a.py:3 ", "a.py:7 ", "a.py:10 "):
        assert agreed not in out


def test_pooled_sums_counts_then_divides(setup: Setup,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", LABELS, FINDINGS)
    setup.library("other", [label(1, "high"), label(2, "medium")],
                  [finding(1, "high"), finding(2, "medium")])
    totals = setup.totals(capsys)
    assert set(totals["libraries"]) == {"lib", "other"}
    pooled = totals["pooled"]
    assert (pooled["recalled"], pooled["positives"]) == (5, 7)
    assert (pooled["true_positives"], pooled["reported_positives"]) == (5, 8)
    assert (pooled["exact"], pooled["spawns"]) == (5, 10)
    assert (pooled["medium_exact"], pooled["mediums"]) == (2, 4)
    assert pooled["labelled"] == {"high": 3, "medium": 4, "low": 3, "none": 2}


def test_only_selects_libraries(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", LABELS, FINDINGS)
    setup.library("other", [label(1, "high")], [finding(1, "high")])
    assert set(setup.totals(capsys, "--only", "other")["libraries"]) == {"other"}
    assert len(setup.calls()) == 1
    assert setup.run("--only", "nope") == 2
    assert "no label file for nope" in capsys.readouterr().err


def test_include_limits_findings_and_labels(setup: Setup,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    labels = [label(1, "high", path="other/b.py"), label(1, "high", path="pkg/a.py"),
              label(2, "low", path="pkg/a.py")]
    findings = [finding(1, "high", path="other/b.py"), finding(5, "high", path="other/b.py"),
                finding(1, "low", path="pkg/a.py"), finding(9, "medium", path="./pkg/a.py")]
    setup.library("lib", labels, findings,
                  toml='folder = "mid/lib"\ninclude = ["pkg/"]\n')
    totals = setup.totals(capsys)["libraries"]["lib"]
    assert totals["labelled"] == {"high": 1, "medium": 0, "low": 1, "none": 0}
    assert (totals["recalled"], totals["positives"]) == (0, 1)
    assert (totals["true_positives"], totals["reported_positives"]) == (0, 1)
    assert (totals["unlabelled"], totals["missed"]) == (1, 1)


def test_only_spawners_limits_findings(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    helper = "hass.async_create_task"
    labels = [label(1, "high", kind="helper"), label(2, "medium", kind="helper"),
              label(3, "low")]
    findings = [finding(1, "high", spawner=helper), finding(2, "medium"),
                finding(3, "low"), finding(4, "high"), finding(5, "low", spawner=helper)]
    setup.library("lib", labels, findings,
                  toml=f'folder = "mid/lib"\nonly_spawners = ["{helper}"]\n')
    totals = setup.totals(capsys)["libraries"]["lib"]
    # line 2 and 3 are another spawner's: not reported; line 4 is not scored at all
    assert (totals["recalled"], totals["positives"]) == (1, 2)
    assert (totals["true_positives"], totals["reported_positives"]) == (1, 1)
    assert (totals["missed"], totals["unlabelled"], totals["unlabelled_positives"]) == (2, 1, 0)


def test_empty_denominators_are_null(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", [label(1, "low")], [finding(1, "low")])
    totals = setup.totals(capsys)["libraries"]["lib"]
    assert totals["recall"] is None and totals["precision"] is None
    assert totals["medium_exact_ratio"] is None and totals["exact_ratio"] == 1.0


@pytest.mark.parametrize(("row", "message"), [
    ("{not json", "not valid JSON"),
    (json.dumps({k: v for k, v in label(3, "high").items() if k != "why"}), "missing key(s): why"),
    (json.dumps({**label(3, "high"), "note": 1}), "unknown key(s): note"),
    (json.dumps({**label(3, "high"), "risk": "severe"}), "`risk` must be one of"),
    (json.dumps({**label(3, "high"), "kind": "task"}), "`kind` must be one of"),
    (json.dumps(label(3, "low", kind="not-a-spawn")), "risk `none` goes with kind"),
    (json.dumps(label(3, "none", kind="spawn")), "risk `none` goes with kind"),
    (json.dumps({**label(3, "high"), "line": 0}), "`line` must be a positive integer"),
    (json.dumps({**label(3, "high"), "line": "3"}), "`line` must be a positive integer"),
    (json.dumps({**label(3, "high"), "path": "./a.py"}), "`path` must be relative"),
    (json.dumps(label(1, "high")), "sorted by path, then line"),
    (json.dumps(label(2, "high")), "duplicate label for a.py:2"),
    ("[1, 2]", "a row must be a JSON object"),
    (json.dumps({**label(3, "high"), "question": "kept"}), "`question` must be one of awaited"),
    (json.dumps({**label(3, "high"), "scope": "file"}), "`scope` must be one of class, function"),
])
def test_malformed_label_names_file_and_line(setup: Setup, capsys: pytest.CaptureFixture[str],
                                             row: str, message: str) -> None:
    setup.library("lib", [label(2, "high")], [])
    file = setup.labels / "lib.jsonl"
    file.write_text(file.read_text() + "\n" + row + "\n")  # a blank line 2, the row on line 3
    assert setup.run() == 2
    err = capsys.readouterr().err
    assert f"{file}:3: " in err and message in err
    assert not setup.log.exists()  # taskleak never ran


@pytest.mark.parametrize(("toml", "message"), [
    ("args = []\n", "`folder` (a path relative to the corpus root) is required"),
    ('folder = "mid/lib"\nargs = "--x"\n', "`args` must be a list of strings"),
    ('folder = "mid/lib"\ninclude = [1]\n', "`include` must be a list of strings"),
    ('folder = "mid/lib"\nonly_spawner = ["x"]\n', "unknown key(s) only_spawner"),
    ('folder = "mid/lib\n', "lib.toml: "),
])
def test_bad_settings(setup: Setup, capsys: pytest.CaptureFixture[str], toml: str,
                      message: str) -> None:
    setup.library("lib", [label(1, "high")], [], toml=toml)
    assert setup.run() == 2
    assert message in capsys.readouterr().err


def test_missing_settings_and_folder(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", [label(1, "high")], [])
    (setup.labels / "lib.toml").unlink()
    assert setup.run() == 2
    assert "no settings file lib.toml" in capsys.readouterr().err
    (setup.labels / "lib.toml").write_text('folder = "mid/absent"\n')
    assert setup.run() == 2
    assert "absent does not exist" in capsys.readouterr().err


def test_by_question_pools_each_kind_of_row(setup: Setup,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {**label(1, "high"), "question": "dropped", "scope": "function"},     # reported high
        {**label(2, "medium"), "question": "kept-never-ended", "scope": "modules"},  # low
        {**label(3, "medium"), "question": "kept-never-ended", "scope": "class"},    # medium
        label(4, "low"),                                                      # no question
    ]
    setup.library("lib", rows, [finding(1, "high"), finding(2, "low"), finding(3, "medium"),
                                finding(4, "low"), finding(9, "high")])
    assert setup.run("--by", "question") == 0
    lines = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()
             if line.startswith("question=")}
    # columns: name, H/M/L/none, recall (n/d pct), precision, exact, exact H/M, medium-exact, ...
    assert lines["question=dropped"][1:3] == ["1/0/0/0", "1/1"]
    assert lines["question=kept-never-ended"][1:3] == ["0/2/0/0", "1/2"]
    # the unlabelled high on line 9 is in no group: the group's precision counts its own lines
    assert lines["question=kept-never-ended"][4] == "1/1"
    assert lines["question=-"][1] == "0/0/1/0"
    assert setup.run("--by", "scope") == 0
    out = capsys.readouterr().out
    assert "scope=modules" in out and "scope=class" in out and "scope=function" in out


def test_check_reads_labels_and_runs_nothing(setup: Setup,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    setup.library("lib", [label(1, "high"), {**label(2, "low"), "question": "awaited"}], [])
    assert setup.run("--check") == 0
    assert capsys.readouterr().out.strip() == "2 label rows read, no error"
    assert not setup.log.exists()  # taskleak never ran


def test_taskleak_failure_is_reported(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    folder = setup.library("lib", [label(1, "high")], [])
    (folder / ".fake.json").unlink()
    assert setup.run() == 2
    err = capsys.readouterr().err
    assert "taskleak exited 3" in err and "boom" in err


TOML = """\
# settings
folder = "mid/x#y"   # a comment after a value
args = [
    "--spawner", "a.b",  # trailing comma next
]
only_spawners = ["c"]
"""


def test_toml_subset_matches_tomllib() -> None:
    expected = {"folder": "mid/x#y", "args": ["--spawner", "a.b"], "only_spawners": ["c"]}
    assert score.parse_toml_subset(TOML) == expected
    assert score.parse_toml(TOML) == expected
    for bad in ("[table]\n", "folder = 'single'\n", 'args = ["a",\n', "a = 1\na = 2\n"):
        with pytest.raises(ValueError):
            score.parse_toml_subset(bad)
