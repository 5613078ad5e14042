"""files/toml.py: the one way configuration files are read where a bad one is no error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from taskleak.files.toml import load_toml, tool_table


def test_a_document_and_its_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.ruff]\nline-length = 79\n[tool.black]\n', encoding="utf-8")
    document = load_toml(path)
    assert tool_table(document, "ruff") == {"line-length": 79}
    assert tool_table(document, "black") == {}
    assert tool_table(document, "taskleak") is None and tool_table(None, "ruff") is None
    assert tool_table({"tool": {"ruff": "no table"}}, "ruff") is None


@pytest.mark.parametrize("text", [b"[tool.ruff\n", b"\xff\xfe = 1\n"], ids=["no TOML", "no UTF-8"])
def test_a_file_that_is_no_toml_is_none(tmp_path: Path, text: bytes) -> None:
    (tmp_path / "ruff.toml").write_bytes(text)
    assert load_toml(tmp_path / "ruff.toml") is None
    assert load_toml(tmp_path / "missing.toml") is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pyproject.toml")  # opening it to read would block
    assert load_toml(tmp_path / "pyproject.toml") is None
