"""Types the fixes write, as the oldest Python the project supports evaluates them.

Python evaluates a module-level or parameter annotation when the code runs, unless the module
has `from __future__ import annotations`, and a `TypeVar`'s bound always: below 3.9, `set[...]`
and `asyncio.Task[...]` fail there ("'type' object is not subscriptable"). For such a target the
fixes write them as strings (`_background_tasks: "set[asyncio.Task[Any]]" = set()`,
`bound="asyncio.Task[Any]"`), which no Python evaluates and every type checker reads. The
decision is the target's alone (`project_style.runtime_type_for`): the package keep-helper
module's text, written without a parsed module, asks it too.
"""

from __future__ import annotations

import libcst as cst

from taskleak.fixes.context import FixContext
from taskleak.fixes.python_floor import runtime_type_for


def _deferred(module: cst.Module) -> bool:
    """The module has `from __future__ import annotations`."""
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.ImportFrom) and isinstance(small.module, cst.Name) \
                    and small.module.value == "__future__" \
                    and not isinstance(small.names, cst.ImportStar) \
                    and any(isinstance(a.name, cst.Name) and a.name.value == "annotations"
                            for a in small.names):
                return True
    return False


def runtime_type(ctx: FixContext, text: str) -> str:
    """`text`, a type the code evaluates as it runs (a TypeVar's bound), for the target."""
    return runtime_type_for(ctx.style.target, text)


def annotation(ctx: FixContext, text: str) -> str:
    """`text` as an annotation the target evaluates only where it can."""
    key = "annotations-deferred"
    deferred = ctx.memo.get(key)
    if deferred is None:
        deferred = ctx.memo[key] = _deferred(ctx.module)
    return text if deferred else runtime_type(ctx, text)
