"""`check`'s `[*]` and `fix` agree (one policy, `fixes/policy.py`): every finding `check` marks
fixable with a safe fix is fixed by `taskleak fix`, never declined with a reason, and `fix`
fixes no other. Checked over every rule case of the test suite, through the real command line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers import RULE_CASES

from taskleak.cli import main

Key = tuple[str, int, int, str]
_NOT_FIXED = re.compile(r"^  (\S+?):(\d+):(\d+): (\S+) (.*)$")
_WOULD_FIX = re.compile(r"^Would fix (\d+) findings?")


def _run(args: list[str], cwd: Path) -> tuple[str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(old)
    return result.stdout, result.stderr


def test_every_finding_check_marks_fixable_is_fixed_and_no_other(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(RULE_CASES, cases, ignore=shutil.ignore_patterns("*.after.py", "*.json"))
    out, _ = _run(["check", "--no-cache", "--output-format", "json", "."], cases)
    marked: set[Key] = {(f["path"], f["line"], f["column"], f["rule"])
                        for f in json.loads(out)["findings"]
                        if f["fix"] is not None and f["fix"]["applicability"] == "safe"}
    _, err = _run(["fix", "--no-cache", "--diff", "."], cases)
    declined = {(m[1], int(m[2]), int(m[3]), m[4]): m[5]
                for m in map(_NOT_FIXED.match, err.splitlines()) if m}
    would = next(int(m[1]) for m in map(_WOULD_FIX.match, err.splitlines()) if m)
    assert len(marked) > 100  # the cases hold that many: the comparison is not empty
    assert {k: why for k, why in declined.items() if k in marked} == {}
    assert would == len(marked)
