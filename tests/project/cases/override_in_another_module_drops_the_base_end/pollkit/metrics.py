from .base import Poller


class MetricsPoller(Poller):
    def restart(self, interval: float) -> None:
        self._interval = interval
        self.start()
