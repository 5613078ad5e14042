"""An attribute's type as the module writes it (`analysis/names/attribute_types.py`): from an
annotation, or from the one name every binding of it in the class calls; never from its name."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source


def attr_types(code: str) -> dict[str, str]:
    (cls,) = [c for c in analyse_source(textwrap.dedent(code)).facts().exports.classes
              if c.qualname == "Message"]
    return dict(cls.attr_types)


def test_an_attribute_bound_to_one_constructor_has_its_class() -> None:
    got = attr_types("""
        import pkg.utils
        from pkg.utils import Bucket
        class Message:
            pool = pkg.utils.Pool(4)
            def __init__(self):
                self.b = None
                self.same = Bucket()
            def open(self):
                self.b = Bucket()
                self.same = Bucket(1)
                self.pool = pkg.utils.Pool()
    """)
    assert got == {"b": "Bucket", "same": "Bucket", "pool": "pkg.utils.Pool"}


def test_an_annotation_wins_over_the_constructor() -> None:
    got = attr_types("""
        from pkg.utils import Bucket, Keeper
        class Message:
            body: Keeper = Bucket()
            def __init__(self):
                self.b: Keeper = Bucket()
                self.written: "list[Keeper]" = Bucket()
    """)
    assert got == {"body": "Keeper", "b": "Keeper"}  # `written`: annotated, not a dotted name


def test_an_optional_class_is_that_class_and_a_union_of_two_is_neither() -> None:
    got = attr_types("""
        from typing import Optional
        from pkg.links import Serial, Socket
        class Message:
            def __init__(self):
                self.one: Serial | None = None
                self.other: Optional[Socket] = None
                self.either: Serial | Socket | None = None
    """)
    assert got == {"one": "Serial", "other": "Socket"}


def test_bindings_that_disagree_or_are_not_known_give_no_type() -> None:
    got = attr_types("""
        from pkg.utils import Bucket, Crate
        class Message:
            shared = Crate()
            def __init__(self, factory):
                self.either = Bucket()
                self.param = factory()
                self.value = Bucket
                self.pair, self.other = factory(), factory()
                self.packed, self.rest = factory()
                self.grown = Bucket()
                self.looped = Bucket()
                self.entered = Bucket()
                self.shared = Bucket()
            def reset(self):
                self.either = Crate()
                self.grown += 1
                for self.looped in []:
                    pass
                with Bucket() as self.entered:
                    pass
    """)
    assert got == {}


def test_a_tuple_assignment_binds_each_target_its_own_element() -> None:
    got = attr_types("""
        from pkg.utils import Bucket, Crate
        class Message:
            def __init__(self):
                self.pair, self.other = Bucket(), Crate()
                self.first, *self.more = Bucket(), Crate()
    """)
    assert got == {"pair": "Bucket", "other": "Crate"}  # a starred target: not element-wise


def test_only_a_name_the_module_binds_to_a_class_or_an_import_is_kept() -> None:
    """A local name or a class-body name would not resolve in the module the join asks; a
    factory function's name is kept here, and the join drops it (not a class)."""
    got = attr_types("""
        from pkg.utils import make_bucket
        class Message:
            class Inner:
                pass
            inner = Inner()
            def __init__(self):
                from pkg.utils import Bucket
                self.local = Bucket()
                self.made = make_bucket()
                self.builtin = dict()
    """)
    assert got == {"made": "make_bucket"}


def test_a_name_is_never_evidence() -> None:
    got = attr_types("""
        class Message:
            def __init__(self, bucket):
                self.bucket = bucket
                self.pool = get_pool()
    """)
    assert got == {}


def test_final_and_class_var_qualify_the_type_or_leave_it_to_the_value() -> None:
    """`Final[Looper]` holds a Looper; a bare `Final` says nothing of the type, which the
    value gives (the annotated parameter it is stored from)."""
    got = attr_types("""
        from typing import ClassVar, Final
        from pkg.loop import Looper, SchedulerProtocol
        class Message:
            default: ClassVar[Looper]
            def __init__(self, scheduler: SchedulerProtocol, looper):
                self._scheduler: Final = scheduler
                self._looper: Final[Looper] = looper
                self._bare: Final = looper
    """)
    assert got == {"default": "Looper", "_scheduler": "SchedulerProtocol",
                   "_looper": "Looper"}
