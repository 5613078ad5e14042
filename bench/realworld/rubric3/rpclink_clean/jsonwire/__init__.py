from .peer import Peer

__all__ = ["Peer"]
