"""`--format json`: one object, `{"version": 1, "findings": [...], "summary": {...}}`."""

from __future__ import annotations

import json
from typing import Any

from taskleak.model import RunResult


def summary(result: RunResult) -> dict[str, Any]:
    return {
        **result.counts(),
        "findings": len(result.findings),
        "files_scanned": result.files_scanned,
        "files_parsed": result.files_parsed,
        "files_skipped": len(result.skipped),
    }


def render_json(result: RunResult) -> str:
    doc = {
        "version": 1,
        "findings": [f.to_json() for f in result.findings],
        "summary": summary(result),
        "skipped": [
            {"path": s.path, "line": s.line, "reason": s.reason} for s in result.skipped
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
