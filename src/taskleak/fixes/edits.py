"""The edits of one fixing pass, collected first and applied in a single libcst transform.

Edits are keyed by the *original* nodes of the parsed module, so several fixes can touch the same
file without knowing about each other: each fix adds its pieces (a statement replaced, lines
inserted before a statement, statements at the top of a method, names added to an import) and
shared pieces (the module's task set, an instance set in `__init__`, an import) are added once.

Everything generated is parsed from text written in the module's own indentation and line
ending, and inserted lines take over the blank lines and comments above the statement they go
before, so a diff shows only what the fix adds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from typing import Any

import libcst as cst

from taskleak.fixes.aliases import add_alias, fitted_import
from taskleak.fixes.style import requote, wrap
from taskleak.fixes.wrapping import CallLine, indent_unit, split_for, wrapped_on_lines
from taskleak.records import record

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement  # what a block holds


class Conflict(Exception):
    """Two fixes want to rewrite the same code; the later one is not applied."""


@record
class Edits:
    module: cst.Module
    # a small statement replaced by one or more small statements (same line or split lines)
    small: dict[cst.BaseSmallStatement, list[cst.BaseSmallStatement]] = field(
        default_factory=dict)
    # whole statements inserted before / after a statement of a block or the module
    before: dict[cst.CSTNode, list[Statement]] = field(default_factory=dict)
    after: dict[cst.CSTNode, list[Statement]] = field(default_factory=dict)
    # statements that keep at least so many blank lines above them
    blank_before: dict[cst.CSTNode, int] = field(default_factory=dict)
    # calls rewritten into another expression (`helper(<call>)`, `tg.create_task(...)`)
    calls: dict[cst.Call, Callable[[cst.Call], cst.BaseExpression]] = field(
        default_factory=dict)
    # statements added at the top of a function body (after its docstring)
    body_prefix: dict[cst.FunctionDef, list[Statement]] = field(default_factory=dict)
    # `__init__` methods whose additions go after the leading `self.x = ...` assignments
    with_attributes: set[cst.FunctionDef] = field(default_factory=set)
    # names added to an existing `from X import a, b`
    import_names: dict[cst.ImportFrom, list[str]] = field(default_factory=dict)
    # statements removed (a dead `pass` once a fix adds code to its block); each must have
    # statements inserted before or after it, so no block is left empty
    removed: set[cst.CSTNode] = field(default_factory=set)
    # comments rewritten ("" removes one): a noqa directive for F841 a fix makes stale
    comments: dict[cst.Comment, str] = field(default_factory=dict)
    # shared pieces by key (module set, instance set, imports): their chosen names
    shared: dict[str, Any] = field(default_factory=dict)
    line_length: int = 0  # generated lines are wrapped to it (0: never)
    quote: str = '"'  # generated strings are written in it (the project's formatter's quotes)
    depth_of: Callable[[cst.CSTNode], int] | None = None  # indentation depth of a statement
    line_of: Callable[[cst.CSTNode], CallLine] | None = None  # what shares a node's lines

    # -- registering -------------------------------------------------------------------------
    def replace_small(self, old: cst.BaseSmallStatement,
                      new: Sequence[cst.BaseSmallStatement]) -> None:
        if old in self.small:
            raise Conflict("another fix already rewrites this statement")
        self.small[old] = list(new)

    def insert_before(self, stmt: cst.CSTNode, new: Sequence[Statement]) -> None:
        self.before.setdefault(stmt, []).extend(new)

    def insert_after(self, stmt: cst.CSTNode, new: Sequence[Statement]) -> None:
        self.after.setdefault(stmt, []).extend(new)

    def ensure_blank(self, stmt: cst.CSTNode, lines: int = 1) -> None:
        """Keep at least `lines` blank lines above `stmt`."""
        self.blank_before[stmt] = max(lines, self.blank_before.get(stmt, 0))

    def rewrite_call(self, call: cst.Call,
                     new: Callable[[cst.Call], cst.BaseExpression]) -> None:
        """`call` becomes `new(call as rewritten by other edits)`."""
        if call in self.calls:
            raise Conflict("another fix already rewrites this spawn")
        self.calls[call] = new

    def wrap_call(self, call: cst.Call, helper: str) -> None:
        """`call` becomes `helper(call)`: the expression keeps its value. Where that makes a
        line too long, or the call spans lines, the helper's parentheses hold the call on lines
        of its own (`wrapping.split_for`)."""
        func = cst.parse_expression(helper)
        split = split_for(self.module, call, self.line_of(call), len(helper) + 2,
                          self.line_length) if self.line_length and self.line_of else None
        if split is None:
            self.rewrite_call(call, lambda updated: cst.Call(func=func, args=[cst.Arg(updated)]))
        else:
            indent, unit = split
            self.rewrite_call(call, lambda updated: wrapped_on_lines(
                func, updated, indent, unit, self.line_length))

    def prefix_body(self, fn: cst.FunctionDef, new: Sequence[Statement],
                    with_attributes: bool = False) -> None:
        """Add statements at the top of `fn` (after its docstring); `with_attributes`: after
        `super().__init__(...)` and the plain `self.x = ...` assignments that follow it."""
        if not isinstance(fn.body, cst.IndentedBlock):
            raise Conflict(f"{fn.name.value}() is written on one line")
        self.body_prefix.setdefault(fn, []).extend(new)
        if with_attributes:
            self.with_attributes.add(fn)

    # -- code from text ----------------------------------------------------------------------
    def statements(self, code: str, at: cst.CSTNode | None = None,
                   inside: bool = False) -> list[Statement]:
        """Statements parsed from `code` (4-space indents, '\\n'), in the module's style, to go
        beside `at` (or into its body: `inside`; module level without `at`), their lines
        wrapped to the line length."""
        module = self.module
        # a form feed resets Python's indentation count (`if x:\n\x0c pass`), and libcst's
        # parser config refuses it in an indent: the text after the last one is the indent
        indent = indent_unit(module)
        base = self.depth_of(at) + inside if at is not None and self.depth_of else 0
        lines = []
        for raw in requote(code.strip("\n"), self.quote).split("\n"):
            stripped = raw.lstrip(" ")
            depth = (len(raw) - len(stripped)) // 4
            if not self.line_length:
                lines.append(indent * depth + stripped)
                continue
            # measured where the lines will be, written relative to the block they go into
            wrapped = wrap(stripped, base + depth, indent=indent, limit=self.line_length)
            lines += [line[len(indent) * base:] for line in wrapped]
        text = module.default_newline.join(lines) + module.default_newline
        config = cst.PartialParserConfig(encoding=module.encoding, default_indent=indent,
                                         default_newline=module.default_newline)
        parsed = cst.parse_module(text, config=config)
        return list(parsed.body)

    def small_statements(self, code: str,
                         at: cst.CSTNode | None = None) -> list[cst.BaseSmallStatement]:
        out: list[cst.BaseSmallStatement] = []
        for stmt in self.statements(code, at):
            assert isinstance(stmt, cst.SimpleStatementLine)
            out.extend(stmt.body)
        return out


def is_docstring(stmt: cst.CSTNode) -> bool:
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            and isinstance(stmt.body[0], cst.Expr)
            and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def is_super_init(stmt: cst.CSTNode) -> bool:
    """`super().__init__(...)` or `Base.__init__(self, ...)` as a statement."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            and isinstance(stmt.body[0], cst.Expr)):
        return False
    call = stmt.body[0].value
    if isinstance(call, cst.Await):
        call = call.expression
    return (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "__init__")


