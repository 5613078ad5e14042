"""The expectations' loader refuses what is not a well-formed file, and reads what is."""

from __future__ import annotations

import json
from typing import Any

import pytest
from expectations import KEYS, CaseFormatError, Row, difference, dump_rows, parse_rows

GOOD = {"path": "a.py", "line": 5, "column": 9, "rule": "TL101", "risk": "high",
        "message": "task work() is discarded", "evidence": ["spawned once per loop iteration"]}


def _text(*rows: dict[str, Any]) -> str:
    return json.dumps(list(rows))


def test_a_well_formed_file_is_read_row_by_row() -> None:
    second = {**GOOD, "line": 7, "rule": "TL001", "risk": "low", "message": "awaited",
              "evidence": []}
    assert parse_rows(_text(GOOD, second)) == [
        Row("a.py", 5, 9, "TL101", "high", "task work() is discarded",
            ("spawned once per loop iteration",)),
        Row("a.py", 7, 9, "TL001", "low", "awaited")]
    assert parse_rows("[]") == []


def test_what_the_updater_writes_is_read_back_one_row_a_line() -> None:
    rows = [Row("b.py", 2, 1, "TL201", "medium", "kept in `self._t` ünd never ended",
                ("nothing reads it",)),
            Row("a.py", 9, 3, "TL101", "high", 'a "quoted" word')]
    text = dump_rows(rows)
    assert parse_rows(text) == sorted(rows)
    objects = [{**r._asdict(), "evidence": list(r.evidence)} for r in sorted(rows)]
    assert text.splitlines()[1:-1] == [f"  {json.dumps(o, ensure_ascii=False)}"
                                       + ("," if i == 0 else "")
                                       for i, o in enumerate(objects)]
    assert dump_rows([]) == "[]\n"


MALFORMED: dict[str, tuple[str, str]] = {
    "not JSON": ("[{", "not JSON"),
    "not a list": (json.dumps(GOOD), "a JSON list"),
    "a row that is not an object": ("[[1, 2]]", "expected an object"),
    "the old rows, no column or message": (
        _text({k: GOOD[k] for k in ("path", "line", "rule", "risk")}),
        "missing keys ['column', 'evidence', 'message']"),
    "no message": (_text({k: v for k, v in GOOD.items() if k != "message"}),
                   "missing keys ['message']"),
    "an unknown key": (_text({**GOOD, "severity": "high"}), "unknown keys ['severity']"),
    "an absolute path": (_text({**GOOD, "path": "/a.py"}), "path"),
    "a Windows path": (_text({**GOOD, "path": "b\\a.py"}), "path"),
    "an empty path": (_text({**GOOD, "path": ""}), "path"),
    "line 0": (_text({**GOOD, "line": 0}), "line 0"),
    "a line that is true": (_text({**GOOD, "line": True}), "line True"),
    "a column as text": (_text({**GOOD, "column": "9"}), "column '9'"),
    "a rule that is no code": (_text({**GOOD, "rule": "TL 101"}), "rule 'TL 101'"),
    "an unknown risk": (_text({**GOOD, "risk": "severe"}), "risk 'severe'"),
    "an empty message": (_text({**GOOD, "message": ""}), "message ''"),
    "a message of two lines": (_text({**GOOD, "message": "one\ntwo"}), "message"),
    "a message with a trailing space": (_text({**GOOD, "message": "one "}), "message"),
    "a message that is not text": (_text({**GOOD, "message": ["one"]}), "message"),
    "no evidence": (_text({k: v for k, v in GOOD.items() if k != "evidence"}),
                    "missing keys ['evidence']"),
    "evidence as text": (_text({**GOOD, "evidence": "spawned"}), "evidence 'spawned'"),
    "an empty piece of evidence": (_text({**GOOD, "evidence": [""]}), "evidence"),
    "evidence of two lines": (_text({**GOOD, "evidence": ["one\ntwo"]}), "evidence"),
    "rows out of order": (_text({**GOOD, "line": 7}, GOOD), "sorted"),
    "columns out of order": (_text({**GOOD, "column": 12}, GOOD), "sorted"),
}


@pytest.mark.parametrize("text,says", MALFORMED.values(), ids=list(MALFORMED))
def test_a_malformed_file_is_refused_with_its_reason(text: str, says: str) -> None:
    with pytest.raises(CaseFormatError) as raised:
        parse_rows(text, "x.expected.json")
    assert says in str(raised.value)
    assert str(raised.value).startswith("x.expected.json")


def test_every_key_is_required() -> None:
    for key in KEYS:
        with pytest.raises(CaseFormatError, match=f"missing keys \\['{key}'\\]"):
            parse_rows(_text({k: v for k, v in GOOD.items() if k != key}))


def test_a_difference_is_shown_as_concise_lines() -> None:
    old = parse_rows(_text(GOOD))
    new = [old[0]._replace(message="task work() is dropped"),
           Row("a.py", 8, 1, "TL001", "low", "awaited")]
    assert difference(old, old, "x") == ""
    assert difference(old, new, "x").splitlines()[2:] == [
        "@@ -1 +1,2 @@",
        "-a.py:5:9: TL101 high: task work() is discarded [spawned once per loop iteration]",
        "+a.py:5:9: TL101 high: task work() is dropped [spawned once per loop iteration]",
        "+a.py:8:1: TL001 low: awaited"]
