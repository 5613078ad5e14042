"""Issue 15: what the parser accepts is analysed, or skipped with a clear reason; never an
internal error (exit 2) on a valid file."""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.api import CheckOptions, check
from taskleak.files.source import SourceError, checked
from taskleak.run.pipeline import TOO_DEEP, analyse_file

LEAK = "import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"


@pytest.mark.parametrize("source", [
    "import asyncio\nasync def main():\n\x0c    asyncio.create_task(work())\n",
    "if True:\n\x0c pass\n" + LEAK,  # the issue's: the module's indent is '\x0c '
    LEAK + "\nx = 1 not in.9\n",
], ids=["form-feed-in-the-spawn's-block", "form-feed-elsewhere", "not-in-without-space"])
def test_valid_odd_code_is_analysed(source: str) -> None:
    """Before: 'internal error: ValueError ... default_indent' / 'CSTValidationError'."""
    facts = analyse_file(source.encode(), "x.py")
    assert facts.skipped is None
    assert facts.module is not None and len(facts.module.spawns) == 1


@pytest.mark.parametrize("inner", ["f(" * 300 + ")" * 300, "+".join(["1"] * 600)],
                         ids=["calls", "sum"])
def test_a_spawn_too_deep_for_the_analysis_is_a_plain_skip(inner: str) -> None:
    """Before: 'internal error: RecursionError' (exit 2)."""
    facts = analyse_file(LEAK.replace("work()", inner).encode(), "x.py")
    assert facts.skipped is not None
    assert facts.skipped.reason == TOO_DEEP and not facts.skipped.internal


def test_a_nul_byte_after_the_binary_sniff_is_refused_with_its_line() -> None:
    """Before: past the first 8 KiB it reached the analysis ('internal error: SyntaxError')."""
    data = (LEAK + "# padding\n" * 1000 + "s = '\x00'\n").encode()
    with pytest.raises(SourceError, match="NUL byte") as caught:
        checked(data)
    assert caught.value.line == 1005 and caught.value.column == 6
    with pytest.raises(SourceError) as lone_cr:  # lone CRs break lines for Python too
        checked(data.replace(b"\n", b"\r"))
    assert (lone_cr.value.line, lone_cr.value.column) == (1005, 6)


@pytest.mark.parametrize("jobs", [1, 2], ids=["here", "in-the-pool"])
def test_a_call_too_deep_to_place_is_a_skip_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """Before: RecursionError out of `taskleak check` (placing a call that drops the tasks a
    helper returns re-parses its file, and libcst's codegen recursed). With a pool, the calls
    are placed by its workers (`Analyzer.positions`), the error coming back from one. (The
    helper returns a list: a helper of one task is judged at its calls by the helper round,
    whose analysis of the file would meet the depth first.)"""
    from taskleak.run import workers

    monkeypatch.setattr(workers, "POOL_MIN_BYTES", 0)  # a pool even for these small files
    monkeypatch.chdir(tmp_path)
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "events.py").write_text("import asyncio\n\n\ndef schedule(coros):\n"
                                   "    return [asyncio.create_task(c) for c in coros]\n")
    (app / "client.py").write_text("from .events import schedule\n\n\ndef go():\n"
                                   "    schedule([work()])\n")
    (app / "deep.py").write_text("from .events import schedule\n\n\ndef go():\n"
                                 "    schedule([" + "f(" * 300 + ")" * 300 + "])\n")
    out = check(CheckOptions(paths=(Path("app"),), isolated=True, cache=False, jobs=jobs))
    assert [(s.path, s.reason, s.internal) for s in out.result.skipped] == [
        (str(Path("app/deep.py")), f"{TOO_DEEP} (a call that drops a returned task)", False)]
    assert [(Path(f.path).name, f.rule) for f in out.result.findings if f.rule != "TL001"] == [
        ("client.py", "TL101"), ("deep.py", "TL800")]  # deep.py: not analysed, an error


def test_a_files_analysis_leaves_no_cycles_for_the_collector() -> None:
    """The speed trick of `Scope.release`: once the facts are taken, the scope tree is emptied,
    so the file's tree is freed by reference counting; the cycle collector finds (almost)
    nothing (without it: tens of thousands of objects per file, and a run-wide collection)."""
    import gc

    data = (Path(__file__).parents[2] / "fixtures" / "voice_chat_server" / "ai_chat"
            / "websocket_handler.py").read_bytes()
    gc.collect()
    gc.disable()
    try:
        facts = analyse_file(data, "websocket_handler.py")
        left = gc.collect()
    finally:
        gc.enable()
    assert facts.module is not None and facts.module.spawns
    assert left < 100, left
