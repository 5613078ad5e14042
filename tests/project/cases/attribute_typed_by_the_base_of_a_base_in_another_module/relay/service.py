"""The service's bases: the mixin, beside the class the publisher derives from, declares what
its attributes are (`tm`: a third-party task master; `events`: an event loop)."""

import asyncio

from taskmasters import TaskMaster


class RelayMixin:
    tm: TaskMaster
    events: asyncio.AbstractEventLoop


class RelayService(RelayMixin):
    def reload(self) -> None:
        pass
