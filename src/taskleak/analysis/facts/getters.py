"""A task kept in a dotted holder and ended through a getter in another module: the getter's
module says what it returns (`Getter`: `_inflight(entry)` returns `entry.inflight`), its callers'
modules what they do with what a call of another module's function gives (`CallValueEffect`:
`task = _inflight(entry)`, then `await asyncio.shield(task)`); the join puts the two together
(`project/getter_ends.py`), as one module does for a getter and callers of its own
(`summaries/dotted_effects._through_callers`)."""

from __future__ import annotations

from typing import Any

from taskleak.records import record


@record(frozen=True)
class Getter:
    """A plain function that returns what a dotted holder holds (`return entry.inflight`, or a
    local bound to it)."""

    function: str  # qualified name in its module
    key: str  # the holder as written: "entry.inflight"
    owner: str  # the class of the holder's object as written here ("_Entry"), "" unknown

    def to_json(self) -> list[Any]:
        return [self.function, self.key, self.owner]

    @classmethod
    def from_json(cls, data: list[Any]) -> Getter:
        return cls(str(data[0]), str(data[1]), str(data[2]))


@record(frozen=True)
class CallValueEffect:
    """What a call of a function this module imports does with the value the call gives: it
    awaits, gathers, cancels or prunes it, directly or through a local (never a direct `await
    f()`, which awaits what a coroutine function gives: nearly every call of one)."""

    callee: str  # as written: "_inflight"
    caller: str  # qualified name of the calling function
    kind: str  # an `EffectKind`'s value
    where: str  # the function words: "await_lookup()"
    method: str  # the method of its class it happens in, "" outside a class

    def to_json(self) -> list[Any]:
        return [self.callee, self.caller, self.kind, self.where, self.method]

    @classmethod
    def from_json(cls, data: list[Any]) -> CallValueEffect:
        return cls(*(str(d) for d in data))
