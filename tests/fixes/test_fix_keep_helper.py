"""Keep-helpers: a fix wherever a spawn can be, and the project's own helper when configured."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import analyze_source, fix_paths

from taskleak.config import ConfigError, load_config
from taskleak.fixer.apply import fix_source
from taskleak.fixes.policy import FixStyle
from taskleak.model import Risk

SPAWNS_WHERE_NO_STATEMENT_FITS = '''\
import asyncio


async def work(n: int = 0) -> int:
    await asyncio.sleep(0)
    return n


def callback(loop: asyncio.AbstractEventLoop) -> None:
    loop.call_soon(lambda: asyncio.create_task(work()))


async def shapes(flag: bool, items: list[int]) -> None:
    [asyncio.create_task(work(i)) for i in items]
    x = asyncio.create_task(work()) if flag else None
    if (t := asyncio.create_task(work())) and flag:
        pass
    while flag and asyncio.create_task(work()):
        flag = False
    print(asyncio.create_task(work()))


def default(started=asyncio.ensure_future(work())) -> None:
    pass
'''


def test_every_dropped_task_gets_a_fix_and_expressions_keep_their_value() -> None:
    before = analyze_source(SPAWNS_WHERE_NO_STATEMENT_FITS)
    assert len([f for f in before if f.rule in ("TL101", "TL102")]) == 7
    result = fix_source(SPAWNS_WHERE_NO_STATEMENT_FITS.encode())
    assert result.not_fixed == []
    assert len(result.applied) == 7
    fixed = result.fixed.decode()
    assert fixed.count("def _keep_task(") == 1  # once per module
    assert "x = _keep_task(asyncio.create_task(work())) if flag else None" in fixed
    assert "(t := _keep_task(asyncio.create_task(work())))" in fixed
    assert "def default(started=_keep_task(asyncio.ensure_future(work())))" in fixed
    assert all(f.risk is Risk.LOW for f in analyze_source(fixed))
    assert fix_source(result.fixed).fixed == result.fixed


def test_a_name_taken_by_something_else_gets_another_helper() -> None:
    code = SPAWNS_WHERE_NO_STATEMENT_FITS + "\n\ndef _keep_task() -> None:\n    pass\n"
    fixed = fix_source(code.encode()).fixed.decode()
    assert "def _keep_task_2(task: _TaskT) -> _TaskT:" in fixed
    assert "lambda: _keep_task_2(asyncio.create_task(work()))" in fixed


def test_the_configured_helper_replaces_the_generated_set() -> None:
    style = FixStyle(keep_helper="app.tasks.keep")
    result = fix_source(SPAWNS_WHERE_NO_STATEMENT_FITS.encode(), style=style)
    fixed = result.fixed.decode()
    assert "from app.tasks import keep\n" in fixed
    assert "_background_tasks" not in fixed and "_keep_task" not in fixed
    assert "lambda: keep(asyncio.create_task(work()))" in fixed
    assert len(result.applied) == 7


def test_the_configured_helper_is_used_as_imported() -> None:
    code = ("import asyncio\nimport app.tasks as t\n\n\n"
            "async def f():\n    asyncio.create_task(f())\n")
    fixed = fix_source(code.encode(), style=FixStyle(keep_helper="app.tasks.keep")).fixed
    assert b"    t.keep(asyncio.create_task(f()))\n" in fixed
    code = "import asyncio\n\nkeep = 1\n\n\nasync def f():\n    asyncio.create_task(f())\n"
    fixed = fix_source(code.encode(), style=FixStyle(keep_helper="app.tasks.keep")).fixed
    assert b"import app.tasks\n" in fixed and b"app.tasks.keep(asyncio.create_task(f()))" in fixed


@pytest.mark.parametrize("value", ["'keep'", "'app..keep'", "1", "['app.keep']"])
def test_keep_helper_must_be_a_dotted_name(tmp_path: Path, value: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.taskleak]\nkeep-helper = {value}\n")
    with pytest.raises(ConfigError, match="keep-helper"):
        load_config(config)


def test_taskleak_fix_calls_the_configured_helper(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.taskleak]\nkeep-helper = 'app.tasks.keep'\n")
    target = tmp_path / "leak.py"
    target.write_text("import asyncio\n\n\nasync def f():\n    asyncio.create_task(f())\n")
    settings = load_config(config)
    assert settings.keep_helper == "app.tasks.keep"
    fixes = fix_paths([target], settings)
    assert [a.description for _, a in fixes.applied] == \
        ["keep the task with the project's app.tasks.keep()"]
    assert "keep(asyncio.create_task(f()))" in target.read_text()


def test_a_reused_typed_set_gives_the_helper_its_element_type() -> None:
    code = ("import asyncio\nfrom typing import Any\n\n"
            "_background_tasks: set[asyncio.Task[Any]] = set()\n\n\n"
            "def f(loop):\n    loop.call_soon(lambda: asyncio.create_task(g()))\n")
    fixed = fix_source(code.encode()).fixed.decode()
    assert '_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])' in fixed
    assert fixed.count("_background_tasks: set[") == 1


def test_the_configured_spawn_helper_replaces_a_spawn_of_one_coroutine() -> None:
    code = ("import asyncio\n\n\nasync def f(loop):\n"
            "    asyncio.create_task(f(loop))\n"
            "    loop.call_soon(lambda: asyncio.ensure_future(f(loop)))\n"
            "    asyncio.create_task(f(loop), name='named')\n")
    style = FixStyle(spawn_helper="app.tasks.spawn", keep_helper="app.tasks.keep")
    result = fix_source(code.encode(), style=style)
    fixed = result.fixed.decode()
    assert "from app.tasks import keep, spawn\n" in fixed
    assert "    spawn(f(loop))\n" in fixed
    assert "lambda: spawn(f(loop))" in fixed
    assert "    keep(asyncio.create_task(f(loop), name='named'))\n" in fixed  # name= stays
    assert [a.description for a in result.applied] == [
        "spawn it with the project's app.tasks.spawn()",
        "spawn it with the project's app.tasks.spawn()",
        "keep the task with the project's app.tasks.keep()"]
    assert fix_source(result.fixed, style=style).applied == []


def test_spawn_helper_is_read_from_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.taskleak]\nspawn-helper = 'app.tasks.spawn'\n")
    assert load_config(config).spawn_helper == "app.tasks.spawn"
    config.write_text("[tool.taskleak]\nspawn-helper = 'spawn'\n")
    with pytest.raises(ConfigError, match="spawn-helper"):
        load_config(config)


FUTURES_AND_A_COROUTINE = '''\
import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def start(loop: asyncio.AbstractEventLoop, fut: "asyncio.Future[int]") -> None:
    waiter = loop.create_future()
    asyncio.ensure_future(waiter)
    asyncio.ensure_future(fut)
    asyncio.ensure_future(loop.run_in_executor(None, print))
    [asyncio.ensure_future(f) for f in (waiter, fut)]
    [asyncio.ensure_future(work()) for _ in range(2)]
'''


def test_a_future_is_never_wrapped_only_the_coroutine_s_task() -> None:
    """`ensure_future(fut)` of a Future gives the Future back: no task is made, so a keep-helper
    around it would keep nothing that was lost (tornado 6.6.1's queues and locks tests)."""
    fixed = fix_source(FUTURES_AND_A_COROUTINE.encode(), style=FixStyle()).fixed.decode()
    assert "[_keep_task(asyncio.ensure_future(work())) for _ in range(2)]" in fixed
    assert fixed.count("_keep_task(") == 2  # its definition and the coroutine's spawn
    for line in ("asyncio.ensure_future(waiter)", "asyncio.ensure_future(fut)",
                 "asyncio.ensure_future(loop.run_in_executor(None, print))",
                 "[asyncio.ensure_future(f) for f in (waiter, fut)]"):
        assert f"    {line}\n" in fixed
