from .base import Probe


class DiskProbe(Probe):
    def restart(self) -> None:
        super().restart()
