from .tls import TlsSession

__all__ = ["TlsSession"]
