"""The official SARIF 2.1.0 schema, read from outside the repository (never copied into it).

Where: `$TASKLEAK_SARIF_SCHEMA` if set, else `../shared/schemas/sarif-schema-2.1.0.json` beside
the repository if it exists; with neither, the schema-validation tests skip (a fresh clone has
no `../shared`). The structural SARIF tests do not need the schema and always run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import REPO

ENV_VAR = "TASKLEAK_SARIF_SCHEMA"
SHARED_PATH = (
    REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


SCHEMA_URL = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
SKIP_REASON = (f"the official SARIF 2.1.0 schema is not here: download {SCHEMA_URL} and set "
               f"{ENV_VAR} to the file's path")


def schema_path() -> Path:
    """Where the schema is; skips the calling test when it is nowhere."""
    given = os.environ.get(ENV_VAR)
    if given:
        path = Path(given)
        if not path.is_file():  # asked for explicitly: a typo must not turn into a skip
            pytest.fail(f"${ENV_VAR} is {given}, which is not a file")
        return path
    if SHARED_PATH.is_file():
        return SHARED_PATH
    pytest.skip(SKIP_REASON)


def sarif_schema() -> Any:
    """The schema document (skips the calling test when it is not available)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


def sarif_validator() -> jsonschema.protocols.Validator:
    """A validator of the schema's own draft (draft-04), with format checking on."""
    schema = sarif_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)
