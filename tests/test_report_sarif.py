"""SARIF output, validated against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from findings_factory import TRACKED_SET_FIX, make_finding
from sarif_schema import SCHEMA_PATH, sarif_validator

from taskleak import __version__
from taskleak.model import Risk, RunResult, Skipped
from taskleak.report.sarif import render_sarif
from taskleak.rules import RULES
from taskleak.suppress.baseline import fingerprints


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    validator = sarif_validator()
    assert isinstance(validator, jsonschema.Draft4Validator)
    return validator


def _sarif(result: RunResult, root: Path, validator: jsonschema.protocols.Validator) -> Any:
    log = json.loads(render_sarif(result, root=root))
    validator.validate(log)
    return log


def _run(*findings: Any, skipped: tuple[Skipped, ...] = ()) -> RunResult:
    return RunResult(list(findings), list(skipped), files_scanned=3, files_parsed=2)


def test_format_checking_is_active(validator: jsonschema.protocols.Validator) -> None:
    # Without a URI checker installed, "format": "uri" would silently pass anything.
    bad = {"version": "2.1.0", "$schema": "not a uri", "runs": []}
    with pytest.raises(jsonschema.ValidationError, match="is not a 'uri'"):
        validator.validate(bad)


def test_empty_run_is_valid_and_lists_every_rule(
    tmp_path: Path, validator: jsonschema.protocols.Validator
) -> None:
    log = _sarif(_run(), tmp_path, validator)
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
        "TL103": "warning", "TL201": "warning", "TL202": "warning",
    }
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_results_with_and_without_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: jsonschema.protocols.Validator
) -> None:
    monkeypatch.chdir(tmp_path)
    with_fix = make_finding(path="src/my app/agent.py", line=12, column=9, end_line=14,
                            end_column=10, fix=TRACKED_SET_FIX)
    without_fix = make_finding(
        path="src/queue.py", line=3, rule="TL201", risk=Risk.MEDIUM,
        no_fix_reason="no close-like method in the class", message="kept, never cancelled",
    )
    low = make_finding(path="src/queue.py", line=40, rule="TL001", risk=Risk.LOW)
    log = _sarif(_run(low, without_fix, with_fix), tmp_path, validator)
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
    assert first["partialFingerprints"] == {"taskleak/v1": fingerprints([with_fix])[with_fix]}
    assert first["properties"]["fix"] == {
        "kind": "tracked-set", "applicability": "safe",
        "description": "keep the task in a self-pruning set",
    }
    assert "fixes" not in first  # no replacement text, so no (invalid) SARIF fix object
    assert results[1]["message"]["text"] == "kept, never cancelled"
    assert results[1]["properties"]["noFixReason"] == "no close-like method in the class"
    assert "fix" not in results[1]["properties"]


def test_risk_of_the_finding_wins_over_the_rule_default(
    tmp_path: Path, validator: jsonschema.protocols.Validator
) -> None:
    # A TL103 spawn inside a loop is raised to high.
    raised = make_finding(rule="TL103", risk=Risk.HIGH)
    (result,) = _sarif(_run(raised), tmp_path, validator)["runs"][0]["results"]
    assert result["level"] == "error"


def test_paths_are_relative_to_root_not_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: jsonschema.protocols.Validator
) -> None:
    (tmp_path / "pkg").mkdir()
    monkeypatch.chdir(tmp_path / "pkg")
    log = _sarif(_run(make_finding(path="agent.py")), tmp_path, validator)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "pkg/agent.py"


def test_given_fingerprints_are_used(
    tmp_path: Path, validator: jsonschema.protocols.Validator
) -> None:
    finding = make_finding()
    log = json.loads(render_sarif(
        _run(finding), root=tmp_path, fingerprints_by_finding={finding: "abc:0"}
    ))
    validator.validate(log)
    assert log["runs"][0]["results"][0]["partialFingerprints"] == {"taskleak/v1": "abc:0"}


def test_skipped_files_are_tool_notifications(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator: jsonschema.protocols.Validator
) -> None:
    monkeypatch.chdir(tmp_path)
    log = _sarif(
        _run(skipped=(Skipped("bad.py", "syntax error: invalid syntax", 4),
                      Skipped("latin.py", "cannot decode"))),
        tmp_path, validator,
    )
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        "skipped: syntax error: invalid syntax", "skipped: cannot decode",
    ]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    assert "region" not in notes[1]["locations"][0]["physicalLocation"]


def test_schema_rejects_a_broken_log(validator: jsonschema.protocols.Validator) -> None:
    # Guards the guard: the validator really checks result shapes.
    log = json.loads(render_sarif(_run(make_finding()), root=Path("/")))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)
