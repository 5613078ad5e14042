"""Line and column of a few nodes, without libcst's PositionProvider.

PositionProvider records a range for every node of the module and needs a MetadataWrapper
visit on top; here only the spawn calls and their statements are wanted. This runs libcst's own
code generator (so the numbers are the same as PositionProvider's), records only the wanted
nodes, keeps no generated text, and stops as soon as the last wanted node is done.

`spawn_positions` (what the analysis uses) does not even run that over the module when it can
help it: a call whose code occurs once in the source text is found by searching the text, and
only the call and its statement are generated (on mid, 112 of 125 spawns; positions went from
0.59 s to 0.12 s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import field
from difflib import SequenceMatcher

import libcst as cst
from libcst._nodes.internal import CodegenState

from taskleak.analysis.facts.interface import CallPosition
from taskleak.analysis.tree.code_search import unique_code
from taskleak.analysis.tree.scopes import Scope
from taskleak.files.lines import line_and_column, line_starts, source_lines
from taskleak.records import record

Range = tuple[int, int, int, int]  # start line (1-based), start col (0-based), end line, end col


class _Done(Exception):
    pass


_NOTHING: AbstractContextManager[None] = nullcontext()


@record
class _PositionState(CodegenState):
    wanted: frozenset[int] = frozenset()
    # nodes of which only the start is wanted: done as soon as it is known (a statement's
    # first line, for noqa comments), so the walk need not generate the rest of a compound one
    start_only: frozenset[int] = frozenset()
    found: dict[int, Range] = field(default_factory=dict)
    line: int = 1
    column: int = 0
    starts: dict[int, tuple[int, int]] = field(default_factory=dict)
    # children whose range a wanted node borrows (`end_node=`): recorded too, not counted
    helpers: set[int] = field(default_factory=set)
    remaining: int = 0

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.column += len(token)

    def add_token(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self.line += len(lines) - 1
            self.column = len(lines[-1])
        else:
            self.column += len(value)

    def _finish(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            raise _Done

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers or key in self.start_only:
            self.starts[key] = (self.line, self.column)

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers:
            if key not in self.found:
                start = self.starts[key]
                self.found[key] = (start[0], start[1], self.line, self.column)
            if key in self.wanted:
                self._finish()
        elif key in self.start_only and key not in self.found:
            # a node without a syntactic position of its own (the module): its start is where
            # its code began
            line, column = self.starts[key]
            self.found[key] = (line, column, line, column)
            self._finish()

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> AbstractContextManager[None]:
        key = id(node)
        if key in self.start_only:
            if key not in self.found and start_node is None:
                self.found[key] = (self.line, self.column, self.line, self.column)
                self._finish()
            return _NOTHING
        if key not in self.wanted and key not in self.helpers:
            return _NOTHING  # most nodes: no generator-based context manager to build
        return self._record(node, start_node, end_node)

    @contextmanager
    def _record(self, node: cst.CSTNode, start_node: cst.CSTNode | None,
                end_node: cst.CSTNode | None) -> Iterator[None]:
        for borrowed in (start_node, end_node):
            if borrowed is not None:
                self.helpers.add(id(borrowed))
        start = (self.line, self.column)
        yield
        end = (self.line, self.column)
        if start_node is not None and id(start_node) in self.found:
            start = self.found[id(start_node)][:2]
        if end_node is not None and id(end_node) in self.found:
            end = self.found[id(end_node)][2:]
        self.found[id(node)] = (start[0], start[1], end[0], end[1])


def positions(module: cst.Module, nodes: Iterable[cst.CSTNode],
              starts_of: Iterable[cst.CSTNode] = (), text: str | None = None
              ) -> dict[int, Range]:
    """{id(node): (line, column, end_line, end_column)} like PositionProvider's CodeRange.

    For `starts_of` only the start is computed (the range is empty: `(line, column, line,
    column)`), which lets the walk stop earlier. With the module's `text`, lines are the text's
    where libcst's code lacks some of them (see `lost_lines`)."""
    found = _generate(module, module, nodes, starts_of)
    moved = lost_lines(module, text)
    if moved is None:
        return found
    return {k: (moved(l1), c1, moved(l2), c2) for k, (l1, c1, l2, c2) in found.items()}


# a backslash alone on a line before a statement: libcst's tree leaves it out (its code lacks the
# line), so every line below it is one less in libcst's numbers than in Python's
_LONE_BACKSLASH = re.compile(r"(?:^|(?<=\r))[ \t\f]*\\(?:\r\n?|\n)", re.MULTILINE)


