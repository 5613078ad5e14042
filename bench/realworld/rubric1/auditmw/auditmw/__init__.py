from .middleware import AuditMiddleware, BufferedAuditMiddleware

__all__ = ["AuditMiddleware", "BufferedAuditMiddleware"]
