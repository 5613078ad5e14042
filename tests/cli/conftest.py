"""The command-line tests' shared project folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def project(request: pytest.FixtureRequest, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding the files the test module lists in `PROJECT` (path -> text; none when
    it lists none), made the current folder, with no report format from the environment."""
    for name, text in getattr(request.module, "PROJECT", {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TASKLEAK_OUTPUT_FORMAT", raising=False)
    return tmp_path
