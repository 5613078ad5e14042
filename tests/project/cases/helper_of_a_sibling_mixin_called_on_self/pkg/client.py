from .handlers import HandlerMixin, QuietHandlerMixin
from .spawning import InlineMixin, QuietSpawnMixin, SpawnMixin


class Client(HandlerMixin, SpawnMixin):
    pass


class QuietClient(QuietHandlerMixin, InlineMixin, QuietSpawnMixin):
    pass
