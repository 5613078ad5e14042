"""What the plugin reads of a pytest item and of its run: whether a test is an async one, what
its `taskleak_allow` marker allows, where the xdist workers wrote their reports."""

from __future__ import annotations

import glob
import inspect
from pathlib import Path

import pytest

from taskleak.pytest_settings import MARKER


def is_async_test(item: pytest.Item) -> bool:
    """An async test function, or any test of an IsolatedAsyncioTestCase."""
    if not isinstance(item, pytest.Function):
        return False
    if inspect.iscoroutinefunction(getattr(item, "obj", None)):
        return True
    import unittest

    cls = getattr(item, "cls", None)
    return isinstance(cls, type) and issubclass(cls, unittest.IsolatedAsyncioTestCase)


def worker_reports(report: Path) -> list[Path]:
    """The per-worker report files pytest-xdist workers wrote next to `report`."""
    return sorted(report.parent.glob(f"{glob.escape(report.name)}.gw*"))


def allowance(item: pytest.Function) -> tuple[tuple[str, ...], int] | None:
    """(extra ignore globs, max leaked) from the marker; None when the test is not checked."""
    marker = item.get_closest_marker(MARKER)
    if marker is None:
        return ((), 0)
    if not marker.args and not marker.kwargs:
        return None
    unknown = set(marker.kwargs) - {"max_leaked"}
    max_leaked = marker.kwargs.get("max_leaked", 0)
    bad_args = [a for a in marker.args if not isinstance(a, str)]
    if (
        unknown
        or bad_args
        or isinstance(max_leaked, bool)
        or not isinstance(max_leaked, int)
        or max_leaked < 0
    ):
        pytest.fail(
            f"{MARKER} takes glob strings and max_leaked=<int >= 0>; got "
            f"args={marker.args!r} kwargs={marker.kwargs!r}",
            pytrace=False,
        )
    return (tuple(marker.args), max_leaked)
