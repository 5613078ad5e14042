"""The fix advice's read-only walks agree with libcst's visitor on every fixture file.

`fixes/tree.py` replaced two libcst visits (a parent map, the names used under a node) that
rebuilt the whole tree for every finding of `check`. Here libcst's visitor is the reference.
"""

from __future__ import annotations

import libcst as cst
import pytest
from helpers import SOURCE_OF_EVERY_KIND as SOURCE
from helpers import sample_files

from taskleak.analysis.analyse import analyse
from taskleak.analysis.tree.walk import SKIP_FIELDS, children, parents
from taskleak.files.source import decode
from taskleak.fixes.context import FixContext, path_parents
from taskleak.fixes.tree import names_and_attributes

FIXTURES = sample_files()


class _ReferenceParents(cst.CSTVisitor):
    """libcst's parent of every node outside the whitespace and punctuation fields."""

    def __init__(self) -> None:
        super().__init__()
        self.parents: dict[int, cst.CSTNode] = {}
        self.stack: list[cst.CSTNode] = []
        self.attributes: list[str] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.attributes.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.attributes.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.attributes and (self.attributes[-1] in SKIP_FIELDS
                                or "whitespace" in self.attributes[-1]):
            return False
        if self.stack:
            self.parents[id(node)] = self.stack[-1]
        self.stack.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if self.stack and self.stack[-1] is original_node:
            self.stack.pop()


class _ReferenceNames(cst.CSTVisitor):
    """The visitor `FixContext` used before (names, attribute names, identifier strings)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attrs: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.attrs.add(node.attr.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str) and value.isidentifier():
            self.attrs.add(value)
            self.names.add(value)


def _modules() -> list[tuple[str, cst.Module]]:
    return [("scan_order", cst.parse_module(SOURCE))] + [
        (path.name, cst.parse_module(path.read_bytes())) for path in FIXTURES]


@pytest.mark.parametrize(("name", "module"), _modules())
def test_parents_and_names_match_libcst(name: str, module: cst.Module) -> None:
    reference = _ReferenceParents()
    module.visit(reference)
    found = parents(module)
    assert found.keys() == reference.parents.keys()
    assert all(found[k] is reference.parents[k] for k in found)

    for node in [module, *children(module)]:  # the module and each top-level statement
        expected = _ReferenceNames()
        node.visit(expected)
        assert names_and_attributes(node) == (expected.names, expected.attrs)


# The spawns' paths (the scan's walk) seed `FixContext.parent`; an awaited helper's call
# (`await start()`) has its `await` left out of its path. Escapes give strings names their text
# does not spell.
AWAITED = """import asyncio

async def start() -> asyncio.Task[None]:
    return asyncio.create_task(asyncio.sleep(1))

async def main() -> None:
    x = [await start() for _ in range(2)]
    await start()
    getattr(x, "\\x5fkept")
    getattr(x, "\\u005fkept2")
    getattr(x, "_\\
kept3")
    \uff4b\uff45\uff50\uff54 = 1
"""


def _texts() -> list[tuple[str, str]]:
    return [("scan_order", SOURCE), ("awaited", AWAITED), (
        "awaited_plain", AWAITED.split("    getattr")[0])] + [
        (path.name, decode(path.read_bytes())[0]) for path in FIXTURES]


@pytest.mark.parametrize(("name", "text"), _texts())
def test_the_shortcuts_of_a_fix_context_give_the_full_answers(name: str, text: str) -> None:
    """The parents seeded from the spawns' paths are the whole map's; a module's names asked
    one at a time (`ModuleNames`, mostly by the text) are the whole walk's."""
    module = cst.parse_module(text)
    analysis = analyse(module, (), text)
    full = parents(module)
    seeded = path_parents(module, [(*sp.site.path, sp.site.node) for sp in analysis.spawns])
    assert all(full[k] is v for k, v in seeded.items())
    ctx = FixContext(analysis)
    for sp in analysis.spawns:  # every node above a spawn, as a fix climbs to its statement
        node: cst.CSTNode | None = sp.site.node
        while node is not None:
            assert ctx.parent(node) is full.get(id(node))
            node = ctx.parent(node)
    written, _ = names_and_attributes(module)
    everything = written | set(analysis.root.bindings)
    names = ctx.module_names()
    if not any(c in text for c in ("\\x", "\\u", "\\\n")):
        assert all(n in text for n in everything)  # what lets the text answer
    asked = [*everything, "_keep_task", "_background_tasks", "_TaskT", "_kept", "x5fkept"]
    assert [n in names for n in asked] == [n in everything for n in asked]
    assert [ctx.written_in_module(n) for n in asked] == [n in written for n in asked]
    more = names | {"_keep_task_9"}
    assert [n in more for n in [*asked, "_keep_task_9"]] == [
        n in everything | {"_keep_task_9"} for n in [*asked, "_keep_task_9"]]
    assert set(names) == everything and len(more) == len(everything | {"_keep_task_9"})


def test_names_spelled_by_escapes_are_found() -> None:
    module = cst.parse_module(AWAITED)
    ctx = FixContext(analyse(module, (), AWAITED))
    assert {"_kept", "_kept2", "_kept3"} <= set(ctx.module_names())
    assert all(n in ctx.module_names() for n in ("_kept", "_kept2", "_kept3"))


def test_children_in_text_order() -> None:
    call = cst.parse_expression("f(a, *b, k=c)")
    assert [cst.Module([]).code_for_node(n) for n in children(call)] == [
        "f", "a, ", "*b, ", "k=c"]


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) > 20
