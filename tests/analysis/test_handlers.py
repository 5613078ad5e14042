"""What an `except` clause may catch of a cancellation, and what surely catches one, by the
names its module's imports give (`analysis/names/handlers.py`)."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.names.handlers import catches_a_cancel


def test_a_cancellations_own_classes_surely_catch_it_others_only_may() -> None:
    analysis = analyse_source(textwrap.dedent("""
        import asyncio
        from asyncio import CancelledError
        import concurrent.futures
        from mylib import CancelledError as Theirs

        async def f(kinds):
            try:
                await asyncio.sleep(1)
            except CancelledError: pass
            except asyncio.CancelledError: pass
            except concurrent.futures.CancelledError: pass
            except Theirs: pass
            except (OSError, BaseException): pass
            except kinds: pass
            except Exception: pass
            except: pass
    """))
    fn = next(s for s in analysis.root.walk() if s.name == "f")
    assert isinstance(fn.node, cst.FunctionDef)
    statement = next(s for s in fn.node.body.body if isinstance(s, cst.Try))
    handlers = [h for h in statement.handlers if isinstance(h, cst.ExceptHandler)]
    may = [catches_a_cancel(h, fn) for h in handlers]
    surely = [catches_a_cancel(h, fn, surely=True) for h in handlers]
    assert may == [True, True, True, True, True, True, False, True]
    assert surely == [True, True, True, False, True, False, False, True]
