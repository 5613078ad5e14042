"""One keep-helper per package: the module `taskleak fix` writes it in, and its code.

A file inside a package (a folder with `__init__.py`) has its tracked-set fixes call
`keep_task()` from one module of its top-level package, `<package>/_background_tasks.py` (or
the module `helper-module` names in `[tool.taskleak]`), imported where needed, instead of a
set and a helper pasted into every module (a test module's fixes use one beside the tests,
`tornado/test/_background_tasks.py`, or a helper in the module itself outside a tests package:
fixing a test never adds a module to the package it tests):

    from opsdroid._background_tasks import keep_task
    ...
        keep_task(asyncio.ensure_future(self.reload()))

A folder without `__init__.py` inside a package is a namespace sub-package of it (discord.py's
`discord/ext`, imported as `discord.ext.commands`): its modules use the helper of the package
around it, `discord/_background_tasks.py`, imported absolutely unless the module's own relative
imports already climb that far (`top_package`).

The module is written once, by the first `taskleak fix` that needs it (its own file: nothing
else of the package is imported by it, so it adds no import cycle); later runs import it. A
module of that name that does not define such a `keep_task` is never touched: the fixes then
write a helper in each module, as for a file outside any package (and as `helper-module = ""`
asks). Its code runs on every Python the package may meet: on the oldest one the project
declares (below 3.9 `from __future__ import annotations` and a quoted `TypeVar` bound,
nothing subscripted that runs there), else on 3.7 and up, no syntax newer; it fits the line
length and uses the formatter's quotes. Its tasks are kept per loop and a closed loop's are
let go (a closed loop runs no more done-callbacks).

Plain text and no libcst: the fix policy asks it on warm runs.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from taskleak.files.packages import outermost_package
from taskleak.fixes.python_floor import SUBSCRIPTABLE_SINCE, Version, runtime_type_for
from taskleak.fixes.style import requote, wrap
from taskleak.records import record

# the oldest Python the module is written for when the project declares none: the oldest an
# asyncio project may still support (aiorun, aiocache declare 3.7)
HELPER_FLOOR: Version = (3, 7)
DEFAULT_MODULE = "_background_tasks"  # in the top-level package
TEST_FOLDERS = frozenset({"test", "tests"})  # not `testing`: often a shipped public module
FUNCTION = "keep_task"
# a module that defines our helper: `def keep_task(task...` that adds a done-callback
_DEFINES = re.compile(rf"^def {FUNCTION}\(\s*\w+\b", re.MULTILINE)
# a folder holding one of these is a project's, never a namespace sub-package of a package
# above it (a stray `__init__.py` beside pyproject.toml, over `src/app`)
PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg", ".git")


@record(frozen=True)
class PackageHelper:
    module: str  # "opsdroid._background_tasks"
    path: Path  # where the module is, or will be
    missing: bool  # the module does not exist yet: `fix` writes it
    package: str = ""  # the fixed file's package, as imported: "discord.ext.commands"
    # between that package and the module's is a folder without `__init__.py` (discord/ext)
    namespace: bool = False

    @property
    def function(self) -> str:
        """The helper's dotted name, as `keep-helper` would name it."""
        return f"{self.module}.{FUNCTION}"


def top_package(folder: Path) -> Path | None:
    """The top-level package holding `folder`: its outermost package, and on up through a
    folder without `__init__.py` inside a package (discord.py's `discord/ext`, between
    `discord` and `discord/ext/commands`: a namespace sub-package, imported as
    `discord.ext.commands`), never into a project's own folder; None when `folder` is no
    package."""
    top = outermost_package(folder)
    while top is not None:
        gap = top.parent
        above = outermost_package(gap.parent) \
            if gap.parent != gap and gap.name.isidentifier() else None
        if above is None or any((above / name).exists() for name in PROJECT_FILES):
            break
        top = above
    return top


def _module_path(root: Path, module: str) -> Path | None:
    """`root/app/tasks.py` for "app.tasks", when `root/app` is a package; None otherwise."""
    *packages, name = module.split(".")
    folder = root.joinpath(*packages)
    if not packages or not all((root.joinpath(*packages[:i + 1]) / "__init__.py").is_file()
                               for i in range(len(packages))):
        return None
    package = folder / name / "__init__.py"
    return package if package.is_file() else folder / f"{name}.py"


def defines_helper(text: str) -> bool:
    """`text` defines a `keep_task(task)` that keeps its task until it is done."""
    return _DEFINES.search(text) is not None and ".add_done_callback(" in text


