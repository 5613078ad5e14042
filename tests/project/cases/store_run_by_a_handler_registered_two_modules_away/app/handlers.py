"""The handlers call the stores; nothing here says how often they run."""

from app.replies import start_greeting, start_reply


async def on_message(client_id: str) -> None:
    start_reply(client_id)


async def on_join(client_id: str) -> None:
    start_greeting(client_id)
