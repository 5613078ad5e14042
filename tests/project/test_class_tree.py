"""The project's classes as a tree (`project/class_tree.py`)."""

from __future__ import annotations

from taskleak.project.class_tree import ClassTree, Where

# class -> the names of its bases, each resolved in a dict below (one file: "m.py")
BASES = {"Base": ("Base0",), "Mixin": (), "A": ("Base",), "B": ("A", "Mixin"), "C": ("B",),
         "Loop1": ("Loop2",), "Loop2": ("Loop1",), "Other": ("external.Thing",)}


def _tree() -> ClassTree:
    classes = {("m.py", name) for name in BASES} | {("m.py", "Base0")}

    def resolve(path: str, name: str) -> Where | None:
        return None if name.startswith("external.") else (path, name)

    return ClassTree(classes, resolve, lambda where: BASES.get(where[1], ()))


def test_subclasses_are_every_class_derived_from_it_through_any_chain() -> None:
    tree = _tree()
    assert tree.subclasses(("m.py", "Base")) == {("m.py", "A"), ("m.py", "B"), ("m.py", "C")}
    assert tree.subclasses(("m.py", "Mixin")) == {("m.py", "B"), ("m.py", "C")}
    assert tree.subclasses(("m.py", "C")) == set()


def test_a_cycle_of_bases_ends() -> None:
    tree = _tree()
    assert tree.subclasses(("m.py", "Loop1")) == {("m.py", "Loop2")}
    assert tree.is_subclass(("m.py", "Loop1"), ("m.py", "Loop2"))
    assert not tree.is_subclass(("m.py", "Loop1"), ("m.py", "Base"))


def test_is_subclass_climbs_the_bases_and_stops_at_what_it_cannot_resolve() -> None:
    tree = _tree()
    assert tree.is_subclass(("m.py", "C"), ("m.py", "Base0"))
    assert tree.is_subclass(("m.py", "C"), ("m.py", "C"))
    assert not tree.is_subclass(("m.py", "A"), ("m.py", "Mixin"))
    assert not tree.is_subclass(("m.py", "Other"), ("m.py", "Base"))


def test_the_bases_of_a_class_the_project_does_not_define_are_none() -> None:
    """A base resolved to a place no module defines (icij-worker's `Neo4jStorage`, taken for a
    name in its package's `__init__.py` when its own module holds no spawn word): its bases are
    not asked for (the index's `bases_of` reads only classes it holds), so a walk up the tree
    from a subclass stops there instead of failing."""
    classes = {("m.py", "Sub")}

    def bases_of(where: Where) -> tuple[str, ...]:
        return {("m.py", "Sub"): ("pkg.Gone",)}[where]  # a KeyError for any other, as the index

    tree = ClassTree(classes, lambda path, name: ("pkg/__init__.py", name), bases_of)
    gone = ("pkg/__init__.py", "pkg.Gone")
    assert tree.bases(("m.py", "Sub")) == (gone,)
    assert tree.bases(gone) == ()
    assert not tree.is_subclass(("m.py", "Sub"), ("m.py", "Other"))


def _diamond(bases: dict[str, tuple[str, ...]]) -> ClassTree:
    classes = {("m.py", name) for name in bases}
    return ClassTree(classes, lambda path, name: (path, name),
                     lambda where: bases.get(where[1], ()))


def test_mro_is_pythons_c3_order_not_depth_first() -> None:
    # class Client(Connection, Reconnect), both over Base: Python looks in Reconnect before
    # Base (depth first would reach Base's stub through Connection first)
    bases = {"Base": (), "Connection": ("Base",), "Reconnect": ("Base",),
             "Client": ("Connection", "Reconnect")}
    tree = _diamond(bases)
    order = [name for _, name in tree.mro(("m.py", "Client"))]
    assert order == ["Client", "Connection", "Reconnect", "Base"]
    namespace: dict[str, type] = {"Base": type("Base", (), {})}
    for name in ("Connection", "Reconnect", "Client"):
        namespace[name] = type(name, tuple(namespace[b] for b in bases[name]), {})
    assert order == [c.__name__ for c in namespace["Client"].__mro__[:-1]]


def test_mro_of_an_order_c3_cannot_make_falls_back_and_a_cycle_ends() -> None:
    # class X(A, B) and class Y(B, A): class Z(X, Y) is refused by Python; we still answer
    bases = {"A": (), "B": (), "X": ("A", "B"), "Y": ("B", "A"), "Z": ("X", "Y")}
    order = [name for _, name in _diamond(bases).mro(("m.py", "Z"))]
    assert order[0] == "Z" and sorted(order[1:]) == ["A", "B", "X", "Y"]
    assert _tree().mro(("m.py", "Loop1"))[0] == ("m.py", "Loop1")


def test_mro_leaves_out_bases_the_project_does_not_define() -> None:
    assert _tree().mro(("m.py", "Other")) == (("m.py", "Other"),)
    assert [n for _, n in _tree().mro(("m.py", "C"))] == ["C", "B", "A", "Base", "Base0", "Mixin"]
