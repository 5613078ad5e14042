"""Callers that drop what the dispatcher returns: through an attribute annotated with its class,
and through `self` in a subclass of the generic base (`Dispatcher[str]`)."""

from bus.dispatch import Dispatcher


class Protocol:
    def __init__(self, dispatcher: Dispatcher[str]) -> None:
        self.dispatcher = dispatcher

    def data_received(self, data: bytes) -> None:
        self.dispatcher.dispatch(data.decode())
        self.dispatcher.announce("received")


class Api(Dispatcher[str]):
    def event_received(self, name: str) -> None:
        self.dispatch(name)
