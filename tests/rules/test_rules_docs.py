"""The rule registry and the rule pages generated from it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import REPO

from taskleak.model import Risk
from taskleak.model import FixKind
from taskleak.rules import FIX_KINDS, RULES, Category, rule_for
from taskleak.rules import docs as rules_docs
from taskleak.rules.texts import ASYNCIO_DOCS_WARNING

DOCS_RULES = REPO / "docs" / "rules"


def test_committed_rule_pages_match_the_registry() -> None:
    # Regenerate with `python -m taskleak.rules.docs` when this fails.
    assert rules_docs.stale_pages(DOCS_RULES) == []
    for name, text in rules_docs.render_all().items():
        assert (DOCS_RULES / name).read_bytes() == text.encode("utf-8")


def test_spec_codes_names_and_risks_are_stable() -> None:
    # SPEC's rules never change code, name or default risk (new rules may come)
    assert {c: (r.name, r.risk) for c, r in RULES.items()}.items() >= {
        "TL101": ("task-discarded", Risk.HIGH),
        "TL102": ("task-unreferenced", Risk.HIGH),
        "TL103": ("task-overwritten", Risk.MEDIUM),
        "TL201": ("task-never-cleaned", Risk.MEDIUM),
        "TL202": ("collection-never-pruned", Risk.MEDIUM),
        "TL001": ("task-tracked", Risk.LOW),
    }.items()


@pytest.mark.parametrize("code", sorted(RULES))
def test_examples_are_valid_python_that_spawns(code: str) -> None:
    rule = RULES[code]
    if rule.category is Category.UNANALYSED:  # its example is a file that does not parse
        with pytest.raises(SyntaxError):
            ast.parse(rule.example)
    else:
        ast.parse(rule.example)
    assert "create_task(" in rule.example
    if rule.fix_example:
        ast.parse(rule.fix_example)
        assert rule.fix_example != rule.example


@pytest.mark.parametrize("code", sorted(RULES))
def test_page_has_every_section(code: str) -> None:
    rule = RULES[code]
    page = rules_docs.render_rule_markdown(rule)
    assert page.startswith(f"# {rule.name} ({code})\n")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
        assert f"\n{heading}\n" in page
    assert ("## Use instead" in page) == bool(rule.fix_example)
    assert rule.example.rstrip("\n") in page
    assert page.endswith("\n") and not page.endswith("\n\n")
    assert rule.help_uri == (
        f"https://github.com/taskleak/taskleak/blob/main/docs/rules/{code}.md"
    )


@pytest.mark.parametrize("code", ["TL101", "TL102"])
def test_high_rules_quote_the_asyncio_docs(code: str) -> None:
    page = rules_docs.render_rule_markdown(RULES[code])
    assert "> " + ASYNCIO_DOCS_WARNING in page
    assert "weak references" in page


def test_fix_safety_per_kind() -> None:
    assert {k.value: f.safe for k, f in FIX_KINDS.items()} == {
        "tracked-set": True,
        "await": False,
        "cancel-previous": False,
        "cancel-in-close": False,  # a task that kept running is now stopped
        "discard-callback": True,
        "task-group": False,
        "remove-noqa": True,  # a comment only
    }
    page = rules_docs.render_rule_markdown(RULES["TL101"])
    assert "- **tracked-set** (safe)" in page
    assert "- **await** (unsafe)" in page
    assert "- **task-group** (unsafe)" in page
    assert "Fix: none." in rules_docs.render_rule_markdown(RULES["TL001"])


def test_safe_fixes_only_keep_a_reference_and_the_pages_say_so() -> None:
    """One truth: safe means reference only; whatever cancels or awaits is unsafe on the
    page, in the summary (`taskleak rules`) and in the JSON."""
    info = FIX_KINDS[FixKind.CANCEL_IN_CLOSE]
    assert info.applicability == "unsafe" and info.to_json()["applicability"] == "unsafe"
    page = rules_docs.render_rule_markdown(RULES["TL201"])
    assert "- **cancel-in-close** (unsafe)" in page
    assert "Fix: cancel-in-close (unsafe)." in page
    tracked = FIX_KINDS[FixKind.TRACKED_SET]
    assert not tracked.can_be_unsafe
    assert "only keeps a reference" in tracked.safety
    assert "Nothing is cancelled, awaited or reordered." in tracked.safety
    assert not [k for k, f in FIX_KINDS.items() if f.unsafe_when]


def test_every_fix_kind_belongs_to_a_rule() -> None:
    used = {k for r in RULES.values() for k in r.fix_kinds}
    assert used == set(FIX_KINDS)


def test_rule_for_takes_codes_case_insensitively_and_names() -> None:
    assert rule_for(" tl101 ") is RULES["TL101"]
    assert rule_for("task-discarded") is RULES["TL101"]
    assert rule_for("TL999") is None
    assert rule_for("task-forgotten") is None


def test_check_mode_reports_drift_and_write_repairs_it(tmp_path: Path) -> None:
    out = tmp_path / "rules"
    assert rules_docs.main([str(out), "--check"]) == 1
    assert rules_docs.main([str(out)]) == 0
    assert rules_docs.main([str(out), "--check"]) == 0

    (out / "TL101.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "TL999.md").write_text("a removed rule\n", encoding="utf-8")
    assert rules_docs.stale_pages(out) == ["TL101.md", "TL999.md"]
    assert rules_docs.write_pages(out) == ["TL101.md", "TL999.md"]
    assert not (out / "TL999.md").exists()
    assert rules_docs.stale_pages(out) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_examples_are_real_analysis_cases(code: str) -> None:
    # The page's example raises exactly its rule; the fixed version is all green (or raises
    # nothing at all: the unused-noqa rule's fixed example has no spawn).
    from helpers import analyze_source

    rule = RULES[code]
    broken = rule.category is Category.UNANALYSED
    assert {(f.rule, f.risk) for f in analyze_source(rule.example, broken=broken)} == {
        (code, rule.risk)}
    if rule.fix_example:
        assert {f.rule for f in analyze_source(rule.fix_example)} <= {"TL001"}