def lost_lines(module: cst.Module, text: str | None) -> Callable[[int], int] | None:
    """When libcst's code lacks lines of the module's text: libcst's line number -> the text's;
    None when they agree (or the text is not known). The code is generated only for a text with
    a lone backslash line."""
    if text is None or _LONE_BACKSLASH.search(text) is None:
        return None
    code = module.code
    if code == text:
        return None
    # without their breaks: libcst may also end a lone-CR file's last line without one
    ours, theirs = source_lines(code), source_lines(text)
    matched: dict[int, int] = {}
    for a, b, size in SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks():
        matched.update((a + i + 1, b + i + 1) for i in range(size))
    table, shift = {}, 0
    for line in range(1, len(ours) + 2):  # a line unmatched moves as the one before it did
        shift = matched[line] - line if line in matched else shift
        table[line] = line + shift
    return lambda line: table.get(line, line + shift)


def _generate(module: cst.Module, root: cst.CSTNode, nodes: Iterable[cst.CSTNode],
              starts_of: Iterable[cst.CSTNode] = (), indent: str = "") -> dict[int, Range]:
    """`positions`, counted from the start of `root`'s own code (the module, or one node
    generated alone, its lines indented by `indent`)."""
    wanted = frozenset(id(n) for n in nodes)
    start_only = frozenset(id(n) for n in starts_of) - wanted
    if not wanted and not start_only:
        return {}
    state = _PositionState(default_indent=module.default_indent,
                           default_newline=module.default_newline, indent_tokens=[indent],
                           wanted=wanted, start_only=start_only,
                           remaining=len(wanted) + len(start_only))
    try:
        root._codegen(state)
    except _Done:
        pass
    return {k: v for k, v in state.found.items() if k in wanted or k in start_only}


# Up to this many spawns in one module are found by text search, more by one code generation
# (the search's cost grows with the text and the spawns; 1,000 spawns: 0.54 s, 0.42 s
# generated).
MOST_SEARCHES = 100


def spawn_positions(module: cst.Module, text: str | None,
                    pairs: Sequence[tuple[cst.CSTNode, cst.CSTNode]],
                    anchors: Sequence[cst.FunctionDef | None] = ()) -> dict[int, Range]:
    """The ranges of spawn calls and the start of their statements, for (call, statement)
    pairs: the same as `positions(module, calls, starts_of=statements)`.

    `text` is the module's source (what `module.code` would generate). A call whose code
    occurs exactly once in it is located by that search, and its statement's line from a code
    generation of the statement alone: the whole module is generated (up to the last call)
    only for the calls whose code occurs more than once, or when the text is not given, or
    for more than `MOST_SEARCHES` calls: each search reads the whole text, so n spawns in one
    file made it quadratic (8,000 spawns: 17 s searching, 2.7 s generating the module).

    `anchors` (optional, one per pair): the function each call is in. A call whose code occurs
    more than once (`self._ws.close()` in three methods) is then found within its function,
    whose code occurs once: the function is searched for and generated alone (on homeassistant,
    the 16 modules that were generated whole for such calls: 0.14 s of 2.3 s analysing)."""
    if text is None or _INDENT in text or len(pairs) > MOST_SEARCHES:
        return positions(module, [c for c, _ in pairs], [s for _, s in pairs], text)
    found: dict[int, Range] = {}
    rest: list[tuple[cst.CSTNode, cst.CSTNode]] = []
    lines = _Lines(text)
    # by function, in first-seen order: each is searched for and generated once for its calls
    within: dict[int, tuple[cst.FunctionDef, list[tuple[cst.CSTNode, cst.CSTNode]]]] = {}
    for k, (call, statement) in enumerate(pairs):
        got = _by_search(module, lines, call, statement)
        anchor = anchors[k] if k < len(anchors) else None
        if got is not None:
            found[id(call)], found[id(statement)] = got
        elif anchor is not None:
            within.setdefault(id(anchor), (anchor, []))[1].append((call, statement))
        else:
            rest.append((call, statement))
    for function, its_pairs in within.values():
        placed = _in_function(module, lines, function, its_pairs)
        for call, statement in its_pairs:
            got = placed.get(id(call))
            if got is None:
                rest.append((call, statement))
            else:
                found[id(call)], found[id(statement)] = got
    if rest:
        found.update(positions(module, [c for c, _ in rest], [s for _, s in rest], text))
    return found


