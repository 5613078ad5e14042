"""The command line's typed options record: every option of `check` and `fix` has a field."""

from __future__ import annotations

from dataclasses import fields

import pytest

from taskleak.cli import main
from taskleak.cli_args import CliArgs


@pytest.mark.parametrize("command", ["check", "fix"])
def test_every_option_has_a_field(command: str) -> None:
    names = {p.name for p in main.commands[command].params if p.name != "paths"}  # type: ignore[attr-defined]
    assert names <= {f.name for f in fields(CliArgs)}


def test_an_option_with_no_field_is_refused_at_once() -> None:
    with pytest.raises(TypeError, match="no field in CliArgs: new_flag"):
        CliArgs.from_click({"quiet": True, "new_flag": 1})
    assert CliArgs.from_click({"quiet": True}).quiet
