"""Line and column of a few nodes, without libcst's PositionProvider.

PositionProvider records a range for every node of the module and needs a MetadataWrapper
visit on top; here only the spawn calls and their statements are wanted. This runs libcst's own
code generator (so the numbers are the same as PositionProvider's), records only the wanted
nodes, keeps no generated text, and stops as soon as the last wanted node is done.

`spawn_positions` (what the analysis uses) does not even run that over the module when it can
help it: a call whose code occurs once in the source text is found by searching the text, and
only its statement is generated, up to the call, once: that gives both the code to search for
and where the call sits in it (`codegen_marks.MarkState`; on mid, 112 of 125 spawns; positions
went from 0.59 s to 0.12 s). A call whose code occurs more than once is placed within its
function the same way. Placing mid's 1,164 dropped calls took 0.62-0.73 s with three
generations per call (the call twice, its statement once) and two per function; 0.43-0.50 s
with one each (`bench/RESULTS.md`, stop 66).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from itertools import accumulate

import libcst as cst

from taskleak.analysis.facts.calls import CallPosition
from taskleak.analysis.tree.code_search import unique_code
from taskleak.analysis.tree.codegen_marks import Done, MarkState, PositionState, Range
from taskleak.analysis.tree.scopes import Scope
from taskleak.files.lines import line_and_column, line_starts, source_lines


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
    state = PositionState(default_indent=module.default_indent,
                           default_newline=module.default_newline, indent_tokens=[indent],
                           wanted=wanted, start_only=start_only,
                           remaining=len(wanted) + len(start_only))
    try:
        root._codegen(state)
    except Done:
        pass
    return {k: v for k, v in state.found.items() if k in wanted or k in start_only}


_Pair = tuple[cst.CSTNode, cst.CSTNode]  # a call, and its statement


# Up to this many spawns in one module are found by text search, more by one code generation
# (the search's cost grows with the text and the spawns; 1,000 spawns: 0.54 s, 0.42 s
# generated).
MOST_SEARCHES = 100


def spawn_positions(module: cst.Module, text: str | None,
                    pairs: Sequence[_Pair],
                    anchors: Sequence[cst.FunctionDef | None] = (),
                    paths: Sequence[tuple[cst.CSTNode, ...]] = ()) -> dict[int, Range]:
    """The ranges of spawn calls and the start of their statements, for (call, statement)
    pairs: the same as `positions(module, calls, starts_of=statements)`.

    `text` is the module's source (what `module.code` would generate). A call whose code
    occurs exactly once in it is located by that search, and its statement's line from a code
    generation of the statement alone: the whole module is generated (up to the last call)
    only for the calls whose code occurs more than once, or when the text is not given. Each
    search reads the whole text, so n spawns in one file made it quadratic (8,000 spawns: 17 s
    searching, 2.7 s generating the module): beyond `MOST_SEARCHES` calls, none is searched
    for alone, and beyond as many functions, the module is generated.

    `anchors` (optional, one per pair): the function each call is in. A call whose code occurs
    more than once (`self._ws.close()` in three methods), or one of more than `MOST_SEARCHES`,
    is then found within its function, whose code occurs once: the function is searched for
    and generated alone (on homeassistant, the 16 modules that were generated whole for such
    calls: 0.14 s of 2.3 s analysing; on mid, textual's app.py placed 123 dropped calls within
    their functions, not the module).

    `paths` (optional, one per pair: the nodes above the call, outermost first): such a call
    is first looked for within the compound statement around its statement (`_around`: the
    `if` or `try` holding `self._ws.close()`), a few lines usually unique, before its whole
    function; one at module or class level too, before the module is generated (placing
    mid's dropped calls, best of 5: 0.46 -> 0.40-0.44 s; homeassistant's 0.116 -> 0.104 s)."""
    if text is None or _INDENT in text:
        return positions(module, [c for c, _ in pairs], [s for _, s in pairs], text)
    found: dict[int, Range] = {}
    rest: list[_Pair] = []
    lines = _Lines(text)
    # each call not found alone: the blocks to look for it within, smallest first
    todo: list[tuple[_Pair, list[cst.CSTNode]]] = []
    searched = len(pairs) <= MOST_SEARCHES  # (more: each found within a block)
    for k, (call, statement) in enumerate(pairs):
        got = _by_search(module, lines, call, statement) if searched else None
        if got is not None:  # (the call's range wins when a node is placed as both)
            found[id(statement)], found[id(call)] = got[1], got[0]
            continue
        anchor = anchors[k] if k < len(anchors) else None
        around = _around(statement, paths[k]) if k < len(paths) else None
        tries: list[cst.CSTNode] = [around] if around is not None else []
        if anchor is not None and anchor is not around:
            tries.append(anchor)
        todo.append(((call, statement), tries))
    rest += _within_blocks(module, lines, todo, found)
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
    """The call's range and its statement's start, when the call's code (with its parentheses)
    occurs once in the text: one generation of the statement up to the end of the call
    (`MarkState`) gives the code searched for and the marks placed by where it is found."""
    state = MarkState(default_indent=module.default_indent,
                       default_newline=module.default_newline, indent_tokens=[_INDENT],
                       wanted=frozenset({id(call)}), start_only=frozenset({id(statement)}),
                       remaining=2, outer=frozenset({id(call)}))
    try:
        statement._codegen(state)
    except Done:
        pass
    if id(call) not in state.outer_ends or id(call) not in state.found \
            or id(statement) not in state.found:
        return None
    tokens = state.tokens
    first, last = state.starts[id(call)][0], state.outer_ends[id(call)]
    match = unique_code("".join(tokens[first:last]).split(_INDENT), lines.text)
    if match is None:
        return None  # ambiguous (or not found, which would be a bug)
    ends = list(accumulate((len(match.indent) if t == _INDENT else len(t)
                            for t in tokens[first:last]), initial=match.start))
    start_mark, _, end_mark, _ = state.found[id(call)]
    start = lines.at(ends[start_mark - first])
    call_range = (*start, *lines.at(ends[end_mark - first]))
    # the statement's first line, counted from the call within the statement's own code (line
    # counts are the same standalone; columns are not: its indentation is its parent's); a
    # decorated `def` starts at its `def`, after a call in a decorator
    stmt_mark = state.found[id(statement)][0]
    breaks = sum(_breaks(t) for t in tokens[min(stmt_mark, start_mark):max(stmt_mark,
                                                                             start_mark)])
    stmt_line = start[0] - breaks if stmt_mark <= start_mark else start[0] + breaks
    if not 1 <= stmt_line <= len(lines.starts):
        return None
    # a statement starts after its line's indentation
    stmt_column = lines.indentation(stmt_line)
    return call_range, (stmt_line, stmt_column, stmt_line, stmt_column)


def _within_blocks(module: cst.Module, lines: _Lines,
                   todo: list[tuple[_Pair, list[cst.CSTNode]]], found: dict[int, Range]
                   ) -> list[_Pair]:
    """Place each call within the first of its blocks whose code occurs once (into `found`),
    block by block in first-seen order, each searched for and generated once for its calls;
    the calls left unplaced, for a generation of the module."""
    rest: list[_Pair] = []
    while todo:
        blocks: dict[int, tuple[cst.CSTNode, list[_Pair]]] = {}
        for pair, left in todo:
            if left:
                blocks.setdefault(id(left[0]), (left[0], []))[1].append(pair)
            else:
                rest.append(pair)
        if len(blocks) > MOST_SEARCHES:  # as many searches of the text: one generation
            return rest + [pair for pair, left in todo if left]
        placed: dict[int, tuple[Range, Range]] = {}
        for block, its_pairs in blocks.values():
            placed.update(_in_block(module, lines, block, its_pairs))
        for (call, statement), _ in todo:
            if id(call) in placed:
                found[id(statement)], found[id(call)] = placed[id(call)][1], placed[id(call)][0]
        todo = [(pair, left[1:]) for pair, left in todo if left and id(pair[0]) not in placed]
    return rest


def _breaks(token: str) -> int:
    """The line breaks in a token, counted as the code generator's positions count them."""
    if "\n" not in token and "\r" not in token:
        return 0
    return token.replace("\r\n", "\n").replace("\r", "\n").count("\n")


