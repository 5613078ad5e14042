from .pollers import Poller
from .registry import Registry


class Reloader:
    """Applies each configuration push: every poller it lists is (re)started."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def apply(self, cfg: dict[str, tuple[str, float]]) -> None:
        for name, (url, interval) in cfg.items():
            self.registry.unregister(name)
            self.registry.register(name, Poller(url, interval))

    def apply_fast(self, cfg: dict[str, tuple[str, float]]) -> None:
        for name, (url, interval) in cfg.items():
            self.registry.replace(name, Poller(url, interval))
