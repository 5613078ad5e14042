"""A class read with the members it inherits (`analysis/tree/inherit.py`): which members come in,
which imports follow them, and that the module's own spawns keep their rows and places."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.analyse import analyse_inherited
from taskleak.analysis.tree.inherit import InheritedFrom, local_bases, merged, own_functions


def parse(code: str) -> cst.Module:
    return cst.parse_module(textwrap.dedent(code))


def members(module: cst.Module, cls: str) -> list[str]:
    node = next(s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == cls)
    assert isinstance(node.body, cst.IndentedBlock)
    return [s.name.value if isinstance(s, cst.FunctionDef) else module.code_for_node(s).strip()
            for s in node.body.body]


SUB = parse("""
    from pkg.base import Base

    class Sub(Base):
        def start(self):
            pass

        def close(self):
            pass
    """)


def test_members_the_class_lacks_come_in_and_its_own_stay() -> None:
    base = parse("""
        import asyncio
        from .util import helper

        class Base:
            limit = 3
            def close(self):
                raise NotImplementedError
            def stop(self):
                pass
        """)
    whole, added = merged(SUB, [InheritedFrom("Sub", base, "Base", same_package=False)])
    assert members(whole, "Sub") == ["start", "close", "limit = 3", "stop"]
    # the import it needs comes along; a relative one of another package means something
    # else here and does not
    assert "import asyncio" in whole.code and "helper" not in whole.code
    assert len(added) == 3  # two members and one import line


def test_a_nearer_base_defines_a_member_first() -> None:
    near = parse("class Near:\n    def stop(self):\n        return 1\n")
    far = parse("class Far:\n    def stop(self):\n        return 2\n    def run(self):\n"
                "        pass\n")
    whole, _ = merged(SUB, [InheritedFrom("Sub", near, "Near", True),
                            InheritedFrom("Sub", far, "Far", True)])
    assert members(whole, "Sub") == ["start", "close", "stop", "run"]
    assert "return 1" in whole.code and "return 2" not in whole.code


def test_an_import_the_module_binds_already_is_not_added() -> None:
    base = parse("from pkg.base import Base\nimport asyncio\nclass Other:\n"
                 "    def stop(self):\n        pass\n")
    whole, _ = merged(SUB, [InheritedFrom("Sub", base, "Other", True)])
    assert whole.code.count("from pkg.base import Base") == 1
    assert whole.code.count("import asyncio") == 1


def test_what_a_member_names_of_its_own_module_is_imported_from_there() -> None:
    """The derived class's `__init__` stores `Receiver()`, a class of its own module, which the
    source handed over (the class and the imports, `run/subclasses.read_classes`) lacks: the
    merged module imports it by the other module's dotted name; a name it does not read, and
    one the module binds already, are not imported."""
    derived = parse("""
        class Protocol(Base):
            def __init__(self):
                self.current = Receiver()
                self.limit = LIMIT
        """)
    base = parse("class Base:\n    def close(self):\n        pass\n")
    whole, added = merged(base, [InheritedFrom("Base", derived, "Protocol", True, "pkg.main",
                                               ("Receiver", "Protocol", "Unused"))])
    assert "from pkg.main import Receiver\n" in whole.code
    assert "Unused" not in whole.code and "import Protocol" not in whole.code
    assert len(added) == 2  # `__init__` and the import line
    unknown, _ = merged(base, [InheritedFrom("Base", derived, "Protocol", True, "",
                                             ("Receiver",))])
    assert "import Receiver" not in unknown.code  # no module name: nothing to import from


def test_nothing_inherited_leaves_the_module_as_it_is() -> None:
    base = parse("class Base:\n    def close(self):\n        pass\n")
    whole, added = merged(SUB, [InheritedFrom("Sub", base, "Base", True)])
    assert whole is SUB and not added


def test_a_base_of_the_same_module_is_copied_in() -> None:
    module = parse("""
        class A:
            def a(self):
                pass

        class B(A):
            def b(self):
                pass

        class C(B):
            pass
        """)
    found = [(i.subclass, i.base_class) for i in local_bases(module)]
    assert found == [("B", "A"), ("C", "B"), ("C", "A")]
    whole, added = merged(module, local_bases(module))
    assert members(whole, "C") == ["pass", "b", "a"]
    # copies: the base's own nodes keep their one place in the tree
    base_a = next(s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == "A")
    assert isinstance(base_a.body, cst.IndentedBlock)
    assert id(base_a.body.body[0]) not in added


def test_a_base_of_the_same_module_gives_what_it_inherits_from_another_module() -> None:
    module = parse("""
        from pkg.base import Base

        class Follower(Relay):
            def leave(self):
                pass

        class Relay(Base):
            def on_message(self):
                pass
        """)
    base = parse("class Base:\n    def __init__(self):\n        self._spawn = None\n")
    items = [*local_bases(module), InheritedFrom("Relay", base, "Base", same_package=False,
                                                 module="pkg.base")]
    origins: dict[int, str] = {}
    whole, _ = merged(module, items, origins)
    # (merged into Relay first, whatever the order the items come in)
    assert members(whole, "Follower") == ["leave", "on_message", "__init__"]
    follower = next(s for s in whole.body
                    if isinstance(s, cst.ClassDef) and s.name.value == "Follower")
    assert isinstance(follower.body, cst.IndentedBlock)
    assert [origins.get(id(s)) for s in follower.body.body] == [None, ":Relay", "pkg.base:Base"]


def test_own_functions_are_the_module_s_functions_and_methods() -> None:
    assert own_functions(SUB) == {"Sub.start", "Sub.close"}


def test_the_module_s_spawns_keep_their_places_and_inherited_ones_are_left_out() -> None:
    text = textwrap.dedent("""
        import asyncio
        from pkg.base import Base

        class Client(Base):
            async def start(self):
                self._running = True
                self._reader = asyncio.create_task(self._read_loop())

        async def later():
            asyncio.create_task(asyncio.sleep(1))
        """)
    base = parse("""
        import asyncio

        class Base:
            async def _read_loop(self):
                while self._running:
                    await asyncio.sleep(1)

            async def close(self):
                self._running = False
                asyncio.create_task(asyncio.sleep(0))
        """)
    module = cst.parse_module(text)
    analysis = analyse_inherited(module, text, [InheritedFrom("Client", base, "Base", True)])
    assert analysis is not None
    facts = analysis.inherited_facts()
    # the base's own spawn (in close()) is not this module's row
    assert [(sf.line, sf.context) for sf in facts.spawns] == [(8, "Client.start"),
                                                              (11, "later")]
    # read with the inherited close(), the reader is stopped through its flag
    assert "stopped by close() through self._running" in str(facts.spawns[0].fates[0])
