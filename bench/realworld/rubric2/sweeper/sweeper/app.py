from .store import init_store
from .tokens import init_tokens, shutdown_tokens


async def startup() -> None:
    init_store()
    init_tokens()


async def shutdown() -> None:
    await shutdown_tokens()
