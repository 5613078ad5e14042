from .manager import DownloadManager

__all__ = ["DownloadManager"]
