"""Code a fix rewrites, kept within the line length the way black and ruff's formatter write
it: a call wrapped in a helper goes on lines of its own inside the helper's parentheses (its
arguments too, when still too long), and an import that grew too long gets one name a line.
Pragma comments (`# noqa: E501`, `# type: ignore`) are left out of a line's width, as ruff's
line-length check and its formatter leave them out."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from taskleak.records import record

# the comments ruff's line-length check and formatter leave out of a line's width
_PRAGMA = re.compile(r"#\s*(?:noqa|type:|pyright:|pylint:|nosec|isort:|ruff:|mypy:|fmt:)")


@record(frozen=True)
class CallLine:
    """The code before a node on its first line (indentation included) and after it on its
    last line (a comment included): what a rewrite of the node shares its lines with."""

    before: str
    after: str
    # the node sits in a replacement field of a one-line f-string (`f'{spawn(...)}'`), where
    # Python before 3.12 allows no line break: a rewrite stays on its line, however long
    in_one_line_string: bool = False

    @property
    def indent(self) -> str:
        return self.before[:len(self.before) - len(self.before.lstrip(" \t"))]

    @property
    def measured_after(self) -> str:
        """`after` as ruff and black measure it: without a pragma comment (`# noqa: E501`,
        `# type: ignore`), which no formatter moves and no line-length check counts."""
        pragma = _PRAGMA.search(self.after)
        return self.after[:pragma.start()].rstrip() if pragma else self.after


def indent_unit(module: cst.Module) -> str:
    """One indentation step of the module (a form feed resets Python's count: what follows)."""
    return module.default_indent.rsplit("\x0c", 1)[-1] or "    "


def split_for(module: cst.Module, call: cst.Call, around: CallLine, grows: int,
              limit: int) -> tuple[str, str] | None:
    """(the call's line's indentation, one indent) when `call`, grown by `grows` characters
    (a helper's name and parentheses), no longer fits on its line, or spans lines; None when
    it fits as it is, or may not be broken (`CallLine.in_one_line_string`)."""
    if around.in_one_line_string:
        return None
    code = module.code_for_node(call)
    unit = indent_unit(module)
    width = len((around.before + code + around.measured_after).expandtabs(len(unit))) + grows
    if "\n" not in code and width <= limit:
        return None
    return around.indent, unit


def _newline(indent: str) -> cst.ParenthesizedWhitespace:
    """A line break inside brackets, the next line at `indent` (absolute, not the block's)."""
    return cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=False,
                                       last_line=cst.SimpleWhitespace(indent))


class _Shifted(cst.CSTTransformer):
    """Every line an expression continues on, one indent further right."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def leave_ParenthesizedWhitespace(self, original_node: cst.ParenthesizedWhitespace,
                                      updated_node: cst.ParenthesizedWhitespace) -> Any:
        lines = [line.with_changes(whitespace=cst.SimpleWhitespace(
            self.unit + line.whitespace.value)) for line in updated_node.empty_lines]
        return updated_node.with_changes(empty_lines=lines, last_line=cst.SimpleWhitespace(
            self.unit + updated_node.last_line.value))


def wrapped_on_lines(func: cst.BaseExpression, call: cst.Call, indent: str, unit: str,
                     limit: int) -> cst.Call:
    """`func(call)` with `call` on its own lines one indent deeper than `indent` (the line
    the call starts on), its arguments split the same way when its line is still too long."""
    inner = call.visit(_Shifted(unit))
    assert isinstance(inner, cst.Call)
    code = cst.Module([]).code_for_node(inner)
    deeper = indent + unit
    if "\n" not in code and inner.args and len((deeper + code).expandtabs(len(unit))) > limit:
        args = list(inner.args)
        args[-1] = args[-1].with_changes(whitespace_after_arg=_newline(deeper))
        inner = inner.with_changes(whitespace_before_args=_newline(deeper + unit), args=args)
    return cst.Call(func=func, whitespace_before_args=_newline(deeper),
                    args=[cst.Arg(inner, whitespace_after_arg=_newline(indent))])
