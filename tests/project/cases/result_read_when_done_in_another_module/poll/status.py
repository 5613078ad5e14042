from poll.base import Poller, ThreadPoller


class StatusPoller(Poller):
    def status(self) -> int | None:
        if self._task is not None and self._task.done():
            return self._task.result()
        return None


class ThreadStatusPoller(ThreadPoller):
    def status(self) -> int | None:
        if self._future is not None and self._future.done():
            return self._future.result()
        return None
