from .webhooks import WebhookService

__all__ = ["WebhookService"]
