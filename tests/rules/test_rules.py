"""Every rule's cases, in process: its examples, and the programs of its test folder.

A rule is one module of `taskleak.rules` and one folder here named like the rule
(`tests/rules/task-discarded/`): `NAME.py` programs with the rows `taskleak check` must report,
words and all, in `NAME.expected.json` beside them (the format: `tests/expectations.py`, and
`README.md` here), and `fixes/NAME.before.py` / `NAME.after.py` pairs for `taskleak fix` (run by
`tests/fixes/test_fix_cases.py`). The spawn forms and traps of the analysis
(`tests/analysis/spawn_forms/`, `traps/`) run here the same way. These tests only compare;
`python tests/rules/update_cases.py [PATHS]` rewrites expectations after a deliberate change.
"""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest
from case_runs import Case, actual_rows, mismatch, module_cases, silent_skips
from helpers import CASE_DIRS, EXPECTED_SUFFIX, RULE_CASES, analyze_source

from taskleak.analysis.facts.fates import FateKind
from taskleak.model import Risk
from taskleak.rules import ALL_RULES, RULES, Category

# A call that could spawn a task: create_task/ensure_future/run_coroutine_threadsafe/
# start_soon/start, the Task class (or an alias ending in Task), gather/shield/wait_for of
# coroutines, a local alias or an attribute named (_)spawn, or one of them handed to
# `run`/`partial` (the cases use no other names).
# (a module's own spawn helper is called by its name: `spawn_later(...)`, `start_background_task`)
SPAWN_CALL = re.compile(
    r"\b(create_task|ensure_future|run_coroutine_threadsafe|start_soon|start|_?spawn|\w*Task|"
    r"spawn_\w+|start_\w+_task|run_coroutine_\w+|"
    r"gather|shield|wait_for|as_completed|"
    r"release|every|create)"  # a project's function returning a task (returned_task_dropped_by_
    # release, returned_task_bound_to_underscore, helper_method_reached_through_typed_attributes)
    r"\s*\(|\b(run|partial|map)\(\S+\.(create_task|ensure_future|start_soon)\b|"
    r"\bcall_\w+\(.*\b(create_task|ensure_future)\b|"
    r"\bcall_\w+\(self\.\w+|"  # a method of the module's own that returns a task, called back
    r"\b(call_later|call_at|add_done_callback)\(.*\w|"  # a coroutine function too
    r"\b(add_callback|spawn_callback|add_timeout|add_future)\(.*\w"  # tornado's IOLoop runs one
)


# fates whose rule may report them above the rule's default risk
_RAISING = frozenset({FateKind.REBOUND_IN_LOOP, FateKind.RESPAWNED})


def source_lines(path: Path) -> list[str]:
    """The file's lines as Python numbers them (PEP 263 cookie, BOM, CRLF/CR/LF)."""
    raw = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(iter(raw.splitlines(keepends=True)).__next__)
    text = raw.decode(encoding)  # "utf-8-sig" when there is a BOM: it is dropped here
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


CASES = module_cases()


def test_every_rule_has_a_folder_and_every_folder_a_rule() -> None:
    folders = {d.name for d in CASE_DIRS if d.parent == RULE_CASES}
    assert folders == {r.name for r in ALL_RULES}


def test_every_case_has_an_expected_file_and_vice_versa() -> None:
    for folder in CASE_DIRS:
        sources = {p.stem for p in folder.glob("*.py")}
        expected = {p.name.removesuffix(EXPECTED_SUFFIX) for p in folder.glob("*" + EXPECTED_SUFFIX)}
        assert sources, f"{folder}: no cases"
        assert sources == expected, f"{folder}: cases and expected files differ"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_findings_match_expected(case: Case) -> None:
    out = case.run()  # isolated, every rule: the opt-in ones too
    expected, actual = case.load(), actual_rows(out)
    assert not silent_skips(out)
    if actual != expected:
        pytest.fail(mismatch(case, expected, actual), pytrace=False)
    failing = any(r.risk in (Risk.HIGH.value, Risk.MEDIUM.value) for r in expected)
    assert out.exit_code == (1 if failing else 0)


