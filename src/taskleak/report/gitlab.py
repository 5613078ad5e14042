"""`--output-format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`).

The fields GitLab documents for a custom tool, and nothing it ignores:

    [{"description": "...", "check_name": "<code>", "fingerprint": "...", "severity": "critical",
      "location": {"path": "app/x.py", "positions": {"begin": {"line": 5, "column": 5},
                                                     "end": {"line": 5, "column": 30}}}}]

- `location.path` is relative to the repository (`$CI_PROJECT_DIR` in a GitLab job, else the
  project root), '/'-separated, without `./`;
- `fingerprint` is the baseline's line-independent fingerprint (unique per finding: identical
  spawns in one file get an occurrence index), so the merge request widget tells new findings
  from moved ones;
- `severity`: high is `critical`, medium is `major`. Green rows are not issues and are left out.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from taskleak.files.paths import relative_path
from taskleak.files.printable import json_text
from taskleak.model import Finding, Risk, RunResult
from taskleak.report.summary import needs_attention
from taskleak.rules import RULES
from taskleak.suppress.baseline import fingerprints

SEVERITIES: dict[Risk, str] = {Risk.HIGH: "critical", Risk.MEDIUM: "major", Risk.LOW: "info"}


def report_root(default: Path) -> Path:
    """Where paths start: the checkout in a GitLab job, else `default`."""
    ci = os.environ.get("CI_PROJECT_DIR")
    return Path(ci) if ci else default


def issue(finding: Finding, fingerprint: str, root: Path) -> dict[str, Any]:
    rule = RULES.get(finding.rule)
    name = f" {rule.name}" if rule is not None else ""
    return {
        "description": f"{finding.rule}{name}: {finding.message}",
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.risk],
        "location": {
            "path": relative_path(finding.path, root),
            "positions": {
                "begin": {"line": finding.line, "column": finding.column},
                "end": {"line": finding.end_line, "column": finding.end_column},
            },
        },
    }


def render_gitlab(result: RunResult, *, root: Path) -> str:
    root = report_root(root)
    shown = [f for f in sorted(result.findings, key=Finding.sort_key) if needs_attention(f)]
    prints = fingerprints(shown, root)
    issues = [issue(f, prints[f], root) for f in shown]
    return json_text(issues, indent=2) + "\n"
