"""`taskleak.records.record` behaves as `dataclasses.dataclass` with the same options (it is a
speed trick, see its module): each shape below is made both ways and used the same way."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

from taskleak.records import record

Maker = Callable[..., Any]


def _shapes(make: Maker) -> dict[str, Any]:
    @make(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()
        note: str = dataclasses.field(default="", compare=False, repr=False)

    @make(frozen=True)
    class Point3(Point):
        z: int = 0

    @make
    class Box:
        made: ClassVar[int] = 0  # not a field
        items: list[int] = dataclasses.field(default_factory=list)
        label: str = "box"
        seen: list[int] = dataclasses.field(init=False, default_factory=list)
        size: int = dataclasses.field(init=False, default=3)

        def __post_init__(self) -> None:
            self.label = self.label.upper()

    @make(eq=False)
    class Handle:
        name: str

    @make(frozen=True, kw_only=True)
    class Options:
        fast: bool = False
        depth: int = 1

    @make(frozen=True)
    class Hashed:
        value: int

        def __hash__(self) -> int:
            return 7

    return {"Point": Point, "Point3": Point3, "Box": Box, "Handle": Handle,
            "Options": Options, "Hashed": Hashed}


def _behaviour(make: Maker) -> list[Any]:
    """Everything observable about the shapes, as plain values."""
    s = _shapes(make)
    Point, Point3, Box, Handle, Options, Hashed = (
        s["Point"], s["Point3"], s["Box"], s["Handle"], s["Options"], s["Hashed"])
    p, q = Point(1, 2, ("a",), note="n"), Point(1, y=2, tags=("a",), note="other")
    out: list[Any] = [
        repr(p), p == q, p != Point(2), hash(p) == hash(q), p == (1, 2), p.__eq__(object()),
        repr(Point3(1, z=3)), Point3(1) == Point(1), Point3(1, z=3) == Point3(1, z=4),
        repr(dataclasses.replace(p, y=5)), dataclasses.asdict(p),
        [f.name for f in dataclasses.fields(Point3)], Point3.__match_args__,
        repr(Box()), Box([1]) == Box([1]), Box.__hash__ is None, Box([1]).label,
        Box().items is not Box().items, Box().seen is not Box().seen, Box.made,
        [f.name for f in dataclasses.fields(Box)], Box.__match_args__,
        Handle("a") == Handle("a"), hash(Handle("a")) != 0,
        repr(Options(depth=2)), Options(depth=2) == Options(depth=2),
        hash(Hashed(1)),
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.x
    with pytest.raises(TypeError):
        Options(True)  # keyword-only
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        {Box()}  # unhashable
    with pytest.raises(TypeError):
        Box([1], "b", [2])  # `seen` is not an argument
    with pytest.raises(ValueError, match="mutable default"):
        @make
        class Shared:
            items: list[int] = []  # noqa: RUF012 - the mistake dataclass refuses
    with pytest.raises(TypeError, match="non-default argument"):
        @make
        class Order:
            a: int = 0
            b: int
    return out


def test_a_record_behaves_as_a_dataclass() -> None:
    assert _behaviour(record) == _behaviour(dataclasses.dataclass)


def test_a_record_is_a_dataclass_to_the_standard_library() -> None:
    @record(frozen=True)
    class Pair:
        a: int
        b: str = "b"

    assert dataclasses.astuple(Pair(1)) == (1, "b")
    assert dataclasses.is_dataclass(Pair(1))

    @record(frozen=True)
    class Other:
        x: int

    # the speed: repr, eq, hash and the frozen setattr and delattr are the shared ones, not
    # methods compiled for each class
    for method in ("__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(Pair, method).__code__ is getattr(Other, method).__code__