class _Lines:
    """Line starts of a text, counted as libcst counts lines (\r\n, \r, \n; not \f)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def at(self, offset: int) -> tuple[int, int]:
        return line_and_column(self.starts, offset)

    def indentation(self, line: int) -> int:
        start = self.starts[line - 1]
        match = _INDENTATION.match(self.text, start)
        return match.end() - start if match else 0


_INDENTATION = re.compile(r"[ \t]*")


# Stands for the enclosing block's indentation, which a call's continuation lines repeat
# (libcst writes it from the block, not from the call): the search matches any, the same on
# every line. A text with a NUL in it is not searched.
_INDENT = "\x00"


def _by_search(module: cst.Module, lines: _Lines, call: cst.CSTNode,
               statement: cst.CSTNode) -> tuple[Range, Range] | None:
    text = lines.text
    code = _code(module, call, _INDENT)  # the call with its parentheses, if any
    parts = code.split(_INDENT)
    match = unique_code(parts, text)
    if match is None:
        return None  # ambiguous (or not found, which would be a bug)
    indent = match.indent
    # where the call's own range (without parentheses) sits within its code
    inner = _generate(module, call, [call], indent=indent)
    if id(call) not in inner:
        return None
    line0, column0 = lines.at(match.start)

    def absolute(line: int, column: int) -> tuple[int, int]:
        return line0 + line - 1, (column0 + column if line == 1 else column)

    l1, c1, l2, c2 = inner[id(call)]
    start, end = absolute(l1, c1), absolute(l2, c2)
    call_range = (*start, *end)
    # the statement's first line, counted back from the call within the statement's own code
    # (line counts are the same standalone; columns are not: its indentation is its parent's)
    rel = _generate(module, statement, [call], starts_of=[statement])
    if id(call) not in rel or id(statement) not in rel:
        return None
    stmt_line = start[0] - (rel[id(call)][0] - rel[id(statement)][0])
    if not 1 <= stmt_line <= len(lines.starts):
        return None
    # a statement starts after its line's indentation
    stmt_column = lines.indentation(stmt_line)
    return call_range, (stmt_line, stmt_column, stmt_line, stmt_column)


def _in_function(module: cst.Module, lines: _Lines, function: cst.FunctionDef,
                 pairs: list[tuple[cst.CSTNode, cst.CSTNode]]
                 ) -> dict[int, tuple[Range, Range]]:
    """The ranges of calls and their statements' starts (by the call's id), found within
    their function: the function's code located by a search of the text (nothing unless it
    occurs exactly once), then generated alone with the indentation found there, which makes
    its columns the text's. One search and one generation for all of the function's calls
    (homeassistant placed 165 calls in 77 functions)."""
    match = unique_code(_code(module, function, _INDENT).split(_INDENT), lines.text)
    if match is None:
        return {}
    line0, column0 = lines.at(match.start)
    if column0:
        return {}  # not at a line's start: its first line's columns would shift
    rel = _generate(module, function, [call for call, _ in pairs],
                    starts_of=[statement for _, statement in pairs], indent=match.indent)
    out: dict[int, tuple[Range, Range]] = {}
    for call, statement in pairs:
        if id(call) not in rel or id(statement) not in rel:
            continue
        l1, c1, l2, c2 = rel[id(call)]
        stmt_line, stmt_column = line0 + rel[id(statement)][0] - 1, rel[id(statement)][1]
        out[id(call)] = ((line0 + l1 - 1, c1, line0 + l2 - 1, c2),
                         (stmt_line, stmt_column, stmt_line, stmt_column))
    return out


def _code(module: cst.Module, node: cst.CSTNode, indent: str) -> str:
    state = CodegenState(default_indent=module.default_indent,
                         default_newline=module.default_newline, indent_tokens=[indent])
    node._codegen(state)
    return "".join(state.tokens)


def enclosing_function(scope: Scope) -> cst.FunctionDef | None:
    """The innermost `def` around code in `scope` (a lambda's too), the anchor
    `spawn_positions` finds a repeated call within; None at module or class level."""
    fn = scope.function()
    return fn.node if fn is not None and isinstance(fn.node, cst.FunctionDef) else None


def dropped_call_positions(module: cst.Module, text: str | None, root: Scope,
                           ordinals: Iterable[int]) -> dict[int, CallPosition]:
    """Where the module's dropped calls of these ordinals are (`exports.dropped_calls`, in the
    scan's order): line, columns, statement line and the statement as one line."""
    calls = [(site.shown, site.statement) for scope in root.walk()
             for site in scope.dropped_calls]
    anchors = [enclosing_function(scope) for scope in root.walk()
               for _ in scope.dropped_calls]
    wanted = sorted(i for i in set(ordinals) if i < len(calls))
    where = spawn_positions(module, text, [calls[i] for i in wanted],
                            [anchors[i] for i in wanted])
    out: dict[int, CallPosition] = {}
    for i in wanted:
        call, statement = calls[i]
        line, column, end_line, end_column = where[id(call)]
        code = statement if isinstance(statement, cst.SimpleStatementLine) else call
        out[i] = CallPosition(line, column + 1, end_line, end_column + 1,
                              where[id(statement)][0] if id(statement) in where else line,
                              " ".join(module.code_for_node(code).split()))
    return out
