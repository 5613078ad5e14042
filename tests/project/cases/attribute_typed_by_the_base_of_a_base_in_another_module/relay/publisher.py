"""A class whose attributes are declared by the base of its base, in another module: read with
both, `self.tm` is the task master (a class of another library: its `create_task` is no event
loop's, no row) and `self.events` an event loop (a dropped task, high). Near miss: `self.other`,
which nothing declares: a create_task of the project's coroutine on it is taken for an event
loop's, its words saying the receiver is untyped."""

from relay.service import RelayService


class Publisher(RelayService):
    def reload(self) -> None:
        super().reload()
        self.tm.create_task(self.send(), name="sender")

    def kick(self) -> None:
        self.events.create_task(self.send())

    def poke(self) -> None:
        self.other.create_task(self.send())

    async def send(self) -> None:
        print("sent")
