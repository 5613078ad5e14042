"""fastparse: the same trees as libcst's parse_module, and libcst's checks back on afterwards."""

from __future__ import annotations

import gc
from pathlib import Path

import libcst as cst
import pytest
from helpers import REPO, sample_files

from taskleak.analysis.tree.parse import gc_paused, parse_module

ROOT = REPO
SOURCES = sorted([*sample_files(), *(ROOT / "src" / "taskleak").rglob("*.py")])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_tree_as_libcst(path: Path) -> None:
    data = path.read_bytes()
    fast, checked = parse_module(data), cst.parse_module(data)
    assert fast.deep_equals(checked)
    assert fast.bytes == data


def test_validation_is_back_after_a_parse() -> None:
    parse_module("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")


def test_validation_is_back_after_a_failed_parse() -> None:
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("def broken(:\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()
