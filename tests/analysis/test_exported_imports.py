"""The names a module exports as imported (`summaries/exports.exported_imports`): its top-level
imports, and a name it binds only by imports inside its functions when every such import names
the same thing (the import-cycle idiom, `def _make(self): from .engine import Engine`)."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source


def imports(code: str) -> dict[str, str]:
    return dict(analyse_source(textwrap.dedent(code)).facts().exports.imports)


def test_an_import_inside_a_method_names_what_it_imports() -> None:
    got = imports("""
        import asyncio

        class Bus:
            def _make(self) -> None:
                from pkg.engine import Engine
                self._engine = Engine()

            def _other(self) -> None:
                from pkg.engine import Engine
                self._spare = Engine()
    """)
    assert got["asyncio"] == "asyncio"
    assert got["Engine"] == "pkg.engine.Engine"


def test_imports_that_name_different_things_name_none() -> None:
    got = imports("""
        def first() -> None:
            from pkg.engine import Engine
            Engine()

        def second() -> None:
            from pkg.motor import Engine
            Engine()
    """)
    assert "Engine" not in got


def test_a_name_bound_otherwise_somewhere_is_not_taken_for_the_import() -> None:
    got = imports("""
        def first() -> None:
            from pkg.engine import Engine
            Engine()

        def second(Engine: type) -> None:
            Engine()
    """)
    assert "Engine" not in got


def test_the_module_s_own_binding_of_the_name_wins() -> None:
    got = imports("""
        class Engine:
            pass

        def make() -> None:
            from pkg.engine import Engine
            Engine()
    """)
    assert "Engine" not in got
