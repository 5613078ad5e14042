"""The scanner's own walk visits nodes in libcst's visit order (the order of the source text).

`Scanner.walk` reads fields itself instead of using libcst's `visit` (which rebuilds every node);
the order of its `seq` numbers must still be the text order, so a read after a spawn in the text
is after it in the scan. libcst's order is the reference: this walks the same tree with a libcst
visitor that skips the same whitespace and punctuation fields and compares the two sequences.
"""

from __future__ import annotations

import libcst as cst

from taskleak.scan import _SKIP_FIELDS, Scanner

SOURCE = '''
import asyncio as aio
from . import x as y

@decorate(first)
@other
class Service(Base, metaclass=Meta):
    attr: int = 1

    @staticmethod
    def f[T](a, /, b: "int" = 2, *args: int, c=lambda q: q, **kw) -> Ret[a]:
        try:
            task = aio.create_task(work(b), name=f"{b!r:>{width}}")
        except (Error, Other) as exc:
            raise Wrapped(exc) from exc
        else:
            pass
        finally:
            del task
        match command:
            case [first, *rest] if guard(first):
                return rest[1:limit:step]
            case {"k": value, **others}:
                pass
        data = {k: v for k, v in items if k} | {*elements}
        return (yield) if cond else [await z async for z in gen(a)]


async def main() -> None:
    async with aio.TaskGroup() as tg, lock:
        tg.create_task(main(), name="n")
    while (n := next(it)) and not done:
        x = yield from g()
    global counter
    counter += 1
    assert n, "message"
'''


class _Recording(Scanner):
    def __init__(self) -> None:
        super().__init__()
        self.order: list[cst.CSTNode] = []

    def walk(self, node: cst.CSTNode) -> None:
        self.order.append(node)
        super().walk(node)


class _LibcstOrder(cst.CSTVisitor):
    """libcst's own pre-order, minus the fields the scanner leaves out (and what is below them),
    and below the nodes whose `visit_` returns False in the scanner (imports, global)."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[cst.CSTNode] = []
        self.attributes: list[str] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.attributes.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.attributes.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.attributes:
            field = self.attributes[-1]
            if field in _SKIP_FIELDS or "whitespace" in field:
                return False
        self.order.append(node)
        return not isinstance(node, (cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal))


def test_the_scanner_walks_in_libcst_visit_order() -> None:
    module = cst.parse_module(SOURCE)
    scanner = _Recording()
    scanner.walk(module)
    reference = _LibcstOrder()
    module.visit(reference)
    assert len(scanner.order) > 200
    assert [type(n).__name__ for n in scanner.order] == [
        type(n).__name__ for n in reference.order]
    assert all(a is b for a, b in zip(scanner.order, reference.order, strict=True))
