"""The official SARIF 2.1.0 schema, read from ../shared beside the repository (never copied)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

SCHEMA_PATH = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def sarif_validator() -> jsonschema.protocols.Validator:
    """A validator of the schema's own draft (draft-04), with format checking on."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)
