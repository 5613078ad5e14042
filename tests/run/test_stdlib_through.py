"""The through round (`run/stdlib_through.py`): a module importing the standard library's names
through a module of the run is analysed again with what they bind; the bindings follow a module
that re-exports them, are part of the file's cache key, and bind nothing for a name the module
defines itself."""

from __future__ import annotations

import os
from pathlib import Path

from taskleak.run.runner import RunStats
from taskleak.run.stdlib_through import through_key
from taskleak.session import Session, Source
from taskleak.settings import Settings

HUB = """\
from .compat import asyncio, weakref


class Hub:
    def __init__(self) -> None:
        self._watchers: weakref.WeakSet[asyncio.Task[None]] = weakref.WeakSet()

    def watch(self) -> None:
        task = asyncio.create_task(self._watch())
        self._watchers.add(task)

    async def _watch(self) -> None:
        await asyncio.sleep(1)
"""
STDLIB = "import asyncio\nimport weakref\n"
# the same names, but `weakref` one of the module's own: a strong set, not weakref's
OWN = "import asyncio\n\n\nclass weakref:\n    WeakSet = set\n"


def _project(tmp_path: Path, compat: str, hub_from: str = ".compat") -> Path:
    root = tmp_path / "project"
    pkg = root / "relay"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "compat.py").write_text(compat)
    (pkg / "api.py").write_text("from .compat import asyncio, weakref\n")
    (pkg / "hub.py").write_text(HUB.replace(".compat", hub_from))
    for path in pkg.iterdir():  # older than the run: the cache trusts their stats
        os.utime(path, (1_600_000_000, 1_600_000_000))
    return root


def _rows(root: Path, cache_dir: Path | None) -> list[tuple[int, str, str]]:
    session = Session(Source((root,)), Settings(), jobs=1, cache_dir=cache_dir,
                      stats=RunStats())
    result = session.analyse()
    return [(f.line, f.rule, f.risk) for f in result.findings]


def test_names_through_a_module_are_read_as_imported_in_place(tmp_path: Path) -> None:
    rows = _rows(_project(tmp_path, STDLIB), None)
    assert rows == [(9, "TL101", "high")]  # held only by weakref's WeakSet


def test_a_module_that_re_exports_them_is_followed(tmp_path: Path) -> None:
    assert _rows(_project(tmp_path, STDLIB, hub_from=".api"), None) == [(9, "TL101", "high")]


def test_a_name_the_module_defines_itself_binds_nothing_new(tmp_path: Path) -> None:
    rows = _rows(_project(tmp_path, OWN), None)
    assert rows and all(rule != "TL101" for _, rule, _ in rows)


def test_the_bindings_are_part_of_the_cache_key(tmp_path: Path) -> None:
    root = _project(tmp_path, STDLIB)
    cache_dir = tmp_path / "cache"
    assert _rows(root, cache_dir) == [(9, "TL101", "high")]
    assert _rows(root, cache_dir) == [(9, "TL101", "high")]  # warm, the same
    (root / "relay" / "compat.py").write_text(OWN)  # hub.py unchanged: its bindings are not
    os.utime(root / "relay" / "compat.py", (1_600_000_100, 1_600_000_100))
    warm = _rows(root, cache_dir)
    assert warm == _rows(root, None)
    assert all(rule != "TL101" for _, rule, _ in warm)


def test_the_key_names_the_bindings() -> None:
    assert through_key(()) == ""
    one = through_key(((".compat.asyncio", "asyncio"),))
    assert one.startswith("through:")
    assert one != through_key(((".compat.asyncio", "asyncio"), (".compat.weakref", "weakref")))
