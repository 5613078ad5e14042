"""What a fix needs to know about one parsed module, computed once and shared by every fix.

The analysis (`taskleak.analysis.analyse`) says which spawns leak and how; this adds what
rewriting them needs: the parent of each node (to find the statement holding a spawn),
the names used in a function or a class (to pick names that clash with nothing), and where `self`
can be reached. Everything is lazy, so the analysis pays nothing for files without findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

import libcst as cst

from taskleak.analysis.analyse import ModuleAnalysis
from taskleak.analysis.facts.fates import Fate
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import decorator_name
from taskleak.analysis.tree.positions import (
    enclosing_function,
    lost_lines,
    positions,
    spawn_positions,
)
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.walk import children, parents
from taskleak.files.lines import source_lines
from taskleak.fixes.edits import Edits
from taskleak.fixes.policy import FixStyle
from taskleak.fixes.splice import lost_lines as splice_lost_lines
from taskleak.fixes.tree import ModuleNames, names_and_attributes
from taskleak.fixes.wrapping import CallLine
from taskleak.records import record

# what libcst 1.9 may drop as it parses: a form feed before a statement, a lone CR ending the
# last line (a lone backslash line is looked for by `analysis.positions.lost_lines`)
_MAY_LOSE = re.compile(r"\x0c|\r(?!\n)")


def _differs(code: str, text: str) -> bool:
    if code == text:
        return False
    return splice_lost_lines(text.encode(), code.encode()) is None


# Methods of a class body that do not run on an instance (no `self` to keep tasks on).
NOT_INSTANCE_METHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})


@record(frozen=True)
class Placement:
    """The statement that holds a spawn call."""

    small: cst.BaseSmallStatement  # Expr / Assign / AnnAssign ... holding the call
    line: cst.SimpleStatementLine | cst.SimpleStatementSuite
    crosses: tuple[cst.CSTNode, ...]  # nodes between the call and `small`, innermost first

    @property
    def alone(self) -> bool:
        """The statement is the only one on its own line (so lines can go before/after it)."""
        return isinstance(self.line, cst.SimpleStatementLine) and len(self.line.body) == 1

    @property
    def in_lambda_or_comprehension(self) -> bool:
        return any(isinstance(n, (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp,
                                  cst.GeneratorExp)) for n in self.crosses)


class FixContext:
    """One module's analysis and the lookups fixes need (all computed on demand)."""

    def __init__(self, analysis: ModuleAnalysis, style: FixStyle | None = None) -> None:
        self.analysis = analysis
        self.style = style or FixStyle()
        self.module = analysis.module
        self.root = analysis.root
        self.resolver = analysis.resolver
        self._parents: dict[int, cst.CSTNode] | None = None  # by id(node)
        self._all_parents = False  # `_parents` holds every node's (else the spawns' paths')
        self._names: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # by id(node)
        self._module_names: ModuleNames | None = None
        self._written_names: ModuleNames | None = None
        self._fates = {id(sp): f for sp, f in zip(analysis.spawns, analysis.fates, strict=True)}
        self._rewrites_more: bool | None = None
        self.memo: dict[object, object] = {}  # per-module answers a fix kind computes once

    @property
    def rewrites_more(self) -> bool:
        """libcst does not write the source back as it read it, beyond the comment and blank
        lines `fixes.splice` puts back: `fix` refuses the file (`fixer.apply`), so no fix of it
        is offered either. Only a text holding what libcst is known to lose is generated."""
        if self._rewrites_more is None:
            text = self.analysis.text
            self._rewrites_more = text is not None and (
                _MAY_LOSE.search(text) is not None or lost_lines(self.module, text) is not None
            ) and _differs(self.module.code, text)
        return self._rewrites_more

    def fates(self, sp: Spawn) -> tuple[Fate, ...]:
        """What the analysis found became of the spawn's task."""
        return self._fates.get(id(sp), ())  # () for a call site the join reported

    def new_edits(self) -> Edits:
        """An empty set of edits for this module, written in the project's style."""
        return Edits(self.module, line_length=self.style.line_length, quote=self.style.quote,
                     depth_of=self.depth, line_of=self.call_line)

    def call_line(self, node: cst.CSTNode) -> CallLine:
        """What surrounds `node` on its lines of the module's code (computed once a node).
        The spawns' calls are found as the analysis finds them, by a search of the module's
        text where libcst's code is that text (`spawn_positions`): a code generation of the
        module per spawn took 0.39 s of a 1.23 s profiled check of a 1,000-line module with 5
        spawns (bench/server_latency.py's; in process, unprofiled: 263 -> 143 ms a check)."""
        key = ("call-line", id(node))
        found = self.memo.get(key)
        if not isinstance(found, CallLine):
            text = None if self.rewrites_more else self.analysis.text
            ranges = self.memo.get("call-ranges")
            if not isinstance(ranges, dict):
                spawns = self.analysis.spawns
                ranges = self.memo["call-ranges"] = spawn_positions(
                    self.module, text, [(sp.site.node, sp.site.statement) for sp in spawns],
                    [enclosing_function(sp.site.scope) for sp in spawns])
            if id(node) not in ranges:
                ranges.update(positions(self.module, [node], text=text))
            line, column, end_line, end_column = ranges[id(node)]
            lines = self.memo.get("code-lines")
            if not isinstance(lines, list):  # as Python counts lines (`\r` breaks one too)
                lines = self.memo["code-lines"] = source_lines(
                    text if text is not None else self.module.code)
            first, last = lines[line - 1], lines[end_line - 1]
            found = self.memo[key] = CallLine(first[:column], last[end_column:],
                                              self._in_one_line_string(node))
        return found

    def _in_one_line_string(self, node: cst.CSTNode) -> bool:
        """`node` is inside a replacement field of an f-string quoted on one line."""
        above = self.parent(node)
        while above is not None:
            if isinstance(above, cst.FormattedString):
                if not above.start.endswith(('"""', "'''")):
                    return True
            above = self.parent(above)
        return False

    # -- tree lookups ------------------------------------------------------------------------
    def depth(self, node: cst.CSTNode) -> int:
        """How many indented blocks hold `node` (0 at module level)."""
        count = 0
        parent = self.parent(node)
        while parent is not None:
            count += isinstance(parent, cst.IndentedBlock)
            parent = self.parent(parent)
        return count

    def own_line(self, small: cst.BaseSmallStatement) -> cst.BaseSmallStatement | None:
        """`small` when it is the only statement of its line (new statements beside it go on
        lines of their own and are wrapped), else None."""
        line = self.parent(small)
        alone = isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1
        return small if alone else None

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        if self._parents is None:
            self._parents = path_parents(self.module, [
                (*sp.site.path, sp.site.node) for sp in self.analysis.spawns])
        found = self._parents.get(id(node))
        if found is None and not self._all_parents and node is not self.module:
            self._parents, self._all_parents = parents(self.module), True
            found = self._parents.get(id(node))
        return found

    def placement(self, call: cst.Call) -> Placement | None:
        """The small statement holding `call`, or None when it sits in a compound header."""
        crosses: list[cst.CSTNode] = []
        node: cst.CSTNode = call
        while True:
            parent = self.parent(node)
            if parent is None or isinstance(parent, (cst.BaseCompoundStatement, cst.Module)):
                return None
            if isinstance(parent, cst.BaseSmallStatement):
                line = self.parent(parent)
                if isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                    return Placement(parent, line, tuple(crosses))
                return None
            crosses.append(parent)
            node = parent

    def names_in(self, node: cst.CSTNode) -> frozenset[str]:
        """Every name written under `node` (attribute names and identifier strings too)."""
        return self._collect(node)[0]

    def module_names(self) -> ModuleNames:
        """Every name written in the module and every name bound at its top, once per module
        (built per spawn, n spawns in one module made a tracked set's name quadratic), asked
        one name at a time (`ModuleNames`: most answered by the text)."""
        if self._module_names is None:  # one walk for both, when one is needed
            self._module_names = self._written() | self.root.bindings
        return self._module_names

    def written_in_module(self, name: str) -> bool:
        """`name in self.names_in(self.module)`, most often answered by the text."""
        return name in self._written()

    def _written(self) -> ModuleNames:
        if self._written_names is None:
            self._written_names = ModuleNames(self.module, self.analysis.text)
        return self._written_names

    def attrs_in(self, node: cst.CSTNode) -> frozenset[str]:
        return self._collect(node)[1]

    def _collect(self, node: cst.CSTNode) -> tuple[frozenset[str], frozenset[str]]:
        found = self._names.get(id(node))
        if found is None:
            names, attrs = names_and_attributes(node)
            found = self._names[id(node)] = (frozenset(names), frozenset(attrs))
        return found

    # -- scopes ------------------------------------------------------------------------------
    def scopes(self) -> Iterator[Scope]:
        return self.root.walk()

    def instance_access(self, scope: Scope) -> tuple[Scope, Scope, str] | None:
        """(class, method, self name) when code in `scope` can reach the instance as `self`.

        `scope` is the method itself or a function nested in it that does not rebind the
        method's first parameter; static and class methods have no instance.
        """
        method = scope.method()
        cls = scope.enclosing_class()
        if method is None or cls is None or method.parent is not cls:
            return None
        self_name = method.self_name
        if not self_name or method.name in NOT_INSTANCE_METHODS:
            return None
        node = method.node
        if isinstance(node, cst.FunctionDef) and any(
            decorator_name(d) in ("staticmethod", "classmethod") for d in node.decorators
        ):
            return None
        s: Scope | None = scope
        while s is not None and s is not method:
            if s.kind is not ScopeKind.FUNCTION or self_name in s.bindings:
                return None
            s = s.parent
        return cls, method, self_name


