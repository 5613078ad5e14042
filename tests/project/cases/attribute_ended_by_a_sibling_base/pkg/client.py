"""`Client` includes `TimerMixin` and `SSM`: the mixin's `self._timer` is the attribute
`SSM.stop_timer()` cancels, on every object that has both (low). The near miss: `Orphan`
includes `OtherTimerMixin` and nothing that ends its timer; `Sibling`'s `SSM` is another
object's (medium)."""

from pkg.ssm import SSM
from pkg.timers import OtherTimerMixin, TimerMixin


class Client(TimerMixin, SSM):
    pass


class Orphan(OtherTimerMixin):
    pass


class Sibling(SSM):
    pass
