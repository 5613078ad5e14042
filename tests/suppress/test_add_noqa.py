"""`--add-noqa` on one source: where each directive goes, and what the file keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from findings_factory import make_finding

from taskleak.model import Risk
from taskleak.suppress.add_noqa import add_noqa, add_noqa_to_source
from taskleak.suppress.noqa import apply_noqa


def _add(source: str, *lines: int, rule: str = "TL101", **where: int) -> str:
    findings = [make_finding(line=n, rule=rule, **where) for n in lines]
    new, _ = add_noqa_to_source(source.encode(), findings)
    return new.decode()


def test_a_directive_is_added_and_existing_ones_are_extended() -> None:
    source = "a = spawn()\nb = spawn()  # noqa: E501 long\nc = spawn()  # keep me\n"
    assert _add(source, 1, 2, 3) == (
        "a = spawn()  # noqa: TL101\n"
        "b = spawn()  # noqa: E501, TL101 long\n"
        "c = spawn()  # keep me  # noqa: TL101\n")
    assert _add("x = spawn()  # noqa\n", 1) == "x = spawn()  # noqa\n"  # bare: covers all
    assert _add("x = spawn()  # noqa: TL101\n", 1) == "x = spawn()  # noqa: TL101\n"


def test_two_rules_on_one_line_share_a_directive() -> None:
    findings = [make_finding(line=1), make_finding(line=1, rule="TL201", risk=Risk.MEDIUM)]
    new, count = add_noqa_to_source(b"x = spawn()\n", findings)
    assert (new, count) == (b"x = spawn()  # noqa: TL101, TL201\n", 1)


def test_green_rows_and_unused_noqa_reports_get_none(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text("x = spawn()\n")
    done = add_noqa([make_finding(path="app.py", line=1, rule="TL001", risk=Risk.LOW),
                     make_finding(path="app.py", line=1, rule="TL900", risk=Risk.MEDIUM),
                     make_finding(path="app.py", line=1, structured=True)])
    assert done.count == 0 and (tmp_path / "app.py").read_text() == "x = spawn()\n"


def test_a_line_that_cannot_end_in_a_comment_moves_the_directive() -> None:
    in_string = 'x = spawn(f"""\n  text""")\n'
    assert _add(in_string, 1, end_line=2) == 'x = spawn(f"""\n  text""")  # noqa: TL101\n'
    backslash = "x = \\\n    spawn()\n"
    assert _add(backslash, 2, statement_line=1) == "x = \\\n    spawn()  # noqa: TL101\n"
    # and the directive where it went suppresses the finding
    finding = make_finding(line=1, end_line=2, statement_line=1)
    lines = _add(in_string, 1, end_line=2).splitlines()
    assert apply_noqa([finding], {"app.py": lines}).suppressed == [finding]


def test_encoding_bom_and_line_endings_are_kept(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    latin = "# -*- coding: latin-1 -*-\nx = spawn('caf\xe9')\r\n".encode("latin-1")
    (tmp_path / "latin.py").write_bytes(latin)
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbfx = spawn()\r\ny = 1\r\n")
    done = add_noqa([make_finding(path="latin.py", line=2), make_finding(path="bom.py", line=1)])
    assert done.added == {"bom.py": 1, "latin.py": 1} and done.errors == []
    assert (tmp_path / "latin.py").read_bytes() == \
        "# -*- coding: latin-1 -*-\nx = spawn('caf\xe9')  # noqa: TL101\r\n".encode("latin-1")
    assert (tmp_path / "bom.py").read_bytes() == \
        b"\xef\xbb\xbfx = spawn()  # noqa: TL101\r\ny = 1\r\n"


def test_an_unreadable_file_is_reported_not_raised(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    done = add_noqa([make_finding(path="gone.py", line=1)])
    assert done.count == 0 and [p for p, _ in done.errors] == ["gone.py"]
