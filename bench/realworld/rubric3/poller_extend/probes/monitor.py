from .http import HttpProbe


class Monitor:
    def __init__(self, host: str) -> None:
        self._probe = HttpProbe(15.0, host)

    def start(self) -> None:
        self._probe.start()

    def on_settings(self, settings: dict) -> None:
        self._probe.restart(settings.get("probe_interval", 15.0))

    def close(self) -> None:
        self._probe.stop()