def _in_block(module: cst.Module, lines: _Lines, block: cst.CSTNode,
              pairs: list[_Pair]) -> dict[int, tuple[Range, Range]]:
    """The ranges of calls and their statements' starts (by the call's id), found within a
    statement around them (their function, or a smaller one): its code located by a search of
    the text (nothing unless it occurs exactly once, at a line's start), in one generation that
    also marks where the calls and statements are in it (`MarkState`): a mark is a place in the
    text once the code's place is known (homeassistant placed 165 calls in 77 functions;
    generating each function twice, once to search and once to place, was 15% of mid's
    analysis)."""
    wanted = frozenset(id(call) for call, _ in pairs)
    state = MarkState(default_indent=module.default_indent,
                       default_newline=module.default_newline, indent_tokens=[_INDENT],
                       wanted=wanted,
                       start_only=frozenset(id(statement) for _, statement in pairs) - wanted)
    block._codegen(state)
    tokens = state.tokens
    match = unique_code("".join(tokens).split(_INDENT), lines.text)
    if match is None or lines.at(match.start)[1]:
        return {}  # (not at a line's start: its first line's columns would shift)
    # where each mark is in the text: the tokens' lengths, the indentation found for the token
    # that stood for it
    ends = list(accumulate((len(match.indent) if t == _INDENT else len(t) for t in tokens),
                           initial=match.start))
    rel = state.found
    out: dict[int, tuple[Range, Range]] = {}
    for call, statement in pairs:
        if id(call) not in rel or id(statement) not in rel:
            continue
        first, _, last, _ = rel[id(call)]
        stmt_line, stmt_column = lines.at(ends[rel[id(statement)][0]])
        out[id(call)] = ((*lines.at(ends[first]), *lines.at(ends[last])),
                         (stmt_line, stmt_column, stmt_line, stmt_column))
    return out


def _around(statement: cst.CSTNode, path: tuple[cst.CSTNode, ...]) -> cst.CSTNode | None:
    """The innermost compound statement holding `statement`, among the nodes above a call
    (`path`, outermost first), taken only as its block's item: an `elif` alone would be
    written as an `if`. None when there is none (a statement at module level)."""
    below = False
    for j in range(len(path) - 1, 0, -1):
        node = path[j]
        if node is statement:
            below = True
        elif below and isinstance(node, cst.BaseCompoundStatement) \
                and type(path[j - 1]) in (cst.IndentedBlock, cst.Module):
            return node
    return None


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
    paths = [site.path for scope in root.walk() for site in scope.dropped_calls]
    wanted = sorted(i for i in set(ordinals) if i < len(calls))
    where = spawn_positions(module, text, [calls[i] for i in wanted],
                            [anchors[i] for i in wanted], [paths[i] for i in wanted])
    out: dict[int, CallPosition] = {}
    for i in wanted:
        call, statement = calls[i]
        line, column, end_line, end_column = where[id(call)]
        code = statement if isinstance(statement, cst.SimpleStatementLine) else call
        out[i] = CallPosition(line, column + 1, end_line, end_column + 1,
                              where[id(statement)][0] if id(statement) in where else line,
                              " ".join(module.code_for_node(code).split()))
    return out
