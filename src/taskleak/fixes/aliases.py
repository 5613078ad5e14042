"""Names added to an existing `from X import a, b`: in sorted place when the list is sorted
(isort's and ruff's order), and the import kept within the line length: one name a line, as
black writes an import too long for its line."""

from __future__ import annotations

import libcst as cst

from taskleak.fixes.naming import type_order
from taskleak.fixes.wrapping import indent_unit


def _alias_name(alias: cst.ImportAlias) -> str:
    name = alias.name
    return name.value if isinstance(name, cst.Name) else ""


def _alphabetical(name: str) -> tuple[int, str]:
    return 0, name.lower()


def add_alias(node: cst.ImportFrom, aliases: list[cst.ImportAlias],
               name: str) -> list[cst.ImportAlias]:
    """Add `name` to an import list, in sorted place when the list is sorted."""
    names = [_alias_name(a) for a in aliases]
    if name in names:
        return aliases
    index = len(names)  # unsorted: at the end
    for order in (type_order, _alphabetical):  # isort and ruff sort by type by default
        if names == sorted(names, key=order):
            index = next((i for i, n in enumerate(names) if order(n) > order(name)),
                         len(names))
            break
    # the separator between two names, as this import writes it (', ' or a newline + indent)
    sep = next((a.comma for a in aliases[:-1] if isinstance(a.comma, cst.Comma)), None)
    if sep is None:
        lpar = node.lpar
        if lpar is not None and isinstance(lpar.whitespace_after, cst.ParenthesizedWhitespace):
            sep = cst.Comma(whitespace_after=lpar.whitespace_after)
        else:
            sep = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    new = cst.ImportAlias(name=cst.Name(name))
    if index < len(aliases):
        return [*aliases[:index], new.with_changes(comma=sep), *aliases[index:]]
    last = aliases[-1]
    return [*aliases[:-1], last.with_changes(comma=sep), new.with_changes(comma=last.comma)]


def fitted_import(module: cst.Module, node: cst.ImportFrom, depth: int,
                  limit: int) -> cst.ImportFrom:
    """An import a fix added names to, one name a line when it no longer fits."""
    if node.lpar is not None:
        return node
    unit = indent_unit(module)
    width = len((unit * depth + module.code_for_node(node)).expandtabs(len(unit)))
    return node if width <= limit else one_name_a_line(node, unit)


def one_name_a_line(node: cst.ImportFrom, unit: str) -> cst.ImportFrom:
    """`from x import (` and one name a line with a trailing comma, as black writes an import
    too long for its line."""
    def broken(last_line: str) -> cst.ParenthesizedWhitespace:
        return cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=True,
                                           last_line=cst.SimpleWhitespace(last_line))

    assert not isinstance(node.names, cst.ImportStar)
    aliases = list(node.names)
    names = [a.with_changes(comma=cst.Comma(whitespace_after=broken(unit)))
             for a in aliases[:-1]]
    names.append(aliases[-1].with_changes(comma=cst.Comma(whitespace_after=broken(""))))
    return node.with_changes(names=names, lpar=cst.LeftParen(whitespace_after=broken(unit)),
                             rpar=cst.RightParen())
