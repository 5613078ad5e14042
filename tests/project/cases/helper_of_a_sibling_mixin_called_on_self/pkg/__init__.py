"""A client made of two mixins over one base that declares the methods each brings (stubs
raising `NotImplementedError`): `Client(HandlerMixin, SpawnMixin)` runs
`SpawnMixin.spawn_background()`, a helper returning the task it makes, wherever its own
mixins call it on `self`: `HandlerMixin.on_message()` drops what it gives (TL101, at the
call). The near miss: `QuietClient(QuietHandlerMixin, InlineMixin, QuietSpawnMixin)` finds
`InlineMixin.spawn_background()` first in its resolution order, which awaits the coroutine
and makes no task: its handler's call is no spawn."""
