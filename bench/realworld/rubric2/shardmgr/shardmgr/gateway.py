from .base import ShardManager


class Gateway:
    def __init__(self, manager: ShardManager) -> None:
        self.manager = manager

    def on_invalid_session(self, shard_id: int) -> None:
        self.manager.relaunch(shard_id)
