"""Another module's spawn helpers, static and class methods called through their class (one
returning what another returns, `Later.spawn`): a dropped result is a dropped task; near
miss: the result kept and awaited."""

from pkg.jobs import Jobs, Later, Work


async def on_message(user: str) -> None:
    Jobs.spawn(Work.notify(user))
    Jobs.spawn_later(Work.notify(user))
    Later.spawn(Work.notify(user))
    task = Later.spawn(Work.notify(user))
    await task
