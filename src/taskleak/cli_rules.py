"""The commands about the rules themselves: `rules` (the list), `explain` and ruff's spelling
of it, `rule` (a rule's page, or every page with `--all`). They read the registry; a page
printed alone ends with what taskleak reports on the page's example, checked as it prints."""

from __future__ import annotations

import json
from typing import Any

import click

from taskleak.cli_options import usage_error
from taskleak.config_keys import foreign_code_rules
from taskleak.rules import ALL_RULES, Rule, rule_for

_TEXT_OR_JSON = click.Choice(("text", "json"))


def _row(rule: Rule) -> dict[str, Any]:
    """A rule as `rules --output-format json` lists it."""
    return {"code": rule.code, "name": rule.name, "risk": rule.risk.value,
            "summary": rule.summary, "default": rule.default_enabled,
            "fixes": [f.to_json() for f in rule.fixes], "url": rule.help_uri}


@click.command("rules", short_help="List the rules.")
@click.option("--format", "--output-format", "fmt", type=_TEXT_OR_JSON, default="text",
              show_default=True, help="Output format.")
def rules_command(fmt: str) -> None:
    """List the rules: code, name, default risk, fix, summary."""
    from taskleak.rules.docs import fix_summary

    if fmt == "json":
        click.echo(json.dumps([_row(r) for r in ALL_RULES], indent=2))
        return
    for r in ALL_RULES:
        opt_in = "" if r.default_enabled else " (opt-in)"
        click.echo(f"{r.code}  {r.name:<24} {r.risk.value:<7} {r.summary}{opt_in}")
        click.echo(f"{'':7}fix: {fix_summary(r)}")


def _named_rule(code: str) -> Rule:
    """The rule a code or name means; another linter's code (RUF006) finds taskleak's rule of
    the same finding, said on stderr; an unknown one is a usage error."""
    rule = rule_for(code)
    if rule is None and (foreign := foreign_code_rules(code)):
        rule = foreign[0]
        other = " and ".join(f"{r.code} ({r.name})" for r in foreign)
        click.echo(f"{code.strip().upper()} is another linter's code for {other}; taskleak's "
                   f"{rule.code} ({rule.name}) follows.", err=True)
    if rule is None:
        known = ", ".join(f"{r.code} ({r.name})" for r in ALL_RULES)
        usage_error(f"unknown rule code {code!r} (known: {known})")
    return rule


def _example_report(rule: Rule) -> str:
    """What `check` reports on the rule's example, this rule's findings as `full` prints them
    (header, context and evidence lines), under a heading; "" when the rule's example raises
    none of its own (a suppression rule's)."""
    from taskleak.report.full import context_lines, first_line
    from taskleak.session import check_source

    found = [f for f in sorted(check_source(rule.example, "example.py").findings,
                               key=lambda f: f.sort_key()) if f.rule == rule.code]
    if not found:
        return ""
    lines = [line for f in found for line in (first_line(f, None), *context_lines(f, False))]
    return ("\n## What it reports on the example\n\n"
            "The first line is the claim and the risk; the lines below it say what keeps and "
            "ends the task, and what shows the claim (`--show-fixes` prints them with "
            "`concise`, JSON as `evidence`).\n\n```\n" + "\n".join(lines) + "\n```\n")


def _page(rule: Rule) -> str:
    from taskleak.rules.docs import render_rule_markdown

    return render_rule_markdown(rule) + _example_report(rule)


@click.command(short_help="Print a rule's page (`rule` is ruff's name for it).")
@click.argument("code")
def explain(code: str) -> None:
    """Print the page of rule CODE (a code or a name, see `taskleak rules`): what it does, why,
    an example, the fix and its safety, and what taskleak reports on the example."""
    click.echo(_page(_named_rule(code)), nl=False)


@click.command("rule", short_help="Print a rule's page, or every page with --all.")
@click.argument("code", required=False)
@click.option("--all", "every", is_flag=True, help="Every rule's page.")
@click.option("--output-format", "--format", "fmt", type=_TEXT_OR_JSON, default="text",
              show_default=True, help="The page as markdown text, or as JSON (the `rules` "
              "row with the page as `explanation`).")
def rule_command(code: str | None, every: bool, fmt: str) -> None:
    """Print the page of rule CODE, as `explain` does (ruff's `ruff rule CODE`); `--all`:
    every rule's page."""
    from taskleak.rules.docs import render_rule_markdown

    if (code is None) == (not every):
        usage_error("give a rule CODE or --all, not both" if every else
                    "give a rule CODE (see `taskleak rules`) or --all")
    rules = list(ALL_RULES) if every else [_named_rule(code or "")]
    if fmt == "text" and not every:
        click.echo(_page(rules[0]), nl=False)
        return
    if fmt == "json":
        rows = [{**_row(r), "explanation": render_rule_markdown(r)} for r in rules]
        click.echo(json.dumps(rows if every else rows[0], indent=2))
        return
    click.echo("\n".join(render_rule_markdown(r) for r in rules), nl=False)
