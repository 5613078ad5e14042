"""The near misses: no attribute here is typed by a constructor, so no call through one is
followed (no guess). `self.either` is bound to a Pool in one method and to a Crate in another;
`self.made` to what a factory function returns (a call, but not of a class: its return is not
read); `self.declared` is annotated as a Starter, and the annotation wins over the constructor
(Starter's start() spawns nothing)."""

from shop.utils import Crate, Pool, Starter, make_pool


async def work():
    pass


class Message:
    def __init__(self):
        self.either = Pool()
        self.made = make_pool()
        self.declared: Starter = Pool()

    def reset(self):
        self.either = Crate()

    def send(self):
        self.either.start(work())
        self.made.start(work())
        self.declared.start(work())
