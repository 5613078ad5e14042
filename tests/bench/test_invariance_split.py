"""bench/invariance_split.py: the split transform over a real tree, one module at a time, with
the moved names imported back where the tree's other modules find them, and every row placed
back in the original module."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from helpers import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "invariance_split.py"
harness = load_script(SCRIPT, "invariance_split")

_SERVER = textwrap.dedent('''\
    """A server."""

    import asyncio

    from .util import log


    class Server:
        def __init__(self):
            self._tasks = set()

        async def serve(self):
            task = asyncio.create_task(work())
            self._tasks.add(task)


    async def work():
        log("working")
    ''')


def _tree(root: Path) -> Path:
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "util.py").write_text("def log(text):\n    print(text)\n")
    (root / "app" / "server.py").write_text(_SERVER)
    (root / "app" / "main.py").write_text("from .server import Server, work\n")
    return root


def test_parts_sit_beside_the_module_which_imports_every_moved_name_back(tmp_path: Path
                                                                          ) -> None:
    tree = _tree(tmp_path)
    variant = harness.split_module(tree, Path("app/server.py"))
    assert sorted(variant.files) == ["app/part_server.py", "app/part_work.py", "app/server.py"]
    main = variant.files["app/server.py"].text
    assert "from .part_server import Server" in main and "from .part_work import work" in main
    for text in (b.text for b in variant.files.values()):
        ast.parse(text)  # each file is still Python
    part = variant.files["app/part_server.py"].text
    assert "from .util import log" in part  # the module's own imports come along


def test_a_row_in_a_part_is_placed_back_on_its_line_in_the_module(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    variant = harness.split_module(tree, Path("app/server.py"))
    part = variant.files["app/part_server.py"].text
    line = next(i for i, text in enumerate(part.splitlines(), 1) if "create_task" in text)
    column = part.splitlines()[line - 1].index("asyncio") + 1
    original = next(i for i, text in enumerate(_SERVER.splitlines(), 1) if "create_task" in text)
    assert variant.origin("app/part_server.py", line, column) == (
        original, _SERVER.splitlines()[original - 1].index("asyncio") + 1)


def test_a_module_with_nothing_to_move_is_skipped(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    with pytest.raises(harness.Excluded):  # a module of imports alone
        harness.split_module(tree, Path("app/main.py"))
