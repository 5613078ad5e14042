"""`record`: `dataclasses.dataclass` for taskleak's own classes, made cheaper to define.

Speed trick (one place): on Python 3.11 and 3.12, `dataclass` compiles each method it writes
(`__init__`, `__repr__`, `__eq__`, `__hash__`, and for a frozen class `__setattr__` and
`__delattr__`) with its own `exec`, 0.2 to 0.8 ms a class, and reads every annotation for
`ClassVar`s with regular expressions. `record` makes the same class itself: the fields as
`dataclasses.Field`s (so `fields`, `replace`, `asdict` and `is_dataclass` work as on a
dataclass), one compiled method per class (`__init__`), and shared implementations of
`__repr__`, `__eq__`, `__hash__` and the frozen `__setattr__`/`__delattr__` that read the
fields: the same results, written once. The 45 classes a warm `check` imports took 27 ms of its
72 ms of imports with `dataclass`, 10 ms with this (homeassistant, measured by timing
`dataclasses._process_class`, then `_make`). `tests/test_records.py` holds `record` to
`dataclass`'s behaviour. Only what taskleak uses is supported: no `order`, `slots`, `InitVar` or
`unsafe_hash`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:  # typing's own from Python 3.11; to type checkers all the same
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda decorated: decorated

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False, eq: bool = True, repr: bool = True,
           kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = True,
           repr: bool = True, kw_only: bool = False) -> Any:
    """As `@dataclass` with these options (see the module docstring)."""

    def wrap(c: type[T]) -> type[T]:
        made = _make(c, frozen=frozen, kw_only=kw_only)
        return _methods(made, repr=repr, eq=eq, frozen=frozen)

    return wrap if cls is None else wrap(cls)


class _Params:
    """What `dataclass` keeps in `__dataclass_params__` (a dataclass subclass reads it)."""

    def __init__(self, eq: bool, frozen: bool, kw_only: bool) -> None:
        self.init, self.repr, self.eq, self.order = True, True, eq, False
        self.unsafe_hash, self.frozen, self.match_args = False, frozen, True
        self.kw_only, self.slots, self.weakref_slot = kw_only, False, False


_CLASS_VAR = ("ClassVar", "typing.ClassVar")
_FIELD_KIND = dataclasses._FIELD  # type: ignore[attr-defined]  # what `fields` takes
_HAS_FACTORY = object()  # the default of an argument whose field has a default factory


def _own_fields(cls: type, kw_only: bool) -> list[dataclasses.Field[Any]]:
    out = []
    # the class's own annotations, in order (strings: `from __future__ import annotations`)
    for name, kind in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if isinstance(kind, str) and kind.split("[", 1)[0].strip() in _CLASS_VAR:
            continue
        default = cls.__dict__.get(name, dataclasses.MISSING)
        f: Any = default if isinstance(default, dataclasses.Field) else dataclasses.field(
            default=default)
        f.name, f.type, f._field_type = name, kind, _FIELD_KIND
        if f.kw_only is dataclasses.MISSING:
            f.kw_only = kw_only
        if f.default.__class__.__hash__ is None:  # as dataclass: no shared mutable default
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not "
                             "allowed: use default_factory")
        if isinstance(default, dataclasses.Field):
            if f.default is dataclasses.MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        out.append(f)
    return out


def _make(cls: type[T], *, frozen: bool, kw_only: bool) -> type[T]:
    fields: dict[str, Any] = {}
    for base in cls.__mro__[-1:0:-1]:
        fields.update(base.__dict__.get("__dataclass_fields__", {}))
    for f in _own_fields(cls, kw_only):
        fields[f.name] = f
    made: Any = cls
    made.__dataclass_fields__ = fields
    made.__dataclass_params__ = _Params(True, frozen, kw_only)
    if "__init__" not in cls.__dict__:
        made.__init__ = _init(cls, list(fields.values()), frozen)
    setattr(made, "__match_args__",  # noqa: B010 - mypy rejects assigning it by name
            tuple(f.name for f in fields.values() if f.init and not f.kw_only))
    if frozen:
        made.__setattr__ = _frozen_setattr
        made.__delattr__ = _frozen_delattr
    return cls


def _init(cls: type, fields: list[Any], frozen: bool) -> Any:
    """`__init__` compiled for the fields (the one method worth compiling: it runs per
    instance)."""
    names: dict[str, Any] = {"__set": object.__setattr__, "__factory_mark": _HAS_FACTORY}
    positional: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    seen_default = False
    for f in fields:
        has_default = f.default is not dataclasses.MISSING
        factory = f.default_factory is not dataclasses.MISSING
        if factory:
            names[f"__factory_{f.name}"] = f.default_factory
        if f.init:
            if has_default:
                names[f"__default_{f.name}"] = f.default
            arg = f.name + (f"=__default_{f.name}" if has_default else
                            "=__factory_mark" if factory else "")
            if f.kw_only:
                keywords.append(arg)
            else:
                if seen_default and not (has_default or factory):
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                seen_default = seen_default or has_default or factory
                positional.append(arg)
            value = (f"__factory_{f.name}() if {f.name} is __factory_mark else {f.name}"
                     if factory else f.name)
        elif factory:
            value = f"__factory_{f.name}()"
        elif has_default:
            value = f"__default_{f.name}"
            names[value] = f.default
        else:
            continue
        body.append(f"__set(self, {f.name!r}, {value})" if frozen
                    else f"self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    args = ", ".join(["self", *positional, *(["*", *keywords] if keywords else [])])
    text = f"def __init__({args}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    made: dict[str, Any] = {}
    exec(text, names, made)  # our own field names, as dataclass does
    init = made["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)  # a tuple for two or more names


def _methods(cls: type[T], *, repr: bool, eq: bool, frozen: bool) -> type[T]:
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    compared = _values(tuple(f.name for f in fields if f.compare))
    hashed = _values(tuple(f.name for f in fields
                           if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    own = cls.__dict__

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    # as dataclass: a `__hash__` written in the class body stays (not the None Python puts
    # there for an `__eq__` written without one); else frozen classes hash their fields and
    # the others are unhashable
    explicit = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if repr and "__repr__" not in own:
        cls.__repr__ = __repr__  # type: ignore[method-assign]
    if not eq:
        return cls
    if "__eq__" not in own:
        cls.__eq__ = __eq__  # type: ignore[method-assign]
    if not explicit:
        cls.__hash__ = __hash__ if frozen else None  # type: ignore[assignment,method-assign]
    return cls
