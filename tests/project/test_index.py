"""How the join finds what a dotted name means across modules (`project/index.py`)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

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


SOCKET = """
    class Socket:
        def __init__(self, server, sid):
            self.server = server
            self.sid = sid

        def close(self):
            self.server.release(self.sid)
"""
SERVER = """
    import asyncio
    from .socket import Socket

    class Server:
        def connect(self, sid):
            return Socket(self, sid)

        def release(self, sid):
            return asyncio.create_task(asyncio.sleep(sid))
"""


def test_what_a_call_runs_is_worked_out_once_per_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """The join asks what a dropped call runs for every spawn whose function has the call's last
    name, and `_constructed_by` reads every call passing `self`: over the 387 labelled
    libraries together, asking again took 455 s of a 684 s profiled run. Each answer is worked
    out once per index, and is the same."""
    index = ProjectIndex([_facts("app/socket.py", SOCKET), _facts("app/server.py", SERVER)])
    worked: list[str] = []

    def counting(name: str) -> Callable[..., object]:
        original = getattr(ProjectIndex, name)

        def counted(self: ProjectIndex, *args: object) -> object:
            worked.append(name)
            return original(self, *args)
        return counted

    for name in ("_callee", "_constructor"):
        monkeypatch.setattr(ProjectIndex, name, counting(name))
    asked = [index.resolve_callee("app/socket.py", "self.server.release", "Socket.close")
             for _ in range(5)]
    assert asked == [("app/server.py", "Server.release")] * 5
    assert sorted(worked) == ["_callee", "_constructor"]  # once each, not five times
    fresh = ProjectIndex([_facts("app/socket.py", SOCKET), _facts("app/server.py", SERVER)])
    assert fresh._callee("app/socket.py", "self.server.release", "Socket.close", "") == asked[0]
