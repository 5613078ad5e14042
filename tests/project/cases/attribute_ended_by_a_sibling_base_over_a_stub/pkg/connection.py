from .base import ClientBase


class ConnectionMixin(ClientBase):
    async def aclose(self) -> None:
        reconnect_task = self._reconnect_task
        self._reconnect_task = None
        if reconnect_task is not None:
            reconnect_task.cancel()


class SelfHealingConnectionMixin(ConnectionMixin):
    def schedule_reconnect(self) -> None:
        print("reconnecting in place")
