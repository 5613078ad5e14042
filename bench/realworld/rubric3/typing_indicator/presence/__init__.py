from .hub import PresenceHub

__all__ = ["PresenceHub"]
