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

from taskleak.advice.returned import MERGED_CLASS_NO_FIX
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


def test_a_spawn_only_the_class_read_whole_finds_gets_no_fix(tmp_path: Path) -> None:
    """A base calling back a coroutine method only its subclass of another module defines:
    its module alone sees no spawn, so check offers no fix and says why, and `fix` writes
    nothing (a fix built from the module alone wrapped the loop's `Handle` in `keep_task`)."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "base.py").write_text(
        "import asyncio\n\n\nclass Base:\n    def __init__(self) -> None:\n"
        "        self.loop = asyncio.get_running_loop()\n\n"
        "    def kick(self) -> None:\n        self.loop.call_soon(self.refresh)\n",
        encoding="utf-8")
    (pkg / "impl.py").write_text(
        "from pkg.base import Base\n\n\nclass Impl(Base):\n"
        "    async def refresh(self) -> None:\n        print('refreshed')\n", encoding="utf-8")
    out, _ = _run(["check", "--no-cache", "--isolated", "--output-format", "json", "."],
                  tmp_path)
    rows = [(f["path"], f["line"], f["rule"], f["fix"], f["no_fix_reason"])
            for f in json.loads(out)["findings"]]
    assert rows == [("pkg/base.py", 9, "TL101", None, MERGED_CLASS_NO_FIX)]
    _, err = _run(["fix", "--no-cache", "--isolated", "--diff", "."], tmp_path)
    assert "No fixes to apply." in err and "keep_task" not in err
