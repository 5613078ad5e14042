from .metrics import MetricsPoller


class Agent:
    def __init__(self, source, sink) -> None:
        self._metrics = MetricsPoller(30.0, source, sink)

    def start(self) -> None:
        self._metrics.start()

    def on_config(self, config: dict) -> None:
        """Called by the config client on every pushed config."""
        self._metrics.restart(config.get("metrics_interval", 30.0))

    def close(self) -> None:
        self._metrics.stop()
