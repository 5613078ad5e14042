"""Rewrite check cases' expectations from what taskleak reports now.

    python tests/rules/update_cases.py [--check] [PATHS...]

PATHS are case programs (`NAME.py`), expectation files, folder cases or folders holding cases
(default: every case). A new `NAME.py` in a case folder gets its expectation file. For each
file it prints whether it changed and how: `words` when only messages changed, `rows` when a
row came or went (or moved, or changed rule or risk); read `git diff` before committing. With
`--check` it writes nothing and exits 1 if any file would change. The test run never writes:
it compares (`tests/rules/test_rules.py`, `tests/project/`, `tests/cli/test_fixtures.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' shared modules

from case_runs import Case, actual_rows, all_cases, cases_at, shown, silent_skips  # noqa: E402
from expectations import CaseFormatError, dump_rows, parse_rows  # noqa: E402


Where = tuple[str, int, int, str, str]  # a row without its words


def _old_places(text: str, name: str) -> list[Where] | None:
    """The rows written now without their words; the column 0 in a file of the old format
    (no column, no message); None if the file is not even that."""
    try:
        return sorted(r[:5] for r in parse_rows(text, name))
    except CaseFormatError:
        pass
    try:
        return sorted((r["path"], r["line"], 0, r["rule"], r["risk"]) for r in json.loads(text))
    except (ValueError, TypeError, KeyError):
        return None


def update(case: Case, write: bool) -> str | None:
    """What changed in `case`'s expectations (written unless `write` is false); None if nothing."""
    outcome = case.run()
    if silent_skips(outcome):
        raise SystemExit(f"{case.name}: taskleak skipped {silent_skips(outcome)}")
    new_text = dump_rows(actual_rows(outcome))
    old_text = case.expected.read_text(encoding="utf-8") if case.expected.is_file() else None
    if new_text == old_text:
        return None
    new = [r[:5] for r in actual_rows(outcome)]
    old = _old_places(old_text, str(case.expected)) if old_text is not None else []
    if old and not any(column for _, _, column, _, _ in old):  # the old format: no columns
        new = [(path, line, 0, rule, risk) for path, line, _, rule, risk in new]
    if old_text is None:
        change = "new"
    elif old == sorted(new):
        change = "words"  # the same findings in the same places, at the same risk
    else:
        change = "rows"
    if write:
        case.expected.write_text(new_text, encoding="utf-8")
    return change


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on a change")
    args = parser.parse_args(argv)
    try:
        cases = [c for p in args.paths for c in cases_at(p)] if args.paths else all_cases()
    except ValueError as exc:
        parser.error(str(exc))
    changed = 0
    unique = list(dict.fromkeys(cases))
    for case in unique:
        change = update(case, write=not args.check)
        if change:
            changed += 1
            print(f"{change:5}  {shown(case.expected)}")
    verb = "would change" if args.check else "changed"
    print(f"{len(unique)} cases, {changed} {verb}", file=sys.stderr)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
