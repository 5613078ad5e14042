"""The Markdown table report."""

from __future__ import annotations

from collections.abc import Sequence

from findings_factory import make_finding
from markdown_it import MarkdownIt

from taskleak.model import Finding, Risk, RunResult, Skipped
from taskleak.report.markdown import code_span, escape_text, render_markdown

# GFM tables: what GitHub renders when the report is pasted into a pull request.
_GFM = MarkdownIt("commonmark").enable("table")


def _cells(markdown: str) -> list[list[str]]:
    """Rendered table body cells, as a reader sees them (text only)."""
    tokens = _GFM.parse(markdown)
    rows: list[list[str]] = []
    in_body = False
    for tok in tokens:
        if tok.type in ("tbody_open", "tbody_close"):
            in_body = tok.type == "tbody_open"
        elif tok.type == "tr_open" and in_body:
            rows.append([])
        elif tok.type == "inline" and in_body:
            rows[-1].append("".join(c.content for c in tok.children or []))
    return rows


def _result(*findings: Finding, skipped: Sequence[Skipped] = ()) -> RunResult:
    return RunResult(list(findings), list(skipped), files_scanned=12, files_parsed=4)


def test_seeds_table_shape() -> None:
    result = _result(
        make_finding(path="basic_memory_agent.py", line=706,
                     coroutine="self._websocket_send_func(json.dumps(msg))"),
        make_finding(path="conversation_handler.py", line=98, rule="TL001", risk=Risk.LOW,
                     coroutine="process_conversation(uid)",
                     tracked="dict entry current_conversation_tasks[client_uid]",
                     cleaned="cancelled on a new turn and on disconnect"),
    )
    out = render_markdown(result)
    lines = out.splitlines()
    assert lines[0] == "| file:line | task | tracked | cleaned | risk |"
    assert lines[1] == "|---|---|---|---|---|"
    assert lines[2].startswith("| `basic_memory_agent.py:706` | ")
    assert lines[2].endswith(
        " | 🔴 high [TL101](https://github.com/taskleak/taskleak/blob/main/docs/rules/TL101.md) |"
    )
    assert "🟢 low [TL001]" in lines[3]
    assert _cells(out) == [
        ["basic_memory_agent.py:706", "self._websocket_send_func(json.dumps(msg))",
         "discarded", "none", "🔴 high TL101"],
        ["conversation_handler.py:98", "process_conversation(uid)",
         "dict entry current_conversation_tasks[client_uid]",
         "cancelled on a new turn and on disconnect", "🟢 low TL001"],
    ]
    assert lines[-1] == (
        "**2 task spawns**: 🔴 1 high, 🟡 0 medium, 🟢 1 low · 12 files scanned, 4 parsed"
    )


def test_pipes_backticks_and_markup_survive_rendering() -> None:
    tricky = make_finding(
        coroutine="run(a | b, '`x`')",
        tracked="attribute self._task | *not* [cleared]",
        cleaned="`none` <b>",
    )
    out = render_markdown(_result(tricky))
    (row,) = _cells(out)
    assert row[:4] == ["app.py:10", "run(a | b, '`x`')", "attribute self._task | *not* [cleared]",
                       "`none` <b>"]


def test_code_span_and_escape_helpers() -> None:
    assert code_span("a`b") == "``a`b``"
    assert code_span("`edge") == "`` `edge ``"
    assert code_span("x | y") == "`x \\| y`"
    assert code_span("multi\n   line") == "`multi line`"
    assert escape_text("a_b*c") == "a\\_b\\*c"


def test_empty_run_and_skipped_files() -> None:
    out = render_markdown(_result(skipped=[Skipped("bad.py", "syntax error", 3)]))
    assert out.splitlines()[0] == "No task spawns found."
    assert "**0 task spawns**: 🔴 0 high, 🟡 0 medium, 🟢 0 low" in out
    assert "· 1 skipped" in out
    assert "- `bad.py:3`: syntax error" in out
    assert "|" not in out


def test_rows_are_sorted_by_path_and_line() -> None:
    out = render_markdown(_result(make_finding(path="b.py", line=1),
                                  make_finding(path="a.py", line=9),
                                  make_finding(path="a.py", line=2)))
    assert [row[0] for row in _cells(out)] == ["a.py:2", "a.py:9", "b.py:1"]
    assert "**3 task spawns**: 🔴 3 high" in out
