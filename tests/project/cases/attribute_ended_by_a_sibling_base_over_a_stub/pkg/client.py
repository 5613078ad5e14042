from .connection import ConnectionMixin, SelfHealingConnectionMixin
from .reconnect import QuietReconnectMixin, ReconnectMixin


class Client(ConnectionMixin, ReconnectMixin):
    def __init__(self) -> None:
        self._reconnect_task = None


class StubbornClient(SelfHealingConnectionMixin, QuietReconnectMixin):
    def __init__(self) -> None:
        self._reconnect_task = None
