"""The package helper's import goes where the project's isort (ruff's `I` rules) puts it: in
its section, sorted; relative in a module whose own imports are relative; never after module
code (E402). Each fixed module is checked by the real ruff under the project's configuration.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import fix_paths

from taskleak.fixes.import_sections import relative_module
from taskleak.settings import Settings

RUFF_CONFIG = """\
[tool.ruff]
line-length = 100
[tool.ruff.lint]
select = ["I", "E402", "F401"]
[tool.ruff.lint.isort]
known-first-party = ["app"]
"""
LEAK = """

async def work() -> None:
    await asyncio.sleep(0)


async def start() -> None:
    asyncio.create_task(work())
"""


def _ruff() -> str:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed: pip install ruff (in the test extras)")
    return ruff


def _fixed(tmp_path: Path, head: str, name: str = "app/net/worker.py",
           config: str = RUFF_CONFIG) -> str:
    """The module `name` (its imports `head`, then a dropped task) fixed in a package `app`;
    ruff, configured as the project is, finds nothing in it."""
    (tmp_path / "pyproject.toml").write_text(config)
    for package in ("app", "app/net", "app/util"):
        (tmp_path / package).mkdir(exist_ok=True)
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "app" / "config.py").write_text("VALUE = 1\n")
    (tmp_path / "app" / "util" / "clock.py").write_text("NOW = 0\n")
    module = tmp_path / name
    module.write_text(textwrap.dedent(head) + LEAK)
    run = fix_paths([tmp_path], Settings())
    assert len(run.changed_files) == 1
    fixed = module.read_text()
    assert "keep_task(asyncio.create_task(work()))" in fixed
    lint = subprocess.run([_ruff(), "check", "--no-cache", "--quiet", str(module)],
                          cwd=tmp_path, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + fixed
    return fixed


def _imports(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("import ", "from "))
            or not line]


def test_the_import_goes_in_its_isort_section_sorted(tmp_path: Path) -> None:
    fixed = _fixed(tmp_path, """\
        import asyncio
        import os

        import click

        from app import util
        from app.config import VALUE
        from app.util.clock import NOW

        __all__ = ["VALUE", "NOW", "util", "click", "os"]
    """)
    assert fixed.startswith(
        "import asyncio\nimport os\n\nimport click\n\n"
        "from app import util\nfrom app._background_tasks import keep_task\n"
        "from app.config import VALUE\n")


def test_isort_force_sort_within_sections_is_kept(tmp_path: Path) -> None:
    config = RUFF_CONFIG + "force-sort-within-sections = true\n"
    fixed = _fixed(tmp_path, """\
        import asyncio
        import os

        from app.config import VALUE
        import app.util
        from app.util.clock import NOW

        __all__ = ["VALUE", "NOW", "app", "os"]
    """, config=config)
    assert "from app._background_tasks import keep_task\nfrom app.config import VALUE\n" \
        in fixed


def test_a_module_without_the_section_gets_a_run_of_its_own(tmp_path: Path) -> None:
    fixed = _fixed(tmp_path, """\
        import asyncio

        import click

        __all__ = ["click"]
    """)
    assert fixed.startswith("import asyncio\n\nimport click\n\n"
                            "from app._background_tasks import keep_task\n\n__all__")


def test_a_module_that_imports_its_package_relatively_gets_a_relative_import(
        tmp_path: Path) -> None:
    fixed = _fixed(tmp_path, """\
        import asyncio

        try:
            import click
        except ImportError:
            click = None

        from .. import config
        from ..util import clock

        __all__ = ["config", "clock", "click"]
    """)
    assert "from .. import config\nfrom .._background_tasks import keep_task\n" \
        "from ..util import clock\n" in fixed
    assert "from app._background_tasks" not in fixed


def test_the_import_never_goes_after_module_code(tmp_path: Path) -> None:
    """slixmpp's coroutine_callback.py: module code, then an `if TYPE_CHECKING:` import."""
    fixed = _fixed(tmp_path, """\
        from __future__ import annotations

        import asyncio
        from typing import TYPE_CHECKING, Callable

        from app.config import VALUE

        Handler = Callable[[int], None]

        if TYPE_CHECKING:
            from app.util.clock import NOW

        __all__ = ["VALUE", "Handler", "NOW"]
    """)
    head = fixed.split("Handler = ")[0]
    assert "from app._background_tasks import keep_task\nfrom app.config import VALUE\n" \
        in head


@pytest.mark.parametrize(("package", "module", "expected"), [
    ("app.net", "app._background_tasks", ".._background_tasks"),
    ("app", "app._background_tasks", "._background_tasks"),
    ("app.test", "app.test._background_tasks", "._background_tasks"),
])
def test_a_relative_module_name(package: str, module: str, expected: str) -> None:
    assert relative_module(package, module) == expected
