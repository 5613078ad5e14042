from .uploader import ChunkedUploader

__all__ = ["ChunkedUploader"]
