"""The statement forms around a spawn that fixes know how to rewrite.

- `expr`: the spawn is the whole statement: `asyncio.create_task(work())`;
- `chain`: the statement starts with the spawn and uses its result once, so the spawn can be
  hoisted into a local first without changing the order of evaluation:
  `asyncio.create_task(work()).add_done_callback(cb)`, `tasks.append(asyncio.create_task(...))`
  (a local collection);
- `bound`: the spawn is bound to one plain name: `task = asyncio.create_task(work())`,
  `task: asyncio.Task[None] = ...`.
"""

from __future__ import annotations

from enum import Enum

import libcst as cst

from taskleak.analysis.tree.walk import children
from taskleak.fixes.context import FixContext, Placement
from taskleak.fixes.edits import Edits
from taskleak.fixes.plan import NoFix
from taskleak.records import record

# Collection methods that add their single argument (the `chain` form on a local collection).
ADDERS = frozenset({"append", "add", "appendleft"})


class Form(Enum):
    EXPR = "expr"  # the spawn is the whole statement
    CHAIN = "chain"  # the statement starts with the spawn and uses its result once
    BOUND = "bound"  # the spawn is bound to one plain name


@record(frozen=True)
class Shape:
    form: Form
    placement: Placement
    target: cst.Name | None = None  # for `bound`

    @property
    def small(self) -> cst.BaseSmallStatement:
        return self.placement.small


def spawn_shape(ctx: FixContext, call: cst.Call) -> Shape | NoFix:
    pl = ctx.placement(call)
    if pl is None:
        return NoFix("the spawn is in the header of a compound statement (if/while/with ...)")
    if any(isinstance(n, cst.Lambda) for n in pl.crosses):
        return NoFix("the spawn is the body of a lambda, where no statement can go: turn the "
                     "lambda into a function that keeps the task")
    if pl.in_lambda_or_comprehension:
        return NoFix("the tasks are built in a comprehension: gather them or keep them in a "
                     "set by hand")
    small = pl.small
    if isinstance(small, cst.Expr):
        if small.value is call:
            return Shape(Form.EXPR, pl)
        if _is_chain_head(pl, call) or _is_local_add(pl, call):
            return Shape(Form.CHAIN, pl)
        return NoFix("the spawn is nested in a larger expression")
    if isinstance(small, cst.Assign) and small.value is call and len(small.targets) == 1:
        target = small.targets[0].target
        if isinstance(target, cst.Name):
            return Shape(Form.BOUND, pl, target)
    if isinstance(small, cst.AnnAssign) and small.value is call \
            and isinstance(small.target, cst.Name):
        return Shape(Form.BOUND, pl, small.target)
    if any(isinstance(n, cst.NamedExpr) for n in pl.crosses):
        return NoFix("the spawn is bound with `:=` inside an expression")
    return NoFix("the spawn is not a statement of its own nor bound to a single name")


def _is_chain_head(pl: Placement, call: cst.Call) -> bool:
    """`call.m(...)` / `call.m(...).n(...)` as the whole statement."""
    crosses = pl.crosses
    if not crosses or len(crosses) % 2:
        return False
    prev: cst.CSTNode = call
    for i in range(0, len(crosses), 2):
        attr, outer = crosses[i], crosses[i + 1]
        if not (isinstance(attr, cst.Attribute) and attr.value is prev
                and isinstance(outer, cst.Call) and outer.func is attr):
            return False
        prev = outer
    assert isinstance(pl.small, cst.Expr)
    return pl.small.value is prev


def _is_local_add(pl: Placement, call: cst.Call) -> bool:
    """`tasks.append(call)` as the whole statement, `tasks` a plain name."""
    crosses = pl.crosses
    if len(crosses) != 2:
        return False
    arg, outer = crosses
    assert isinstance(pl.small, cst.Expr)
    return (isinstance(arg, cst.Arg) and arg.value is call and arg.keyword is None
            and not arg.star and isinstance(outer, cst.Call) and pl.small.value is outer
            and len(outer.args) == 1 and isinstance(outer.func, cst.Attribute)
            and isinstance(outer.func.value, cst.Name) and outer.func.attr.value in ADDERS)


def hoisted(shape: Shape, call: cst.Call, name: str) -> tuple[cst.BaseSmallStatement,
                                                              cst.BaseSmallStatement | None]:
    """`name = <spawn>` and what remains of the statement (None for a bare spawn)."""
    assign = cst.Assign(targets=[cst.AssignTarget(target=cst.Name(name))], value=call)
    if shape.form is Form.EXPR:
        return assign, None
    rest = shape.small.deep_replace(call, cst.Name(name))
    assert isinstance(rest, cst.BaseSmallStatement)
    return assign, rest


def fitted(edits: Edits, ctx: FixContext, small: cst.BaseSmallStatement, call: cst.Call,
           at: cst.BaseSmallStatement) -> cst.BaseSmallStatement:
    """`small` (a hoisted `task = <spawn>` that goes where `at` is) wrapped to the line length
    when the new name made the line too long; as it is when it fits, spans lines, or holds
    another spawn (other fixes edit that one's nodes)."""
    if not edits.line_length or ctx.own_line(at) is None:
        return small
    code = ctx.module.code_for_node(small)
    width = ctx.depth(at) * len(ctx.module.default_indent.expandtabs(4)) + len(code)
    if "\n" in code or width <= edits.line_length:
        return small
    spawns = {id(sp.site.node) for sp in ctx.analysis.spawns} - {id(call)}
    todo: list[cst.CSTNode] = [call]
    while todo:
        node = todo.pop()
        if id(node) in spawns:
            return small
        todo.extend(children(node))
    new = edits.small_statements(code, at=at)
    return new[0] if len(new) == 1 else small


def statement_comments(ctx: FixContext, pl: Placement) -> str:
    """The comments on and just above the spawn's statement (the author's intent)."""
    parts: list[str] = []
    line = pl.line
    if isinstance(line, cst.SimpleStatementLine):
        parts += [ln.comment.value for ln in line.leading_lines if ln.comment is not None]
        if line.trailing_whitespace.comment is not None:
            parts.append(line.trailing_whitespace.comment.value)
    code = ctx.module.code_for_node(pl.small)
    parts += [seg.split("\n", 1)[0] for seg in code.split("#")[1:]]
    return "\n".join(parts)
