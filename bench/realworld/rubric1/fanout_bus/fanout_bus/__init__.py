from .bus import Bus
from .subscribers import QueueSubscriber, WebhookSubscriber

__all__ = ["Bus", "QueueSubscriber", "WebhookSubscriber"]
