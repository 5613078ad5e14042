"""A client made of two mixins over one base that declares the methods each of them brings
(stubs raising `NotImplementedError`): `Client(ConnectionMixin, ReconnectMixin)` runs
`ReconnectMixin.schedule_reconnect()`, found before the base's stub in Python's method
resolution order, so `ConnectionMixin.aclose()` ends the task it keeps (TL001). The near miss:
`StubbornClient`'s first mixin defines `schedule_reconnect()` itself, so no object of the
project runs `QuietReconnectMixin`'s spawn with `ConnectionMixin.aclose()` to end it (TL201)."""
