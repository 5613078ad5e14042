"""What happens to a value at the place it is produced or read: the records `trace`
(`flow.py`) gives, one `Flow` kind each, with the facts that kind carries (`Dest`), and how an
awaited one waits (`Waited`). Plain records: every judgement reads them, none reads their words.
"""

from __future__ import annotations

from enum import Enum

import libcst as cst

from taskleak.records import record


class Flow(Enum):
    DISCARDED = "discarded"  # an expression statement
    AWAITED = "awaited"  # `await x`, or `x.result()` on a threadsafe future
    BOUND = "bound"  # assigned: see `targets`
    RETURNED = "returned"  # `return x`, `yield x`
    LAMBDA = "lambda"  # the body of a lambda
    COLLECTION = "collection"  # an argument of `c.add(x)`, `c.append(x)` ...: see `collection`
    COLLECTION_ADD = "collection_add"  # the receiver of `c.add(...)`, `c += ...`
    GATHERED = "gathered"  # an argument of gather/wait/wait_for/shield ...: see `awaited`
    PASSED = "passed"  # an argument of another call: see `callee`
    CANCEL = "cancel"  # `x.cancel()`; `f(x.cancel)` (`callee`: f, who calls it back)
    DONE_CALLBACK = "done_callback"  # `x.add_done_callback(...)`
    PRUNE = "prune"  # `c.discard(...)`, `c.pop(k)`, `del c[k]` ...
    PRUNE_REF = "prune_ref"  # `t.add_done_callback(c.discard)`: a prune method passed on
    INSPECT = "inspect"  # `x.done()`, `len(x)`, `log.info(x)`: no reference kept
    METHOD = "method"  # another method call on it: see `callee`
    ITER = "iter"  # iterated: `for t in x`, see `targets`
    SUBSCRIPT_STORE = "subscript_store"  # `x[k] = v` reads x to store into it
    CALLED = "called"  # the function called: `f` of `f(...)`; `result`: where its value goes
    # the default of a parameter (`def done(t, _tasks=self._tasks)`): `targets` its name,
    # `definition` the function or lambda that binds it
    DEFAULT = "default"
    OTHER = "other"


# the reads that end a task read there: a cancel, an await, a gather or wait
END_FLOWS = (Flow.CANCEL, Flow.AWAITED, Flow.GATHERED)


class Waited(Enum):
    """How an `AWAITED` read waits for the value (`Dest.callee` words it for people)."""

    AWAIT = "await"  # `await t`
    # `t.result()`: a concurrent Future's blocks the thread; an asyncio Task's does not wait, it
    # raises unless the task is done (`Effects.without_result_reads`)
    RESULT = "result"
    TIMED_RESULT = "timed_result"  # `fut.result(timeout)`: a blocking wait that can give up
    POLLED = "polled"  # `while not t.done(): await asyncio.sleep(...)`
    DELEGATED = "delegated"  # `return self._task.__await__()`: awaited when the object is


@record
class Dest:
    """What happens to a value at the place it is produced or read."""

    kind: Flow
    targets: tuple[cst.BaseExpression, ...] = ()  # BOUND, ITER, PRUNE (an element bound)
    collection: str | None = None  # COLLECTION: the receiver's dotted name
    receiver: cst.BaseExpression | None = None  # COLLECTION: the receiver itself
    callee: str = ""  # PASSED / GATHERED / METHOD: the callee's text
    # PASSED, GATHERED: the call it is an argument of; DONE_CALLBACK: its own
    call: cst.Call | None = None
    arg: cst.Arg | None = None  # ... as this argument
    container: bool = False  # the value went into a literal or comprehension first
    element: bool = False  # the value read was an element of the read key (x[k], x.pop())
    bound_cancel: bool = False  # COLLECTION: its bound `cancel` went in (`xs.append(t.cancel)`)
    awaited: bool = False  # GATHERED, PASSED: the consuming call is awaited
    result: Dest | None = None  # CALLED: what happens to the call's value
    awaited_value: Dest | None = None  # CALLED, `await f()`: where the awaited value goes
    waited: Waited | None = None  # AWAITED: how
    done_checked: bool = False  # AWAITED, a `.result()`: read only under a `done()` check
    comprehension: int = 0  # ITER of a comprehension's `for`: the comprehension binding targets
    copies: bool = False  # ... of `[t for t in ts if ...]`: its value holds ts's own elements
    definition: cst.FunctionDef | cst.Lambda | None = None  # DEFAULT: what binds the parameter

    @property
    def whole_argument(self) -> bool:
        """PASSED as a whole argument of its call (`f(x)`): not an element of the read key
        (`f(x[0])`) nor inside a literal (`f([x])`)."""
        return self.kind is Flow.PASSED and self.call is not None and self.arg is not None \
            and not self.element and not self.container
