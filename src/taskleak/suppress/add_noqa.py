"""`taskleak check --add-noqa`: write a `# noqa: CODE` on every line with a finding (ruff's
`--add-noqa`), so a legacy code base starts clean and only new leaks fail.

A line that already has a directive gets the new codes appended to it (`# noqa: A` becomes
`# noqa: A, B`); any other comment is kept and the directive goes after it. The directive goes
on the spawning line, or, when a comment cannot end that line (it ends inside a multi-line
string, or with a backslash), on the first line of the statement or on the call's last line,
where `# noqa` is honoured too. The file keeps its encoding, BOM and line endings, and is
written atomically (never when it changed since it was read).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from taskleak.files.atomic import FileChangedError, replace_file
from taskleak.files.lines import lines_with_ends, with_newlines
from taskleak.files.source import SourceError, decode, read_source
from taskleak.model import Finding, Risk
from taskleak.records import record
from taskleak.rules import judges_a_spawn
from taskleak.suppress.noqa import noqa_directives
from taskleak.suppress.ruff_external import advice

_LINE_END = re.compile(r"(?:\r\n|\r|\n)\Z")


@record
class AddedNoqa:
    """What `--add-noqa` did: directives added or extended, per file; files it could not edit."""

    added: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    # what ruff's configuration must say for ruff to keep them (suppress/ruff_external.py)
    ruff_advice: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.added.values())


def wants_noqa(finding: Finding) -> bool:
    """A finding on a spawn that needs attention: not a green row, not an unused-noqa report,
    not a file that could not be analysed (no directive reaches it)."""
    return finding.risk is not Risk.LOW and not finding.structured \
        and judges_a_spawn(finding.rule)


def add_noqa(findings: Iterable[Finding]) -> AddedNoqa:
    """Add directives for `findings` (those `wants_noqa` accepts) to their files."""
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if wants_noqa(f):
            by_file.setdefault(f.path, []).append(f)
    out = AddedNoqa()
    for path, found in sorted(by_file.items()):
        try:
            count = _add_to_file(Path(path), found)
        except (SourceError, OSError, FileChangedError) as exc:
            out.errors.append((path, getattr(exc, "reason", None) or str(exc)))
            continue
        if count:
            out.added[path] = count
    codes = {f.rule for path in out.added for f in by_file[path]}
    out.ruff_advice = advice([Path(path) for path in out.added], codes)
    return out


def _add_to_file(path: Path, findings: list[Finding]) -> int:
    data = read_source(path)
    new, count = add_noqa_to_source(data, findings)
    if count:
        try:
            replace_file(path, new, expected=data)
        except FileChangedError:
            raise FileChangedError("changed on disk since it was read; not edited") from None
    return count


def add_noqa_to_source(data: bytes, findings: Iterable[Finding]) -> tuple[bytes, int]:
    """The source with directives for `findings` added, and how many lines changed."""
    text, encoding = decode(data)  # a BOM makes the encoding "utf-8-sig": kept on encoding
    lines = lines_with_ends(text)
    closed = _lines_that_cannot_take_a_comment(text)
    codes: dict[int, list[str]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        line = next((n for n in (f.line, f.statement_line, f.end_line)
                     if n and n not in closed), 0)
        if 1 <= line <= len(lines):
            codes.setdefault(line, [])
            if f.rule not in codes[line]:
                codes[line].append(f.rule)
    existing = noqa_directives(lines)
    changed = 0
    for number, wanted in sorted(codes.items()):
        directive = existing.get(number)
        if directive is not None and directive.codes is None:
            continue  # a bare noqa already covers every code
        have = (directive.codes or ()) if directive is not None else ()
        missing = [c for c in wanted if c not in have]
        if not missing:
            continue
        lines[number - 1] = _with_codes(lines[number - 1], missing, directive is not None)
        changed += 1
    return "".join(lines).encode(encoding), changed


def _with_codes(line: str, codes: list[str], has_directive: bool) -> str:
    match = _LINE_END.search(line)
    end = match.group() if match else ""
    body = line[: len(line) - len(end)]
    if has_directive:
        directive = re.search(r"#\s*(?i:noqa)\s*:\s*[A-Za-z]+[0-9]+(?:[,\s]+[A-Za-z]+[0-9]+)*",
                              body)
        if directive is not None:
            cut = directive.end()
            return body[:cut] + ", " + ", ".join(codes) + body[cut:] + end
    return body.rstrip() + "  # noqa: " + ", ".join(codes) + end


def _lines_that_cannot_take_a_comment(text: str) -> set[int]:
    """Lines whose end lies inside a string (a comment there would be text) or that continue
    with a backslash (a comment after it is a syntax error)."""
    closed: set[int] = set()
    for number, line in enumerate(lines_with_ends(text), start=1):
        if line.rstrip().endswith("\\"):
            closed.add(number)
    try:
        for tok in tokenize.generate_tokens(io.StringIO(with_newlines(text)).readline):
            if tok.start[0] < tok.end[0] and tok.type not in (tokenize.NL, tokenize.NEWLINE):
                closed.update(range(tok.start[0], tok.end[0]))
    except (tokenize.TokenError, SyntaxError):
        pass  # what the tokenizer cannot read: the backslash check is all there is
    return closed
