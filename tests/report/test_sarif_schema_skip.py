"""Without the SARIF schema the validation tests skip saying what to set, not naming a folder
outside the clone."""

from __future__ import annotations

from pathlib import Path

import pytest
import sarif_schema


def test_the_skip_reason_says_what_to_set(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.delenv("TASKLEAK_SARIF_SCHEMA", raising=False)
    monkeypatch.setattr(sarif_schema, "SHARED_PATH", tmp_path / "missing.json")
    with pytest.raises(pytest.skip.Exception) as skipped:
        sarif_schema.schema_path()
    assert str(skipped.value) == (
        "the official SARIF 2.1.0 schema is not here: download https://docs.oasis-open.org/"
        "sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json and set "
        "TASKLEAK_SARIF_SCHEMA to the file's path")
