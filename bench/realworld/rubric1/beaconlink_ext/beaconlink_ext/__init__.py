from .client import BeaconClient

__all__ = ["BeaconClient"]
