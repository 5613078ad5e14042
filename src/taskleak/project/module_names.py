"""How what an import names maps to module files of the project: shared by the index (which
resolves names in the join) and the run (which finds the files a question needs)."""

from __future__ import annotations


def module_candidates(target: str) -> tuple[int, list[tuple[str, str, bool]]]:
    """How `target` (what an import names, dots and all) can be a module followed by a name in
    it: its level (leading dots) and, longest module first, (file suffix, the rest, whether the
    module has a name): "pkg.core.loop" -> 0, [("pkg/core/loop.py", "", True), ("pkg/core/loop/
    __init__.py", "", True), ("pkg/core.py", "loop", True), ...]."""
    level = len(target) - len(target.lstrip("."))
    parts = [p for p in target.lstrip(".").split(".") if p]
    out = []
    for cut in range(len(parts), -1, -1):
        module, rest = parts[:cut], ".".join(parts[cut:])
        for suffix in ("/".join(module) + ".py", "/".join([*module, "__init__.py"])):
            out.append((suffix, rest, bool(module)))
    return level, out
