"""Inline suppression with `# noqa` comments, in ruff's grammar, and unused-suppression reports.

- `# noqa` (bare) suppresses every taskleak finding on its line;
- `# noqa: CODE`, `# noqa: CODE,OTHER`, `# noqa:CODE OTHER` suppress the named rules.
`noqa` is case-insensitive; codes are separated by commas and/or spaces; text after the codes is
a free comment. A directive counts on the spawning call's line, on the first line of the
statement holding it, or on the call's last line (for a multi-line call).

Another tool's code for the same finding counts too (`aliases`: ruff's RUF006 on a spawn line
also suppresses the dropped-task rules, see `Settings.noqa_aliases`).

Unused directives (the opt-in `unused-noqa` rule, like ruff's RUF100) are only reported where
taskleak can tell they are its own: a directive naming a TL code that did not fire on its line,
or a bare `# noqa` on a spawn line that suppressed nothing but an informational row. Other
tools' codes are ignored, and so is a directive that names the unused-noqa rule itself.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import field

from taskleak.files.lines import source_lines, strip_break
from taskleak.model import Finding
from taskleak.records import record
from taskleak.rules import CODE_PREFIX, INFORMATIONAL, RULES
from taskleak.rules import unused_noqa as unused_noqa_rule

_DIRECTIVE = re.compile(
    r"#\s*(?i:noqa)(?![\w-])"
    r"(?P<colon>\s*:\s*(?P<codes>[A-Za-z]+[0-9]+(?:[,\s]+[A-Za-z]+[0-9]+)*)?)?"
)
_CODE = re.compile(r"[A-Za-z]+[0-9]+")
# a noqa comment whose colon is followed by no code (a rule name instead): ruff warns of it
_INVALID = re.compile(r"#\s*(?i:noqa)\s*:")
INVALID_NOQA = ("expected a comma-separated list of codes (e.g., "
                f"`# noqa: {', '.join(sorted(RULES)[1:3])}`).")  # two real codes, from the registry
_TASKLEAK_CODE = re.compile(rf"^{CODE_PREFIX}[0-9]+$")


@record(frozen=True)
class NoqaDirective:
    line: int  # 1-based
    column: int  # 1-based column of the directive's `#`
    codes: tuple[str, ...] | None  # upper-cased; None for a bare noqa
    text: str = field(default="", compare=False)  # the comment from the directive's `#` on

    def covers(self, rule: str, aliases: Mapping[str, Collection[str]] | None = None) -> bool:
        """Whether it suppresses `rule`: bare, naming it, or naming another tool's code that
        `aliases` maps to it."""
        if self.codes is None or rule in self.codes:
            return True
        return aliases is not None and any(rule in aliases.get(c, ()) for c in self.codes)


@record(frozen=True)
class UnusedNoqa:
    path: str
    line: int
    column: int
    unused: tuple[str, ...]  # TL codes that suppressed nothing; () for a bare noqa
    unknown: tuple[str, ...] = ()  # TL-looking codes that are no taskleak rule

    text: str = ""  # the directive as written, from `#` to the end of the comment
    source_line: str = ""  # the whole line as read (without its break): what a fix edits

    @property
    def message(self) -> str:
        return unused_noqa_rule.message(self.unused, self.unknown)


@record
class NoqaResult:
    kept: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    unused: list[UnusedNoqa] = field(default_factory=list)
    # (path, line) of noqa comments with a colon and no code list: they suppress nothing
    invalid: list[tuple[str, int]] = field(default_factory=list)


def parse_noqa(comment: str) -> tuple[int, tuple[str, ...] | None] | None:
    """(0-based offset of the directive, codes or None for bare) for a comment, or None.

    `# noqa:` followed by no valid code is not a directive (ruff warns and ignores it too).
    """
    match = _DIRECTIVE.search(comment)
    if match is None:
        return None
    if match.group("colon") is None:
        return match.start(), None
    codes = match.group("codes")
    if codes is None:
        return None
    return match.start(), tuple(dict.fromkeys(c.upper() for c in _CODE.findall(codes)))


def split_directive(text: str) -> tuple[list[str], str] | None:
    """A directive's text (from its `#`) as (its codes as written, none for a bare noqa; the
    text after them), or None when it is no directive."""
    match = _DIRECTIVE.match(text)
    if match is None or (match.group("colon") is not None and match.group("codes") is None):
        return None
    codes = match.group("codes")
    return (_CODE.findall(codes) if codes else []), text[match.end():]


def noqa_directives(lines: Sequence[str], near: Collection[int] | None = None,
                    invalid: list[int] | None = None) -> dict[int, NoqaDirective]:
    """Line number -> directive, from real comments only (not `# noqa` inside strings).

    With `near` (1-based line numbers), only the directives on those lines are wanted: the file
    is tokenized only when one of those lines mentions `noqa` at all. `invalid` collects the
    lines (of those wanted) of a `# noqa:` with no code after it.
    """
    if near is not None and not any(
        0 < n <= len(lines) and "noqa" in lines[n - 1].lower() for n in near
    ):
        return {}  # what a check run usually meets: no directive near any finding
    text = "".join(strip_break(line) + "\n" for line in lines)
    if "noqa" not in text.lower():
        return {}  # the common case: no tokenizing at all
    out: dict[int, NoqaDirective] = {}
    for line, column, comment in _comments(text):
        parsed = parse_noqa(comment)
        if parsed is None and invalid is not None and (near is None or line in near) \
                and _INVALID.search(comment):
            invalid.append(line)
        if parsed is not None and line not in out and (near is None or line in near):
            offset, codes = parsed
            out[line] = NoqaDirective(line, column + offset + 1, codes, comment[offset:].rstrip())
    return out


def apply_noqa(
    findings: Iterable[Finding],
    source_lines_by_path: Mapping[str, Sequence[str]],
    *,
    rule_enabled: Callable[[str], bool] | None = None,
    report_unused: bool = True,
    aliases: Mapping[str, Collection[str]] | None = None,
) -> NoqaResult:
    """Split findings into kept and suppressed, and list unused directives.

    `source_lines_by_path` holds the lines of every checked file (keyed like `Finding.path`);
    unused directives are looked for in all of them. `rule_enabled` (e.g.
    `Settings.rule_enabled`) keeps a directive for a deselected rule from being called unused.
    `report_unused=False` skips that search: only the lines of findings are looked at (the
    same split, at a fraction of the cost). `aliases`: other tools' codes -> the rules they
    also suppress.
    """
    findings = list(findings)
    near: dict[str, set[int]] | None = None
    if not report_unused:
        near = {}
        for finding in findings:
            near.setdefault(finding.path, set()).update(_candidate_lines(finding))
    result = NoqaResult()
    directives = {}
    for path, lines in source_lines_by_path.items():
        invalid: list[int] = []
        directives[path] = noqa_directives(lines, None if near is None else near.get(path, set()),
                                           invalid)
        result.invalid += [(path, line) for line in invalid]
    used: dict[tuple[str, int], set[str]] = {}  # (path, line) -> rules it suppressed
    spawn_lines: set[tuple[str, int]] = set()
    for finding in findings:
        in_file = directives.get(finding.path, {})
        candidate_lines = _candidate_lines(finding)
        spawn_lines.update((finding.path, n) for n in candidate_lines)
        directive = next(
            (in_file[n] for n in candidate_lines if n in in_file and in_file[n].covers(
                finding.rule, aliases)),
            None,
        )
        if directive is None:
            result.kept.append(finding)
        else:
            result.suppressed.append(finding)
            used.setdefault((finding.path, directive.line), set()).add(finding.rule)

    for path in sorted(directives) if report_unused else ():
        lines_of = source_lines_by_path[path]
        for line, directive in sorted(directives[path].items()):
            unused = _unused(directive, used.get((path, line), set()),
                             (path, line) in spawn_lines, rule_enabled)
            if unused is not None:
                result.unused.append(UnusedNoqa(path, line, directive.column, *unused,
                                                text=directive.text,
                                                source_line=strip_break(lines_of[line - 1])))
    return result


def _candidate_lines(finding: Finding) -> tuple[int, ...]:
    """Where a directive for the finding counts: the spawning call's line, the first line of
    its statement, and the call's last line (where a comment can go when the first line ends
    inside a multi-line string, as ruff places it)."""
    lines = [finding.line]
    if finding.statement_line and finding.statement_line != finding.line:
        lines.append(finding.statement_line)
    if finding.end_line > finding.line:
        lines.append(finding.end_line)
    return tuple(lines)


def _unused(
    directive: NoqaDirective,
    suppressed_rules: set[str],
    on_spawn_line: bool,
    rule_enabled: Callable[[str], bool] | None,
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(unused codes, unknown codes) of a directive, or None when it is in use / not ours."""
    if directive.codes is not None and unused_noqa_rule.RULE.code in directive.codes:
        return None  # the directive silences its own report
    if directive.codes is None:
        # suppressing only informational rows does not make a bare noqa "used"
        if on_spawn_line and not (suppressed_rules - INFORMATIONAL):
            return (), ()
        return None
    ours = [c for c in directive.codes if _TASKLEAK_CODE.match(c)]
    unknown = tuple(c for c in ours if c not in RULES)
    unused = tuple(
        c for c in ours
        if c in RULES and c not in suppressed_rules
        and (rule_enabled is None or rule_enabled(c))
    )
    return (unused, unknown) if unused or unknown else None


def _comments(text: str) -> list[tuple[int, int, str]]:
    """(1-based line, 0-based column, text) of every comment."""
    try:
        return [
            (tok.start[0], tok.start[1], tok.string)
            for tok in tokenize.generate_tokens(io.StringIO(text).readline)
            if tok.type == tokenize.COMMENT
        ]
    except (tokenize.TokenError, SyntaxError):
        # Syntax this Python's tokenizer does not know: fall back to a line scan that skips
        # `#` inside simple one-line strings (good enough for the lines we are asked about).
        return [
            (number, column, line[column:])
            for number, line in enumerate(source_lines(text), start=1)
            if (column := _comment_start(line)) >= 0
        ]


def _comment_start(line: str) -> int:
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#":
            return index
        index += 1
    return -1
