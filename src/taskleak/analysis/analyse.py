"""One file in, its findings out: read -> prefilter -> parse -> scan -> spawns -> classify."""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from taskleak.analysis.classify import Classifier, coroutine_text
from taskleak.analysis.parse import parse_module
from taskleak.analysis.positions import spawn_positions
from taskleak.analysis.resolve import Resolver
from taskleak.analysis.scan import scan
from taskleak.analysis.spawns import find_spawns
from taskleak.files.source import SourceError, decode
from taskleak.fixes.advice import advise
from taskleak.fixes.context import FixContext
from taskleak.model import FileResult, Finding, Skipped


def analyze_bytes(data: bytes, display: str, spawners: tuple[str, ...] = ()) -> FileResult:
    """Parse and analyse a file's bytes (already read, and already through the prefilter)."""
    result = FileResult(path=display)
    try:
        text, _ = decode(data)  # a clear error for bad encodings before libcst sees the bytes
    except SourceError as exc:
        result.skipped = Skipped(display, exc.reason, exc.line)
        return result
    try:
        module = parse_module(data)  # libcst's, without re-validating each node
    except cst.ParserSyntaxError as exc:
        result.skipped = Skipped(display, f"syntax error: {exc.message}", exc.raw_line)
        return result
    except (RecursionError, MemoryError) as exc:
        result.skipped = Skipped(display, f"cannot parse: {type(exc).__name__}")
        return result
    result.parsed = True
    try:
        result.findings = analyze_module(module, display, spawners, text=text)
    except Exception as exc:  # a bug of ours must not stop the run: report it, exit 2
        result.skipped = Skipped(display, f"internal error: {type(exc).__name__}: {exc}",
                                 internal=True)
    return result


def analyze_module(module: cst.Module, display: str, spawners: Iterable[str] = (),
                   text: str | None = None) -> list[Finding]:
    """The findings of a parsed module; `text`, its source if known, makes positions cheaper."""
    extra = tuple(spawners)
    extra_names = frozenset(s.rsplit(".", 1)[-1] for s in extra)
    root = scan(module, extra_names)
    resolver = Resolver(root)
    spawns = find_spawns(root, resolver, extra)
    if not spawns:
        return []
    where = spawn_positions(module, text, [(sp.site.node, sp.site.statement) for sp in spawns])
    classifier = Classifier(root, resolver)
    fix_context = FixContext(module, root, resolver, classifier)
    findings: list[Finding] = []
    for sp in spawns:
        v = classifier.verdict(sp)
        fix, no_fix_reason = advise(fix_context, sp, v)
        node = sp.site.node
        line, col, end_line, end_col = where[id(node)]
        stmt = sp.site.statement
        stmt_line = where[id(stmt)][0] if id(stmt) in where else line
        code_node = stmt if isinstance(stmt, cst.SimpleStatementLine) else node
        snippet = " ".join(module.code_for_node(code_node).split())
        scope = sp.site.scope
        findings.append(
            Finding(
                path=display,
                line=line,
                column=col + 1,
                end_line=end_line,
                end_column=end_col + 1,
                rule=v.rule,
                risk=v.risk,
                spawner=sp.spawner,
                coroutine=coroutine_text(node),
                tracked=v.tracked,
                cleaned=v.cleaned,
                message=v.message,
                context=scope.qualname or "<module>",
                snippet=snippet,
                statement_line=stmt_line,
                fix=fix,
                no_fix_reason=no_fix_reason,
            )
        )
    findings.sort(key=Finding.sort_key)
    return findings


def analyze_source(code: str, display: str = "<string>",
                   spawners: Iterable[str] = ()) -> list[Finding]:
    """Analyse source text (for tests and tools)."""
    # libcst drops a byte order mark from the code it keeps: so does the text searched
    return analyze_module(cst.parse_module(code), display, spawners,
                          text=code.removeprefix("\ufeff"))
