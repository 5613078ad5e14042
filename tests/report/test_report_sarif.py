"""SARIF output: its structure (always checked) and its validity against the official schema.

The schema lives outside the repository (see `sarif_schema.py`): without it the tests that
validate skip, and the structural tests still run. Each scenario below is checked both ways.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from findings_factory import TRACKED_SET_FIX, make_finding
from output_targets import URI, undecodable_file, undecodable_name
from sarif_schema import sarif_schema, sarif_validator

from taskleak import __version__
from taskleak.model import Risk, RunResult, Skipped
from taskleak.report.sarif import render_sarif
from taskleak.rules import RULES
from taskleak.suppress.baseline import fingerprints

WITH_FIX = make_finding(path="src/my app/agent.py", line=12, column=9, end_line=14,
                        end_column=10, fix=TRACKED_SET_FIX)
WITHOUT_FIX = make_finding(
    path="src/queue.py", line=3, rule="TL201", risk=Risk.MEDIUM,
    no_fix_reason="no close-like method in the class", message="kept, never cancelled",
)
LOW = make_finding(path="src/queue.py", line=40, rule="TL001", risk=Risk.LOW)
RAISED = make_finding(rule="TL103", risk=Risk.HIGH)  # a TL103 spawn inside a loop is raised
GIVEN = make_finding()


def _run(*findings: Any, skipped: tuple[Skipped, ...] = ()) -> RunResult:
    return RunResult(list(findings), list(skipped), files_scanned=3, files_parsed=2)


# --- scenarios: each renders one log ---------------------------------------------------------

Scenario = Callable[[Path, pytest.MonkeyPatch], Any]


def empty_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return json.loads(render_sarif(_run(), root=tmp_path))


def with_and_without_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)
    return json.loads(render_sarif(_run(LOW, WITHOUT_FIX, WITH_FIX), root=tmp_path))


def raised_risk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return json.loads(render_sarif(_run(RAISED), root=tmp_path))


def cwd_below_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    (tmp_path / "pkg").mkdir()
    monkeypatch.chdir(tmp_path / "pkg")
    return json.loads(render_sarif(_run(make_finding(path="agent.py")), root=tmp_path))


def given_fingerprints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return json.loads(render_sarif(
        _run(GIVEN), root=tmp_path, fingerprints_by_finding={GIVEN: "abc:0"}
    ))


def skipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)
    return json.loads(render_sarif(
        _run(skipped=(Skipped("bad.py", "syntax error: invalid syntax", 4),
                      Skipped("latin.py", "cannot decode"))),
        root=tmp_path,
    ))


def undecodable_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The root and the files are named with a byte that is not UTF-8 (`caf\\xe9`)."""
    root = tmp_path / undecodable_name().removesuffix(".py")
    root.mkdir()
    name = undecodable_file(root).name
    monkeypatch.chdir(root)
    return json.loads(render_sarif(
        _run(make_finding(path=name), skipped=(Skipped(name, "syntax error: bad", 2),)),
        root=root))


SCENARIOS: list[Scenario] = [
    empty_run, with_and_without_fix, raised_risk, cwd_below_root, given_fingerprints,
    skipped_files, undecodable_names,
]


# --- structure (no schema needed) ------------------------------------------------------------


def test_empty_run_lists_every_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = empty_run(tmp_path, monkeypatch)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("taskleak", __version__)
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    tl101 = next(r for r in driver["rules"] if r["id"] == "TL101")
    assert tl101["name"] == "task-discarded"
    assert tl101["helpUri"].endswith("/docs/rules/TL101.md")
    assert tl101["shortDescription"]["text"] == RULES["TL101"].summary
    assert "add_done_callback" in tl101["fullDescription"]["text"]
    assert tl101["help"]["markdown"].startswith("# task-discarded (TL101)")
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {
        "TL001": "note", "TL101": "error", "TL102": "error",
        "TL103": "warning", "TL201": "warning", "TL202": "warning", "TL301": "note",
        "TL800": "error", "TL900": "warning",
    }
    # the opt-in rules are off unless selected: SARIF's reportingConfiguration says so
    enabled = {r["id"]: r["defaultConfiguration"].get("enabled", True) for r in driver["rules"]}
    assert [code for code, on in enabled.items() if not on] == ["TL301", "TL900"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_results_with_and_without_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = with_and_without_fix(tmp_path, monkeypatch)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]

    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("TL101", "error"), ("TL201", "warning"), ("TL001", "note"),
    ]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    first = results[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "src/my%20app/agent.py", "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 12, "startColumn": 9, "endLine": 14, "endColumn": 10}
    assert first["partialFingerprints"] == {"taskleak/v1": fingerprints([WITH_FIX])[WITH_FIX]}
    assert first["properties"]["fix"] == {
        "kind": "tracked-set", "applicability": "safe",
        "description": "keep the task in a self-pruning set",
    }
    assert "fixes" not in first  # no replacement text, so no (invalid) SARIF fix object
    assert results[1]["message"]["text"] == "kept, never cancelled"
    assert results[1]["properties"]["noFixReason"] == "no close-like method in the class"
    assert "fix" not in results[1]["properties"]


def test_risk_of_the_finding_wins_over_the_rule_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (result,) = raised_risk(tmp_path, monkeypatch)["runs"][0]["results"]
    assert result["level"] == "error"


def test_paths_are_relative_to_root_not_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = cwd_below_root(tmp_path, monkeypatch)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "pkg/agent.py"


def test_given_fingerprints_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = given_fingerprints(tmp_path, monkeypatch)
    assert log["runs"][0]["results"][0]["partialFingerprints"] == {"taskleak/v1": "abc:0"}


def test_skipped_files_are_tool_notifications(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = skipped_files(tmp_path, monkeypatch)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        "skipped: syntax error: invalid syntax", "skipped: cannot decode",
    ]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    assert "region" not in notes[1]["locations"][0]["physicalLocation"]


def test_undecodable_names_are_percent_encoded_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (run,) = undecodable_names(tmp_path, monkeypatch)["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/caf%E9/")
    (result,) = run["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == URI
    assert result["partialFingerprints"]["taskleak/v1"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == URI


# --- validity against the official schema (skipped without it) --------------------------------


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    assert sarif_schema()["$schema"] == "http://json-schema.org/draft-04/schema#"
    validator = sarif_validator()
    assert isinstance(validator, jsonschema.Draft4Validator)
    return validator


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
def test_log_is_schema_valid(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    validator: jsonschema.protocols.Validator,
) -> None:
    validator.validate(scenario(tmp_path, monkeypatch))


def test_format_checking_is_active(validator: jsonschema.protocols.Validator) -> None:
    # Without a URI checker installed, "format": "uri" would silently pass anything.
    bad = {"version": "2.1.0", "$schema": "not a uri", "runs": []}
    with pytest.raises(jsonschema.ValidationError, match="is not a 'uri'"):
        validator.validate(bad)


def test_schema_rejects_a_broken_log(validator: jsonschema.protocols.Validator) -> None:
    # Guards the guard: the validator really checks result shapes.
    log = json.loads(render_sarif(_run(make_finding()), root=Path("/")))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)
