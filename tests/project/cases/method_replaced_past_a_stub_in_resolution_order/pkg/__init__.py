"""A listener's `on_reconnect()` cancels the task it holds before it stores a new one: the
class runs it while that task may be live. `Sharded(ShardMixin, PubSub)` runs
`ShardMixin.on_reconnect()` instead, which stores with no cancel; its own base only declares
the method (a stub raising `NotImplementedError`), so what it replaces on a `Sharded` object
is `PubSub.on_reconnect()`, and each reconnect leaves the running listener behind (TL103).
The near miss: `Topic(TopicMixin, PubSub)`'s mixin derives from a base whose `on_reconnect()`
does something of its own (it counts reconnects), so that is the method it replaces, which
ends nothing: no re-spawn is claimed."""
