"""The bus calls `on_message` back for every message: a second message from the same client
stores a new reply over the running one (TL103). The near miss: `on_join` is called once here,
not registered, so nothing says the greeting's store runs again (low)."""

from typing import Any

from app.handlers import on_join, on_message


def setup(bus: Any, client_id: str) -> None:
    bus.subscribe("message", on_message)
    on_join(client_id)
