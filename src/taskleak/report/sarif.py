"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

A spawn's path (its obligation: the spawn, the stores into holders, the ends, the loss) is the
result's `codeFlows` (one thread flow) and, but the spawn, its `relatedLocations`
(`report/path_steps.py`).

Findings carry a fix description but not the replacement text (the fixer computes edits at fix
time), and a SARIF `fix` object must contain concrete `artifactChanges`; so the fix is reported in
the result's property bag (`properties.fix`), never as an incomplete `fixes` entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from taskleak import __version__
from taskleak.files.paths import relative_path
from taskleak.files.printable import json_text, uri_path
from taskleak.model import Finding, Risk, RunResult
from taskleak.report.path_steps import PathKind, PathStep, path_steps
from taskleak.rules import RULES, Rule
from taskleak.rules.docs import render_rule_markdown
from taskleak.suppress.baseline import FINGERPRINT_KEY, fingerprints

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/taskleak/taskleak"
SRCROOT = "%SRCROOT%"

LEVELS: dict[Risk, str] = {Risk.HIGH: "error", Risk.MEDIUM: "warning", Risk.LOW: "note"}


def render_sarif(
    result: RunResult,
    *,
    root: Path,
    fingerprints_by_finding: Mapping[Finding, str] | None = None,
) -> str:
    """The run as a SARIF 2.1.0 log (one run), paths relative to `root` (`%SRCROOT%`).

    `fingerprints_by_finding` are the baseline fingerprints; computed relative to `root` when
    not given, so code scanning tracks a result across edits that move lines.
    """
    rules = sorted(RULES.values(), key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    if fingerprints_by_finding is None:
        fingerprints_by_finding = fingerprints(result.findings, root)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "taskleak",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(root)}},
        "invocations": [{
            "executionSuccessful": True,
            "toolExecutionNotifications": [
                _skipped_notification(s.path, s.reason, s.line, root, s.column)
                for s in result.skipped
            ],
        }],
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(f, rule_index, fingerprints_by_finding.get(f), root)
            for f in sorted(result.findings, key=Finding.sort_key)
        ],
    }
    log = {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_text(log, indent=2) + "\n"


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _plain(rule.what_it_does)},
        "help": {
            "text": f"{rule.summary} See {rule.help_uri}",
            "markdown": render_rule_markdown(rule),
        },
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVELS[rule.risk]} if rule.default_enabled else
        {"level": LEVELS[rule.risk], "enabled": False},  # opt-in (selected when reported)
        "properties": {"tags": ["asyncio", "reliability"], "risk": rule.risk.value},
    }


def _result(
    finding: Finding, rule_index: Mapping[str, int], fingerprint: str | None, root: Path
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.risk],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": _artifact(finding.path, root),
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line,
                    "endColumn": finding.end_column,
                },
            }
        }],
    }
    steps = path_steps(finding)
    if len(steps) > 1:  # the path GitHub code scanning shows under the alert
        out["codeFlows"] = [{"threadFlows": [{"locations": [
            {"location": _step_location(s, finding.path, root)} for s in steps]}]}]
        related = [{"id": n, **_step_location(s, finding.path, root)}
                   for n, s in enumerate(steps, 1) if s.kind in (PathKind.STORE, PathKind.END)]
        if related:
            out["relatedLocations"] = related
    if finding.rule in rule_index:
        out["ruleIndex"] = rule_index[finding.rule]
    if fingerprint is not None:
        out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    properties: dict[str, Any] = {
        "risk": finding.risk.value,
        "spawner": finding.spawner,
        "coroutine": finding.coroutine,
        "tracked": finding.tracked,
        "cleaned": finding.cleaned,
    }
    if finding.evidence:
        properties["evidence"] = list(finding.evidence)
    if finding.because:
        properties["because"] = finding.because
    if finding.fix is not None:
        properties["fix"] = finding.fix.to_json()
    elif finding.no_fix_reason:
        properties["noFixReason"] = finding.no_fix_reason
    if finding.confirmed:
        properties["confirmedAtRuntime"] = True
    out["properties"] = properties
    return out


def _step_location(step: PathStep, path: str, root: Path) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": _artifact(path, root),
                                 "region": {"startLine": step.line,
                                            "startColumn": step.column}},
            "message": {"text": step.message}}


def _skipped_notification(path: str, reason: str, line: int | None, root: Path,
                          column: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact(path, root)}
    if line is not None and line >= 1:
        location["region"] = {"startLine": line}
        if column is not None and column >= 1:
            location["region"]["startColumn"] = column
    return {
        "level": "warning",
        "message": {"text": f"skipped: {reason}"},
        "locations": [{"physicalLocation": location}],
    }


def _artifact(path: str, root: Path) -> dict[str, str]:
    """The URI below `%SRCROOT%`: the name's bytes, percent-encoded (`caf%E9.py`)."""
    return {"uri": uri_path(relative_path(path, root)), "uriBaseId": SRCROOT}


def _directory_uri(root: Path) -> str:
    uri = root.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _plain(markdown: str) -> str:
    """Rule text for viewers that show plain text: one paragraph per blank-line block."""
    paragraphs = [" ".join(block.split()) for block in markdown.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
