"""A spawn helper called by the name of a module that re-exports it (`run/reexported_helpers.py`):
the caller is given the helper under that name, and a module imported as a module is read only
when the caller calls a helper's name through an attribute (the speed trick's guard)."""

from __future__ import annotations

from pathlib import Path

from taskleak.analysis.obligations.spawners import Spawner
from taskleak.run.reexported_helpers import Reexports, read_imports


def _package(tmp_path: Path) -> list[str]:
    pkg = tmp_path / "pkg"
    pkg.mkdir(exist_ok=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "part.py").write_text(
        "import asyncio\n\n\ndef start(coro):\n    return asyncio.ensure_future(coro)\n")
    (pkg / "tasks.py").write_text("from .part import start\n")
    (pkg / "plain.py").write_text("def start(coro):\n    return coro\n")
    return [str(p) for p in sorted(pkg.glob("*.py"))]


HELPER = Spawner("pkg.part.start", project=True)


def test_a_name_imported_from_a_re_exporting_module_is_the_helper(tmp_path: Path) -> None:
    paths = _package(tmp_path)
    found = Reexports(paths, [HELPER]).of({"pkg.tasks.start"}, [HELPER])
    assert [h.name for h in found] == ["pkg.tasks.start"]
    # the near miss: a module defining its own `start` re-exports nothing
    assert Reexports(paths, [HELPER]).of({"pkg.plain.start"}, [HELPER]) == []


def test_a_module_imported_as_a_module_is_read_only_when_called_through(tmp_path: Path) -> None:
    paths = _package(tmp_path)
    calls = b"from pkg import tasks\n\ntasks.start(work())\n"
    found = Reexports(paths, [HELPER]).of(read_imports(calls, str(tmp_path / "user.py")),
                                           [HELPER], calls)
    assert "pkg.tasks.start" in [h.name for h in found]
    quiet = b"from pkg import tasks\n\nprint(tasks)\n"
    reexports = Reexports(paths, [HELPER])
    assert reexports.of(read_imports(quiet, str(tmp_path / "user.py")), [HELPER], quiet) == []
    assert "pkg.tasks" not in reexports._found  # not read
