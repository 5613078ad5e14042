from typing import Any

from svc.base import CalledBackBase


class Impl(CalledBackBase):
    async def refresh(self) -> None:
        print("refreshed")

    def report(self) -> None:
        print("report")

    async def serve(self, conn: Any = None) -> None:
        print("served", conn)