def _is_test(file: Path, root: Path) -> bool:
    """pytest's and unittest's test modules, their fixtures, and anything in a tests folder
    of the package (below `root`, where `import` finds it)."""
    return file.name.startswith("test_") or file.stem.endswith("_test") \
        or file.name == "conftest.py" \
        or bool(TEST_FOLDERS.intersection(file.parent.relative_to(root).parts))


def _tests_package(file: Path, top: Path) -> Path | None:
    """The outermost package named like a tests folder between `top` and `file`."""
    for folder in reversed((file.parent, *file.parent.parents)):
        if folder.is_relative_to(top) and folder.name in TEST_FOLDERS:
            return folder
    return None


def package_helper(file: Path, configured: str = DEFAULT_MODULE) -> PackageHelper | None:
    """The package keep-helper for fixes of `file` (an absolute path), or None: a helper in
    the module itself (outside any package, `helper-module = ""`, a module of that name that
    defines no such helper, `file` is that module, or a test module outside a tests package).
    `configured`: a dotted module name, or a name without a dot for that module of the file's
    top-level package (of its tests package, for a test module: the fix of a test never adds
    a module to the package it tests)."""
    top = top_package(file.parent)
    if top is None or not configured:
        return None
    home = top
    if _is_test(file, top.parent):
        tests = _tests_package(file, top)
        if tests is None:
            return None
        home = tests
    prefix = ".".join(home.relative_to(top.parent).parts)
    module = configured if "." in configured else f"{prefix}.{configured}"
    path = _module_path(top.parent, module)
    if path is None or path == file:
        return None
    package = ".".join(file.parent.relative_to(top.parent).parts)
    # the file's own chain of packages stops below the top: its import of the module climbs
    # out of a namespace sub-package
    namespace = outermost_package(file.parent) != top
    if not path.exists():
        if home != top and not path.is_relative_to(home):
            return None  # a configured module the package does not have: not for a test
        return PackageHelper(module, path, missing=True, package=package, namespace=namespace)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return PackageHelper(module, path, missing=False, package=package,
                         namespace=namespace) if defines_helper(text) else None


DOCSTRING = ("Keep background tasks until they are done (written by `taskleak fix`).",
             "The event loop holds only a weak reference to a task: one that nobody else "
             "holds can be destroyed by the garbage collector before it is done. Each loop's "
             "tasks are kept apart and let go once that loop is closed, so a test suite that "
             "makes a loop per test keeps none of them for the life of the process.")


def module_text(target: Version | None, line_length: int, quote: str = '"') -> str:
    """The helper module's code, for Python `target` and up (None: not declared), within
    `line_length`, its strings in `quote` (the docstrings in double quotes, as ruff's
    formatter leaves them)."""
    target = target or HELPER_FLOOR
    element = "asyncio.Future[Any]"  # a Task is a Future: both are kept
    # below 3.9 the annotation is never evaluated (PEP 563) and the TypeVar's bound is a
    # string: typing's `Dict`/`Set` would run too, but ruff's FA100 asks for this instead
    # (discord.py 2.7.1, ruff 0.17.6)
    future = [] if target >= SUBSCRIPTABLE_SINCE else ["from __future__ import annotations", ""]
    width = max(line_length, 40)  # the prose: a narrower page makes no sense
    code = [
        *textwrap.fill('"""' + DOCSTRING[0], width).split("\n"),
        "", *textwrap.fill(DOCSTRING[1], width).split("\n"), '"""',
        "",
        *future,
        "import asyncio",
        "from typing import Any, TypeVar",
        "",
        f"_background_tasks: dict[asyncio.AbstractEventLoop, set[{element}]] = {{}}",
        f'_TaskT = TypeVar("_TaskT", bound={runtime_type_for(target, element)})',
        "",
        "",
        f"def {FUNCTION}(task: _TaskT) -> _TaskT:",
        '    """Keep the task until it is done, and return it."""',
        # a closed loop runs no more done-callbacks: its tasks would stay for good
        "    for loop in list(_background_tasks):",
        "        if loop.is_closed():",
        "            _background_tasks.pop(loop, None)",
        "    kept = _background_tasks.setdefault(task.get_loop(), set())",
        "    kept.add(task)",
        "    task.add_done_callback(kept.discard)",
        "    return task",
    ]
    lines: list[str] = []
    for line in code:
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        lines += wrap(stripped, depth, indent="    ", limit=line_length) if stripped else [""]
    return requote("\n".join(lines), quote) + "\n"
