"""The calls of other modules' functions made where they run again and again
(`summaries/repeated_calls.py`): what a module tells the join about how often it calls them."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.calls import RepeatedCall


def _repeated(code: str) -> tuple[RepeatedCall, ...]:
    return analyse_source(textwrap.dedent(code)).facts().exports.repeated_calls


def test_a_route_a_loop_and_a_registered_handler_call_again_and_say_how() -> None:
    calls = _repeated("""
        import asyncio

        from app import deploys
        from app.replies import start_reply
        from web import router

        @router.post("/deploy")
        async def deploy(app: str) -> int:
            return await deploys.spawn_deploy(app)

        async def pump(queue: asyncio.Queue[str]) -> None:
            while True:
                client = await queue.get()
                start_reply(client)

        async def on_message(client: str) -> None:
            start_reply(client)

        def setup(bus) -> None:
            bus.subscribe("message", on_message)
    """)
    assert [(c.callee, c.caller, c.often, c.per_item) for c in calls] == [
        ("deploys.spawn_deploy", "deploy",
         "called by deploy(), registered with @router.post", False),
        ("start_reply", "pump", "called in a loop in pump() with each `client` it waits for",
         True),
        ("start_reply", "on_message",
         "called by on_message(), registered with bus.subscribe() in setup()", False),
    ]
    assert RepeatedCall.from_json(calls[0].to_json()) == calls[0]


def test_the_holder_a_caller_tests_first_is_said_and_once_only_code_says_nothing() -> None:
    calls = _repeated("""
        import os

        from app.deploys import _in_flight, spawn_deploy
        from web import router

        @router.post("/deploy")
        async def deploy(app: str) -> int:
            if app in _in_flight:
                raise RuntimeError(app)
            os.path.join(app, "x")  # the standard library's: not exported
            return await spawn_deploy(app)

        async def main() -> None:
            await spawn_deploy("once")  # runs once: nothing known of how often
    """)
    assert [(c.callee, c.guards) for c in calls] == [("spawn_deploy", ("_in_flight",))]
