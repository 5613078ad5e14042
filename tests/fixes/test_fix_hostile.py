"""Issue 15: `fix` on valid files its tools handle badly. A comment libcst's round trip loses
is put back around the fix; a file nested too deeply for libcst's recursive steps is left as it
was, with the reason; and the run goes on to the next file."""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.api import FixOptions, fix
from taskleak.fixer.apply import fix_file, fix_source
from taskleak.fixer.verify import comments_of, lost_comment
from taskleak.fixes.splice import Lost, lost_lines, put_back

LEAK = "import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"


def test_a_comment_after_a_dedent_with_mixed_indentation_survives(tmp_path: Path) -> None:
    """Before: the fix was written without `\t# keep me` (libcst 1.9 drops that line on
    parsing, and the comment check compared libcst's comments with libcst's)."""
    data = (LEAK + "\n\t# keep me\n # end\n").encode()
    path = tmp_path / "a.py"
    path.write_bytes(data)
    done = fix_file(path, "a.py")
    assert done.error is None and done.written
    after = path.read_text()
    compile(after, "a.py", "exec", dont_inherit=True)
    assert "_background_tasks.add(task)" in after
    assert after.endswith("\n\t# keep me\n # end\n")
    # every line of the original is still there, in order: the fix only added lines
    rest = iter(after.splitlines())
    assert all(line in rest for line in data.decode().splitlines() if "create_task" not in line)


def test_lines_the_round_trip_loses_are_put_back_and_nothing_else_is() -> None:
    original = b"a = 1\n\t# lost\n\nb = 2\n"
    assert lost_lines(original, b"a = 1\nb = 2\n") == Lost({1: [b"\t# lost\n", b"\n"]})
    assert lost_lines(original, b"a = 1\n# lost\nb = 2\n") is None  # a changed line
    assert lost_lines(b"a = 1\nb = 2\n", b"a = 1\n") is None  # code lost
    fixed = put_back(b"a = 1\nb = 2\n", b"x = 0\na = 1\nb = 3\n", Lost({1: [b"\t# lost\n"]}))
    assert fixed == b"x = 0\na = 1\n\t# lost\nb = 3\n"


def test_a_line_that_lost_only_its_form_feeds_is_written_as_it_was() -> None:
    original = b"import x\n\x0cdef f():\n    pass\n"
    lost = lost_lines(original, b"import x\ndef f():\n    pass\n")
    assert lost == Lost(instead={1: b"\x0cdef f():\n"})
    fixed = put_back(b"import x\ndef f():\n    pass\n", b"import x\ndef f():\n    y()\n", lost)
    assert fixed == b"import x\n\x0cdef f():\n    y()\n"
    assert lost_lines(original, b"import x\ndef g():\n    pass\n") is None  # more than \x0c


def test_a_page_break_before_a_function_does_not_stop_its_fix(tmp_path: Path) -> None:
    path = tmp_path / "paged.py"
    data = b"import asyncio\n\n\x0casync def main():\n    asyncio.create_task(work())\n"
    path.write_bytes(data)
    done = fix_file(path, "paged.py")
    assert done.error is None and done.written, done
    after = path.read_bytes()
    assert b"\n\x0casync def main():\n" in after  # the page break kept
    compile(after, "paged.py", "exec")


def test_the_comment_check_reads_the_original_text_in_order() -> None:
    original = comments_of("x = 1  # a\n\t# b\n # c\n")
    assert original == ["# a", "# b", "# c"]
    assert lost_comment(original, ["# a", "# c"]) == "# b"
    assert lost_comment(original, ["# c", "# b", "# a"]) == "# b"  # out of order
    assert lost_comment(original, ["# a", "# new", "# b", "# c"]) is None


def _deep_files(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.py").write_text(LEAK + "\nx = " + " + ".join(["1"] * 400) + "\n")
    (folder / "b.py").write_text(LEAK.replace("work()", "f(" * 150 + ")" * 150))
    (folder / "c.py").write_text(LEAK + "\nx = a" + ".b" * 400 + "\n")
    (folder / "d.py").write_text(LEAK)


def test_a_file_too_deep_to_fix_is_skipped_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: RecursionError out of `taskleak fix` (exit 1), and d.py left unfixed."""
    monkeypatch.chdir(tmp_path)
    _deep_files(tmp_path / "t")
    before = {p.name: p.read_bytes() for p in (tmp_path / "t").iterdir()}
    out = fix(FixOptions(paths=(Path("t"),), isolated=True, cache=False, jobs=1))
    assert out.fixes is not None
    errors = dict(out.fixes.errors)
    # a.py is refused by fix itself; b.py and c.py get no fix from check at all (FIX_DEPTH)
    assert {Path(p).name for p in errors} <= {"a.py", "b.py", "c.py"}
    assert all(why == "too deeply nested to fix" for why in errors.values())
    for name in ("a.py", "b.py", "c.py"):  # never half-written
        assert (tmp_path / "t" / name).read_bytes() == before[name]
    fixed = (tmp_path / "t" / "d.py").read_text()
    assert "_background_tasks.add(task)" in fixed
    compile(fixed, "d.py", "exec", dont_inherit=True)


def test_form_feed_indentation_is_fixed() -> None:
    """Before: libcst's parser config refused the module's indent '\\x0c    ' (ValueError)."""
    data = b"import asyncio\nasync def main():\n\x0c    asyncio.create_task(work())\n"
    result = fix_source(data)
    assert result.error is None and len(result.applied) == 1
    compile(result.fixed, "<fixed>", "exec", dont_inherit=True)
    assert b"_background_tasks.add(task)" in result.fixed


def test_a_module_libcst_cannot_rebuild_says_why() -> None:
    """`1 not in.9` parses and compiles, but libcst's validation refuses it when rebuilt."""
    data = (LEAK + "\nx = 1 not in.9\n").encode()
    result = fix_source(data)
    assert result.fixed == data
    assert result.error is not None and result.error.startswith("libcst cannot rewrite it")


@pytest.mark.parametrize(("terms", "fixed"), [(100, True), (300, False)])
def test_check_offers_a_fix_only_where_fix_can_write_the_module_back(terms: int,
                                                                     fixed: bool) -> None:
    """libcst writes a module back recursively; past `FIX_DEPTH` check offers no fix and fix
    tries none, with the same reason (before: check offered one, fix then gave up)."""
    from taskleak.advice.offers import TOO_DEEP_TO_FIX, advise_module
    from taskleak.analysis.analyse import analyse_source

    source = ("import asyncio\nx = " + " + ".join(f"a{i}" for i in range(terms))
              + "\nasync def main():\n    asyncio.create_task(work())\n")
    analysis = analyse_source(source)
    [spawn] = advise_module(analysis, analysis.facts()).spawns
    result = fix_source(source.encode())
    if fixed:
        assert spawn.fix is not None and result.applied
    else:
        assert spawn.fix is None and spawn.no_fix_reason == TOO_DEEP_TO_FIX
        assert not result.changed and [n.reason for n in result.not_fixed] == [TOO_DEEP_TO_FIX]
