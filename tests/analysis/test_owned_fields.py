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
    # its callers' hands, with the attribute let go of in the same method
    "try:\n            return self._lane\n        finally:\n            self._lane = None",
])
def test_an_object_put_where_calls_are_not_followed_is_shared(use: str) -> None:
    assert _owned(use).shared


@pytest.mark.parametrize("use", [
    "self._lane.start()",  # a call on it
    "print(self._lane)",  # passed to a call: borrowed
    "lane = self._lane\n        lane.start()",  # an alias holding only it
    "value = self._lane.get(1)",  # an element read from it, not the object
    "name = self._lane.name",  # an attribute of it
    "return self._lane",  # a getter: the owner keeps what it hands out
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


MIXIN = """
class Handover:
    def detach(self):
        try:
            return self._lane
        finally:
            self._lane = None

    def peek(self):
        return self._other
"""


def test_a_mixin_that_hands_over_what_another_class_makes_says_so() -> None:
    # (the join reads it with the class that makes `_lane`: `project/owner_paths.py`); a
    # getter of another attribute lends it and makes no record
    root = scan(cst.parse_module(MIXIN))
    (field,) = owned_fields(root, Resolver(root))
    assert (field.owner, field.attr, field.made, field.shared) == ("Handover", "_lane", "", True)
