"""Fixtures of the files/ tests."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import FrameType

import pytest

HANG_SECONDS = 30  # a bound against hanging, far above what any of these tests takes


class Hung(Exception):
    pass


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail the test, instead of blocking the suite, when it waits for more than HANG_SECONDS
    (a blocking `open` of a FIFO is interrupted by the alarm). A bound, not a timing."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still waiting after {HANG_SECONDS} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
