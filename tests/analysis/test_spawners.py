"""Configured spawners as objects (`spawners.make_spawner`, `parse_spawner`, `Spawner.spec`):
a table and its string form make the same spawner, and the short form gives it back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taskleak.analysis.facts.interface import Promise
from taskleak.analysis.obligations.spawners import KNOWN, make_spawner, parse_spawner

NAMES = [*KNOWN, "app.tasks.spawn", "spawn", "self._spawn"]


@given(st.sampled_from(NAMES), st.sampled_from([None, "", *(p.value for p in Promise)]),
       st.sampled_from([None, 0, 1, 3]))
def test_a_table_and_its_string_make_one_spawner_the_short_form_gives_back(
        name: str, promise: str | None, coroutine: int | None) -> None:
    made = make_spawner(name, promise, coroutine)
    written = name + (f":{promise or ''}" if promise is not None or coroutine is not None
                      else "") + (f":{coroutine}" if coroutine is not None else "")
    assert parse_spawner(written) == made
    assert parse_spawner(made.spec) == made


@pytest.mark.parametrize(("written", "spec"), [
    ("entry.async_create_task::1", "entry.async_create_task"),  # what KNOWN supplies is left out
    ("hass.async_create_task:keeps-and-cleans:0", "hass.async_create_task"),
    ("entry.async_create_task:returns", "entry.async_create_task:returns"),
    ("entry.async_create_task::0", "entry.async_create_task::0"),
    (" app.spawn : keeps-never-ends : 2 ", "app.spawn:keeps-never-ends:2"),
    ("app.spawn::0", "app.spawn::0"),
    ("app.spawn:", "app.spawn"),
])
def test_the_short_form(written: str, spec: str) -> None:
    assert parse_spawner(written).spec == spec


def test_a_known_helper_gets_its_promise_position_and_note() -> None:
    known = KNOWN["entry.async_create_task"]
    assert make_spawner("entry.async_create_task") == known
    assert make_spawner("entry.async_create_task", "returns").note == known.note


@pytest.mark.parametrize(("parts", "message"), [
    (("a..b",), "'a..b' is not a dotted name"),
    (("app.spawn", "keeps"), "'keeps' is not a promise"),
    (("app.spawn", None, -1), "the coroutine's position must be a number, not '-1'"),
    (("app.spawn", None, True), "the coroutine's position must be a number, not 'True'"),
])
def test_a_table_is_refused_as_its_string_form_is(parts: tuple[str, str | None, int],
                                                   message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_spawner(*parts)