def _with_arguments(lines: list[str], line: int, code: str) -> str:
    """`code`, the text of line `line`, followed by the lines of the arguments of a call it
    opens at its end (`loop.call_soon(`), up to the parenthesis that closes it."""
    depth = code.count("(") - code.count(")")
    if not code.rstrip().endswith("(") or depth <= 0:
        return code
    for text in lines[line:]:
        text = text.partition("#")[0]
        code += " " + text.strip()
        depth += text.count("(") - text.count(")")
        if depth <= 0:
            break
    return code


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_rows_are_well_formed(case: Case) -> None:
    rows = case.load()  # the loader refuses a malformed or unsorted file
    spawn_rows = [(r.path, r.line) for r in rows if RULES[r.rule].fates]
    assert len(set(spawn_rows)) == len(spawn_rows), "one row per spawn"
    lines = source_lines(case.root / case.target)
    for p, line, column, rule, risk, message, _ in rows:
        assert p == case.target, f"{p}: rows name their own file"
        assert 1 <= line <= len(lines), f"{p}:{line}: outside the file"
        assert column <= len(lines[line - 1]), f"{p}:{line}:{column}: outside the line"
        assert rule in RULES, f"unknown rule {rule}"
        code, _, comment = lines[line - 1].partition("#")
        if RULES[rule].category is Category.UNANALYSED:  # where Python's compiler stops
            with pytest.raises(SyntaxError) as error:
                compile((case.root / case.target).read_bytes(), p, "exec")
            assert (line, column) == (error.value.lineno, error.value.offset), p
            continue
        if not RULES[rule].fates:  # a suppression rule reports a `# noqa` comment
            assert "noqa" in comment.lower(), f"{p}:{line}: no noqa comment: {comment!r}"
            continue
        # the row points at the call, or at the spawner handed to `run`/`partial`/`map` or to
        # a loop's `call_soon`/`call_later`...; or at a call of the module's function that
        # spawns work of its own and keeps and ends it ("spawned by _start_timer(), ...")
        own = re.match(r"spawned by (\w+)\(\)", message)
        if own is not None:
            # called, or called back (`loop.call_later(30, self.abort_kept)`)
            assert re.search(rf"\b{own.group(1)}\s*[(),]", code[column - 1:]), (
                f"{p}:{line}: no call of it there")
        else:
            # a call whose arguments start on a later line is shown where it starts
            code = _with_arguments(lines, line, code)
            assert any(m.end() > column - 1 for m in SPAWN_CALL.finditer(code)), (
                f"{p}:{line}:{column}: no spawn-looking call there: {code!r}")
        default = RULES[rule].risk
        if RULES[rule].fates.isdisjoint(_RAISING):
            assert risk == default.value, f"{p}:{line}: {rule} is always {default.value}"
        else:  # frequency may raise the risk, never lower it
            assert Risk(risk).rank >= default.rank, f"{p}:{line}: {rule} below {default.value}"


@pytest.mark.parametrize("folder", [d for d in CASE_DIRS if d.parent == RULE_CASES],
                         ids=lambda d: d.name)
def test_each_folder_shows_its_rule(folder: Path) -> None:
    """A rule's folder holds at least one case that raises the rule."""
    rules = {row.rule for case in CASES if case.root == folder for row in case.load()}
    assert {r.code for r in ALL_RULES if r.name == folder.name} <= rules


EXAMPLES = [(r.code, i, code) for r in ALL_RULES for i, code in enumerate(r.invalid)]
COUNTER_EXAMPLES = [(r.code, i, code) for r in ALL_RULES for i, code in enumerate(r.valid)]


@pytest.mark.parametrize("code,index,example", EXAMPLES,
                         ids=[f"{c}-invalid-{i}" for c, i, _ in EXAMPLES])
def test_invalid_examples_raise_the_rule(code: str, index: int, example: str) -> None:
    broken = RULES[code].category is Category.UNANALYSED
    assert code in {f.rule for f in analyze_source(example, broken=broken)}


@pytest.mark.parametrize("code,index,example", COUNTER_EXAMPLES,
                         ids=[f"{c}-valid-{i}" for c, i, _ in COUNTER_EXAMPLES])
def test_valid_examples_do_not_raise_the_rule(code: str, index: int, example: str) -> None:
    assert code not in {f.rule for f in analyze_source(example)}


def test_every_rule_has_examples_both_ways() -> None:
    assert all(r.invalid and r.valid for r in ALL_RULES)
