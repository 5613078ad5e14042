from .feeds import PubSub
from .mixins import ShardMixin, TopicMixin


class Sharded(ShardMixin, PubSub):
    pass


class Topic(TopicMixin, PubSub):
    pass
