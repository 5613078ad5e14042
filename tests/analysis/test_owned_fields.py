"""What a class keeps of the objects it makes (`summaries/owned_fields.py`): whether it shares
one, putting it where calls on it are not followed (`OwnedField.shared`), which makes its close
no claim that the object's end is never reached (`project/owner_paths.py`)."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from taskleak.analysis.facts.calls import OwnedField
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.summaries.owned_fields import owned_fields
from taskleak.analysis.tree.scan import scan

PROGRAM = """
class Lane:
    pass


class Owner:
    def __init__(self, lanes):
        self._lane = Lane()

    def use(self):
        {use}

    async def close(self):
        pass
"""


def _owned(use: str) -> OwnedField:
    root = scan(cst.parse_module(textwrap.dedent(PROGRAM.format(use=use))))
    (field,) = owned_fields(root, Resolver(root))
    return field


@pytest.mark.parametrize("use", [
    "chain = [self._lane, 1]",  # a list it builds
    "self._all.append(self._lane)",  # a collection
    "self._first = self._lane",  # another attribute
    "return self._lane",  # its callers' hands
])
def test_an_object_put_where_calls_are_not_followed_is_shared(use: str) -> None:
    assert _owned(use).shared


@pytest.mark.parametrize("use", [
    "self._lane.start()",  # a call on it
    "print(self._lane)",  # passed to a call: borrowed
    "lane = self._lane\n        lane.start()",  # an alias holding only it
    "value = self._lane.get(1)",  # an element read from it, not the object
    "name = self._lane.name",  # an attribute of it
])
def test_an_object_used_in_place_is_not_shared(use: str) -> None:
    assert not _owned(use).shared


@pytest.mark.parametrize("field", [
    OwnedField("Owner", "_lane", "Lane", ("close",), (), (), True),
    OwnedField("Owner", "_lane", "Lane", ("close",), ("stop",), (("stop", ("start",)),), True),
    OwnedField("Owner", "_lane", "Lane", ("close",), ("stop",), (("stop", ("start",)),)),
    OwnedField("Owner", "_lane", "Lane", ("close",)),
])
def test_an_owned_field_survives_its_json(field: OwnedField) -> None:
    assert OwnedField.from_json(field.to_json()) == field