def path_parents(module: cst.Module, paths: list[tuple[cst.CSTNode, ...]]
                 ) -> dict[int, cst.CSTNode]:
    """id(node) -> parent for the nodes of `paths` (each a chain from the module down, as the
    scan's walk saw it), each pair checked against the tree: the parents `walk.parents` gives
    those nodes. A chain may skip a node (the `await` of an awaited helper's call): the node
    below is then looked for among the grandchildren; a chain that leaves the tree stops.

    Speed trick (one place): a fix asks the parents of the nodes above its spawn, which the scan
    already walked; the whole module's map was built for them (a walk of every node: 11% of a
    profiled check of bench/server_latency.py's buffer, 0.90 of 8.2 s over 30 checks). A node
    off these paths still gets the whole map (`FixContext.parent`). Guarded by
    tests/fixes/test_fix_tree.py: every parent given here is `walk.parents`'s, on every sample
    file."""
    out: dict[int, cst.CSTNode] = {}
    for path in paths:
        if not path or path[0] is not module:
            continue
        for above, node in pairwise(path):
            below = children(above)
            if any(child is node for child in below):
                out[id(node)] = above
                continue
            between = next((c for c in below if any(g is node for g in children(c))), None)
            if between is None:
                break
            out[id(between)] = above
            out[id(node)] = between
    return out


def decorator_names(node: cst.FunctionDef | cst.ClassDef) -> list[str]:
    return [decorator_name(d) for d in node.decorators]
