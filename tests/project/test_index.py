"""How the join finds what a dotted name means across modules (`project/index.py`)."""

from __future__ import annotations

import textwrap

from taskleak.analysis.facts.module import FileFacts
from taskleak.project.index import ProjectIndex
from taskleak.run.pipeline import analyse_file


def _facts(path: str, code: str) -> FileFacts:
    return analyse_file(textwrap.dedent(code).encode(), path)


CLIENT = """
    import asyncio

    class Client:
        def _schedule(self, coro):
            return asyncio.get_running_loop().create_task(coro)
"""


def test_a_name_a_parsed_package_re_exports_with_a_star_import_is_its_modules() -> None:
    package = _facts("chat/__init__.py", """
        import asyncio
        from .client import *

        def spawn(coro):
            return asyncio.create_task(coro)
    """)
    index = ProjectIndex([package, _facts("chat/client.py", CLIENT),
                          _facts("app.py", "import chat\n")])
    assert index.star_imports["chat/__init__.py"] == [".client"]
    assert index.resolve_name("app.py", "chat.Client") == ("chat/client.py", "Client")
    assert index.resolve_name("app.py", "chat.spawn") == ("chat/__init__.py", "spawn")


def test_a_package_that_was_not_read_is_searched_for_its_one_class_of_that_name() -> None:
    index = ProjectIndex([_facts("chat/client.py", CLIENT), _facts("app.py", "import chat\n")])
    assert index.resolve_name("app.py", "chat.Client") == ("chat/client.py", "Client")
    two = ProjectIndex([_facts("chat/client.py", CLIENT), _facts("chat/old.py", CLIENT),
                        _facts("app.py", "import chat\n")])
    assert two.resolve_name("app.py", "chat.Client") is None  # two classes: no guess


def test_a_subpackage_that_was_not_read_is_searched_below_its_own_folder() -> None:
    """`from chat import client as cli` then `cli.Client`: the class of `chat/client/`, not a
    module named `client` of `chat` (the deepest package first)."""
    index = ProjectIndex([_facts("chat/client/client.py", CLIENT),
                          _facts("chat/crypto.py", "from chat import client as cli\n")])
    assert index.resolve_name("chat/crypto.py", "cli.Client") == (
        "chat/client/client.py", "Client")
    two = ProjectIndex([_facts("chat/client/client.py", CLIENT),
                        _facts("chat/client/old.py", CLIENT),
                        _facts("chat/crypto.py", "from chat import client as cli\n")])
    assert two.resolve_name("chat/crypto.py", "cli.Client") is None  # two classes: no guess


def test_a_package_that_re_exports_a_name_by_name_gives_its_modules() -> None:
    """`from .client import Client` in `chat/__init__.py` (read): `chat.Client` is the class of
    `chat/client.py`."""
    package = _facts("chat/__init__.py", "from .client import Client\n")
    index = ProjectIndex([package, _facts("chat/client.py", CLIENT),
                          _facts("app.py", "import chat\n")])
    assert index.resolve_name("app.py", "chat.Client") == ("chat/client.py", "Client")


def test_a_mixins_self_method_is_the_one_its_subclasses_agree_on() -> None:
    bot = _facts("chat/bot.py", """
        import chat

        class BotBase:
            def dispatch(self, listener):
                self._schedule(listener())

        class Bot(BotBase, chat.Client):
            pass
    """)
    index = ProjectIndex([_facts("chat/client.py", CLIENT), bot])
    assert index.resolve_callee("chat/bot.py", "self._schedule", "BotBase.dispatch") == (
        "chat/client.py", "Client._schedule")
    assert index.resolve_callee("chat/bot.py", "self._other", "BotBase.dispatch") is None