def _first_param_name(fn: cst.FunctionDef) -> str | None:
    params = [*fn.params.posonly_params, *fn.params.params]
    return params[0].name.value if params else None


class _UsesSelf(cst.CSTVisitor):
    """Finds calls that could run code of the instance: `self.m()`, `f(self)`."""

    def __init__(self, self_name: str) -> None:
        super().__init__()
        self.self_name = self_name
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        while isinstance(func, (cst.Attribute, cst.Call, cst.Subscript)):
            func = func.value if not isinstance(func, cst.Call) else func.func
        if isinstance(func, cst.Name) and func.value == self.self_name:
            self.found = True
        for arg in node.args:
            if isinstance(arg.value, cst.Name) and arg.value.value == self.self_name:
                self.found = True

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False  # runs later, if at all


def _rooted_at(target: cst.BaseExpression, name: str) -> bool:
    """`self.x`, `self.x[k]`, `self.x.y` (not `self` itself)."""
    if not isinstance(target, (cst.Attribute, cst.Subscript)):
        return False
    node: cst.BaseExpression = target
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return isinstance(node, cst.Name) and node.value == name


def _is_plain_attribute_set(stmt: cst.BaseStatement, self_name: str) -> bool:
    """`self.x = value`, `self.x[k]: T = value` (or a local import): runs no code of the
    instance, so a new attribute can go after it."""
    if not isinstance(stmt, cst.SimpleStatementLine):
        return False
    for small in stmt.body:
        if isinstance(small, (cst.Import, cst.ImportFrom)):
            continue  # a local import runs no code of the instance
        if isinstance(small, cst.Assign):
            targets = [t.target for t in small.targets]
            value: cst.BaseExpression | None = small.value
        elif isinstance(small, cst.AnnAssign):
            targets, value = [small.target], small.value
        else:
            return False
        if not all(_rooted_at(t, self_name) for t in targets):
            return False
        if value is not None:
            visitor = _UsesSelf(self_name)
            value.visit(visitor)
            if visitor.found:
                return False
    return True


