"""The bus makes and keeps an Engine and a Pump, importing their classes inside the method that
makes them (the idiom that breaks an import cycle): the import names the same classes as one at
the top of the module, so the owner is found the same way. Its close ends the pump through the
pump's own `cancel()` method (a call of a method of that name on an object of a class, not a
task's cancel) and never closes the engine."""

from typing import Any


class Bus:
    def __init__(self) -> None:
        self._engine: Any = None
        self._pump: Any = None
        self._make()

    def _make(self) -> None:
        from pkg.engine import Engine, Pump

        self._engine = Engine()
        self._pump = Pump()

    async def start(self) -> None:
        await self._engine.start()
        self._pump.start()

    async def close(self) -> None:
        await self._pump.cancel()
