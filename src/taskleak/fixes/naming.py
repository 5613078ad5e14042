"""Names that clash with nothing: a local for the hoisted Task, a set for the module or class."""

from __future__ import annotations

import keyword
from collections.abc import Collection, Iterator


def type_order(name: str) -> tuple[int, str]:
    """isort's and ruff's default order of imported names (order-by-type): CONSTANTS, then
    Classes, then functions and variables, each alphabetically."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def candidates(base: str) -> Iterator[str]:
    yield base
    for n in range(2, 1000):
        yield f"{base}_{n}"


def fresh_name(taken: Collection[str], base: str) -> str:
    """`base`, else `base_2`, `base_3` ... whichever is not in `taken`."""
    for name in candidates(base):
        if name not in taken and not keyword.iskeyword(name):
            return name
    raise ValueError(f"no free name for {base!r}")  # 1000 clashes: not a real module