def _with_blank_lines(stmt: Statement, wanted: int) -> Statement:
    """`stmt` with `wanted` blank lines above it (1: any blank line among its leading lines;
    more: blank lines above its comments)."""
    lines = list(stmt.leading_lines)
    if wanted == 1:
        have = 1 if any(line.comment is None for line in lines) else 0
    else:
        have = next((i for i, line in enumerate(lines) if line.comment is not None), len(lines))
    if have >= wanted:
        return stmt
    return stmt.with_changes(leading_lines=[cst.EmptyLine()] * (wanted - have) + lines)


class _Apply(cst.CSTTransformer):
    def __init__(self, edits: Edits) -> None:
        super().__init__()
        self.e = edits

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        result = super().on_leave(original_node, updated_node)
        e = self.e
        if original_node not in e.before and original_node not in e.after \
                and original_node not in e.blank_before:
            return result
        if original_node in e.removed:
            return cst.FlattenSentinel([*e.before.get(original_node, ()),
                                        *e.after.get(original_node, ())])
        items: list[Statement]
        if isinstance(result, cst.FlattenSentinel):
            items = [n for n in result.nodes if isinstance(n, Statement)]
        else:
            assert isinstance(result, Statement)
            items = [result]
        before = list(e.before.get(original_node, ()))
        if before and items:
            # inserted lines go under the blank lines and comments that were above the statement
            first = items[0]
            before[0] = before[0].with_changes(leading_lines=first.leading_lines)
            items[0] = first.with_changes(leading_lines=())
        if original_node in e.blank_before and items:
            items[0] = _with_blank_lines(items[0], e.blank_before[original_node])
        return cst.FlattenSentinel([*before, *items, *e.after.get(original_node, ())])

    def _smalls(self, original: Sequence[cst.BaseSmallStatement],
                updated: Sequence[cst.BaseSmallStatement]
                ) -> list[list[cst.BaseSmallStatement]] | None:
        if not any(s in self.e.small for s in original):
            return None
        groups: list[list[cst.BaseSmallStatement]] = []
        for old, new in zip(original, updated, strict=True):
            replacement = self.e.small.get(old)
            if replacement is None:
                groups.append([new])
                continue
            # the replaced statement's own trailing semicolon (if any) ends the group
            last = replacement[-1].with_changes(semicolon=old.semicolon)
            groups.append([*replacement[:-1], last])
        return groups

    def leave_SimpleStatementLine(self, original_node: cst.SimpleStatementLine,
                                  updated_node: cst.SimpleStatementLine) -> Any:
        groups = self._smalls(original_node.body, updated_node.body)
        if groups is None:
            return updated_node
        if len(groups) == 1 and len(groups[0]) > 1:
            # one statement became several: one line each; the comment stays on the first
            first, *rest = groups[0]
            lines = [updated_node.with_changes(body=[first])]
            lines += [cst.SimpleStatementLine(body=[s]) for s in rest]
            return cst.FlattenSentinel(lines)
        flat = [s for g in groups for s in g]
        return updated_node.with_changes(body=_spliced(flat))

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite,
                                   updated_node: cst.SimpleStatementSuite) -> Any:
        groups = self._smalls(original_node.body, updated_node.body)
        if groups is None:
            return updated_node
        return updated_node.with_changes(body=_spliced([s for g in groups for s in g]))

    def leave_TrailingWhitespace(self, original_node: cst.TrailingWhitespace,
                                 updated_node: cst.TrailingWhitespace) -> Any:
        comment = original_node.comment
        if comment is None or comment not in self.e.comments:
            return updated_node
        text = self.e.comments[comment]
        if not text:
            return updated_node.with_changes(comment=None, whitespace=cst.SimpleWhitespace(""))
        return updated_node.with_changes(comment=cst.Comment(text))

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> Any:
        rewrite = self.e.calls.get(original_node)
        return updated_node if rewrite is None else rewrite(updated_node)

    def leave_ImportFrom(self, original_node: cst.ImportFrom,
                         updated_node: cst.ImportFrom) -> Any:
        names = self.e.import_names.get(original_node)
        if not names or isinstance(updated_node.names, cst.ImportStar):
            return updated_node
        aliases = list(updated_node.names)
        for name in names:
            aliases = add_alias(updated_node, aliases, name)
        result = updated_node.with_changes(names=aliases)
        e = self.e
        if not e.line_length:
            return result
        depth = e.depth_of(original_node) if e.depth_of is not None else 0
        return fitted_import(e.module, result, depth, e.line_length)

    def leave_FunctionDef(self, original_node: cst.FunctionDef,
                          updated_node: cst.FunctionDef) -> Any:
        prefix = self.e.body_prefix.get(original_node)
        if not prefix or not isinstance(updated_node.body, cst.IndentedBlock):
            return updated_node
        body = list(updated_node.body.body)
        i = 1 if body and is_docstring(body[0]) else 0
        if original_node in self.e.with_attributes:
            if i < len(body) and is_super_init(body[i]):
                i += 1
            self_name = _first_param_name(original_node)
            while self_name and i < len(body) and _is_plain_attribute_set(body[i], self_name):
                i += 1
                while i < len(body) and is_docstring(body[i]):
                    i += 1  # an attribute's docstring (`self.x = 1` + `"""x"""`) stays with it
        body[i:i] = prefix
        return updated_node.with_changes(body=updated_node.body.with_changes(body=body))


def _spliced(smalls: list[cst.BaseSmallStatement]) -> list[cst.BaseSmallStatement]:
    """Small statements for one line: `a; b; c` (libcst adds '; ' for DEFAULT semicolons)."""
    out: list[cst.BaseSmallStatement] = []
    for i, s in enumerate(smalls):
        if i < len(smalls) - 1 and not isinstance(s.semicolon, cst.Semicolon):
            s = s.with_changes(semicolon=cst.Semicolon(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(" ")))
        out.append(s)
    return out


def apply_edits(edits: Edits) -> cst.Module:
    return edits.module.visit(_Apply(edits))
