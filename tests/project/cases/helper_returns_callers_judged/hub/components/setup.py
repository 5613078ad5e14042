"""Setting up integrations: each one awaited, one notification left to run alone."""

from hub.util.async_ import create_eager_task


async def _setup(domain: str) -> bool:
    return bool(domain)


async def _notify(domain: str) -> None:
    print("set up", domain)


async def setup_all(domains: list[str]) -> None:
    for domain in domains:
        await create_eager_task(_setup(domain))
        create_eager_task(_notify(domain))
