class ListenerBase:
    def on_reconnect(self) -> None:
        raise NotImplementedError


class CountingBase:
    reconnects = 0

    def on_reconnect(self) -> None:
        self.reconnects += 1
