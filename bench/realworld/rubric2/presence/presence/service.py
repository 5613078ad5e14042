import asyncio

from .room import Room


class PresenceService:
    """Tracks who is online; on_join runs for every join event a client sends."""

    def __init__(self) -> None:
        self.rooms: dict[str, Room] = {}

    def room(self, name: str) -> Room:
        return self.rooms.setdefault(name, Room(name))

    def on_join(self, room_name: str, user_id: str) -> None:
        room = self.room(room_name)
        room.members.add(user_id)
        room.tasks[user_id] = asyncio.create_task(self._track(room, user_id))

    async def _track(self, room: Room, user_id: str) -> None:
        while True:
            await asyncio.sleep(10)
            if user_id not in room.members:
                return

    async def close(self) -> None:
        for room in self.rooms.values():
            await room.close()


class DedupPresenceService(PresenceService):
    """Ignores a join for a user whose tracker still runs."""

    def on_join(self, room_name: str, user_id: str) -> None:
        room = self.room(room_name)
        room.members.add(user_id)
        existing = room.tasks.get(user_id)
        if existing is not None and not existing.done():
            return
        room.tasks[user_id] = asyncio.create_task(self._track(room, user_id))
