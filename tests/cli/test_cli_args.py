"""The command line's values are one typed record (`cli_args.CliArgs`): every option of
`check` and `fix` has its field, and every field an option."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from taskleak.cli import check, fix_command
from taskleak.cli_args import CliArgs

FIELDS = {f.name for f in dataclasses.fields(CliArgs)}


def _params(command: object) -> set[str]:
    import click

    assert isinstance(command, click.Command)
    return {p.name for p in command.params if p.name is not None and p.name != "paths"}


def test_every_option_has_a_field_and_every_field_an_option() -> None:
    assert _params(fix_command) <= FIELDS
    assert _params(check) == FIELDS  # check takes every option; fix, the shared ones


def test_the_record_is_built_from_clicks_names_and_frozen() -> None:
    args = CliArgs.from_params({"select": ("TL1,TL2", "TL9"), "fmt": "concise",
                                "baseline_file": Path("b.json")})
    assert args.fmt == "concise" and args.quiet is False
    overrides = args.overrides()
    assert overrides.select == ("TL1", "TL2", "TL9") and overrides.extend_select is None
    assert overrides.baseline == Path("b.json")
    with pytest.raises(dataclasses.FrozenInstanceError):
        args.quiet = True  # type: ignore[misc]


def test_a_parameter_without_a_field_is_a_bug_said_at_once() -> None:
    with pytest.raises(TypeError, match="without a field: show_everything"):
        CliArgs.from_params({"show_everything": True})
