"""files/ is the bottom layer: it imports nothing from the layers above it, and the modules the
runtime pytest plugin uses need neither libcst nor click."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import taskleak.files

FILES = Path(taskleak.files.__file__).resolve().parent
# what a files/ module may import from taskleak: itself (__version__), files/, the settings,
# `record` (the dataclass decorator: the standard library only)
ALLOWED = {"taskleak", "taskleak.files", "taskleak.settings", "taskleak.records"}


def _taskleak_imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return {m for m in out if m == "taskleak" or m.startswith("taskleak.")}


def test_files_imports_nothing_from_the_layers_above() -> None:
    modules = sorted(FILES.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for module in _taskleak_imports(path):
            assert module in ALLOWED or module.startswith("taskleak.files."), (path.name, module)


PROBE = textwrap.dedent("""
    import sys
    for name in ("libcst", "click", "rich", "pathspec"):
        sys.modules[name] = None  # importing it now raises ImportError
    from pathlib import Path
    import taskleak.pytest_plugin
    from taskleak.files import atomic, cachedir, jsonfile, paths
    from taskleak.runtime import load_runtime_report, write_runtime_report
    from taskleak.runtime.report import RuntimeLeak
    report = Path(sys.argv[1]) / "out" / "runtime.json"
    write_runtime_report(report, [RuntimeLeak("/app.py", 3, "f", "work", "Task-1")])
    (leak,) = load_runtime_report(report)
    print("OK", leak.line, paths.relative_if_inside("/app.py", "/"))
""")


def test_the_runtime_needs_neither_libcst_nor_click(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["OK", "3", "app.py"]
