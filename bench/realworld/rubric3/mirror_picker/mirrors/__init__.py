from .picker import MirrorPicker

__all__ = ["MirrorPicker"]
