"""Per-module facts: what analysing one module yields, as plain, picklable data.

- its spawns (`SpawnFacts`): where each is, what it runs, its fates as far as this module can
  tell, and the questions it cannot answer alone (`Question`: is `Handler._task` cancelled
  anywhere? who keeps the task this function returns? who owns the collection passed in as this
  parameter?);
- what it can tell other modules (`Exports`): which attributes and collections it awaits,
  cancels or prunes, which functions return tasks, which calls drop the value they return.

Facts are computed once per file content, cached, and joined project-wide (`taskleak.project`).
No libcst here: a warm run reads facts from the cache without loading the parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field, replace
from enum import Enum
from typing import Any

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Keeper
from taskleak.analysis.facts.interface import LET_GO, Exports
from taskleak.model import FixInfo, FixKind, Skipped, Step, StepKind
from taskleak.records import record

# a RECEIVER_LOOP question's `name` when a receiver typed by nothing will do too (a
# `create_task` of the project's `async def`): also what `typed_names` holds for such an
# attribute
UNTYPED = "untyped"
# what `typed_names` holds for a task group (`@property def task_group(self) -> TaskGroup`): a
# `create_task` on it that another module asks about is a spawn its group keeps
TASK_GROUP = "taskgroup"


class QuestionKind(Enum):
    ATTRIBUTE_CLEANUP = "attribute_cleanup"  # is `owner`.`name` awaited/cancelled elsewhere?
    RETURNED_TASK = "returned_task"  # what do the callers of function `owner` do with it?
    PARAMETER_COLLECTION = "parameter_collection"  # who owns what `owner`'s `name` receives?
    # is the receiver chain `owner` ("pkg.core.loop") an event loop (`name` "", or tornado's
    # IOLoop: "ioloop"; "untyped": a loop, or typed by nothing)? a spawn only if it is
    RECEIVER_LOOP = "receiver_loop"
    # who calls the spawn helper `owner` (it keeps and ends what it spawns)?
    HELPER_CALLERS = "helper_callers"
    # does the call `owner` (as written: "self._client._tasks.create"; `name`: the declared type
    # of the local it is made through) run a spawn helper method of the project? a spawn only
    # if it does (`obligations/helper_calls.py`)
    HELPER_METHOD = "helper_method"
    # what does the function called as `owner` from `name` (the caller's qualified name) do
    # with the task its argument `index` gives it? (`foreign_handoffs.py`)
    HANDED_TO = "handed_to"
    # does the call `owner` (a chain as written in this module: "pkg.locks.Condition().wait")
    # give a coroutine? `ensure_future` of it makes a task only if it does (`project/callees.py`)
    CALL_MAKES = "call_makes"
    # is the module-level name `name` (as this module binds it: a global of its own or an
    # imported one) awaited, cancelled or pruned by another module? (`Exports.global_effects`)
    GLOBAL_CLEANUP = "global_cleanup"
    # what does the coroutine function `owner` (a chain as written here: "pkg.beats.heartbeat")
    # that the spawn runs say of its task: does it ever end by itself? (`name` OWN_OBJECT: a
    # method of the spawning method's own object, which its class may stop through a flag:
    # `project/coroutine_bodies.py`, `project/flag_stops.py`)
    COROUTINE_BODY = "coroutine_body"
    # is the call `owner` (a chain as written in this module) a call of an `async def` of the
    # project? a `create_task` of it on a receiver nobody typed is a spawn only if it is
    # (`obligations/spawns.py`, `project/callees.py`)
    CALL_IS_COROUTINE = "call_is_coroutine"
    # does the module of `owner` (a base class of the storing method's class, by its qualified
    # import chain: "pkg.base.ClientBase") call the method `name` on `self` again while the task
    # it stored over a live one runs? (`project/reentry.py`; the module is read by its path)
    REENTRY = "reentry"
    # is the function `owner` called, from another module, by code that runs again and again
    # (per event, per turn of a loop), not behind a test that the module-level collection
    # `name` (as this module binds it) holds no live task for the key? A store it makes there
    # over a live task is then reached again (`project/called_often.py`). For a method storing
    # into an attribute of `self` (`name`), the modules that call it are read for the calls
    # that run it again (`project/reentry.py`)
    CALLED_OFTEN = "called_often"
    # is the coroutine function `owner` (the spawn's, by qualified name) run by `asyncio.run()`
    # from another module? what it leaves running (a race's losers) is then cancelled when it
    # returns (`project/runner_ends.py`)
    RUN_BY_A_RUNNER = "run_by_a_runner"
    # a local held by a function that never returns, given a done-callback of another module
    # (owner: its chain): whether it reads the task's outcome (`project/done_callbacks.py`)
    CALLBACK_READS = "callback_reads"
    # a task kept in an attribute and ended in close-like methods of its class (owner: the
    # class, name: those methods): do the owners of such objects call them on their way out?
    # (`project/owner_paths.py`)
    OWNER_CLOSES = "owner_closes"
    # the same for a task ended only in methods its module never calls, none close-like
    # (`Fate.user_ended`; name: those methods): does the object's own close, an owner's or a
    # subclass's call one, or does another module? (`project/owner_paths.user_ends`)
    USER_ENDS = "user_ends"
    # a task kept in an attribute that runs until cancelled, ended in its module only to be
    # replaced (owner: the class, name: the attribute): does another module call those ends?
    # (`project/replaced_only.py`)
    REPLACED_ONLY = "replaced_only"
    # a lambda that returns the task, handed to the call `owner` (a chain as written in this
    # module) whose own value is dropped: is that a function of the project? If not, it is an
    # unknown callback registration, which keeps nothing (`project/registrations.py`)
    LAMBDA_CALLEE = "lambda_callee"
    # a call this module resolves to a name of another module (`owner`, as written here:
    # ".compat.create_task") whose last name is a spawn function of asyncio's (`name`:
    # "asyncio.create_task"): a spawn only when the project's imports lead there
    # (`project/reexports.py`)
    STDLIB_NAME = "stdlib_name"


# COROUTINE_BODY's `name` when the spawn runs a method of its own object (`self._poll()`)
OWN_OBJECT = "self"


@record(frozen=True)
class Question:
    kind: QuestionKind
    owner: str  # a class or function, by qualified name within its module
    name: str = ""  # the attribute or parameter
    # PARAMETER_COLLECTION: the position of the call's argument that reaches the parameter (a
    # method's `self` not counted: a call through its object does not pass it)
    index: int = -1
    star: bool = False  # HANDED_TO: the argument is starred (`f(*self._tasks)`)
    keyword: str = ""  # HANDED_TO: the argument's keyword (`f(task=t)`; `index` is -1)
    # HANDED_TO: the caller keeps what the call gives (stores it): a constructor keeping the
    # task makes an object that holds it there (`project/constructed_holders.py`)
    kept: bool = False

    def to_json(self) -> list[Any]:
        out = [self.kind.value, self.owner, self.name, self.index, self.star, self.keyword]
        return [*out, True] if self.kept else out

    @classmethod
    def from_json(cls, data: list[Any]) -> Question:
        return cls(QuestionKind(data[0]), data[1], data[2], data[3], bool(data[4]), data[5],
                   len(data) > 6 and bool(data[6]))


@record(frozen=True)
class SpawnFacts:
    """One spawn, as its module sees it."""

    line: int  # 1-based line of the spawning call
    column: int  # 1-based
    end_line: int
    end_column: int  # 1-based, one past the last character
    statement_line: int  # first line of the statement holding the call (for noqa)
    spawner: str  # resolved: "asyncio.create_task", "loop.create_task"
    coroutine: str  # what it runs: "self._send()"
    context: str  # qualified name of the enclosing function or class, "<module>"
    snippet: str  # the spawning statement, whitespace-normalised (for baselines)
    fates: tuple[Fate, ...]  # where the Task went; the best-kept one counts
    questions: tuple[Question, ...] = ()
    # a configured spawner with no promise: the project join reads it from the helper's body
    helper: str = ""
    arguments: tuple[str, ...] = ()  # a helper's positional arguments, as written (see helper)
    # filled in by the fix-advice stage, for the rule the module's own facts give
    fix: FixInfo | None = None
    no_fix_reason: str | None = None
    advised_rule: str = ""
    # its fates when every function of another module it is handed to (HANDED_TO) ends
    # nothing: the join takes them when it finds that so (`foreign_handoffs.py`)
    otherwise: tuple[Fate, ...] = ()
    # a call of a spawn helper of the project (not a configured one): when the helper keeps or
    # drops the task itself, the task is created in the helper, whose spawn is the row (RUBRIC
    # convention 1), and the call is none
    project_helper: bool = False
    steps: tuple[Step, ...] = ()  # where the task is stored and ended (`obligations/steps.py`)
    # the method of its own object its coroutine is a call of (`self._update_calls()`): a
    # cancel there, wherever that method lives, is the task's own as it finishes
    runs: str = ""

    @property
    def structured(self) -> bool:
        return any(f.kind is FateKind.STRUCTURED for f in self.fates)

    def with_advice(self, rule: str, fix: FixInfo | None, reason: str | None) -> SpawnFacts:
        return replace(self, fix=fix, no_fix_reason=reason, advised_rule=rule)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "at": [self.line, self.column, self.end_line, self.end_column, self.statement_line],
            "spawner": self.spawner, "coroutine": self.coroutine, "context": self.context,
            "snippet": self.snippet, "fates": [f.to_json() for f in self.fates],
        }
        if self.questions:
            data["questions"] = [q.to_json() for q in self.questions]
        if self.helper:
            data["helper"] = [self.helper, list(self.arguments)]
        if self.advised_rule:
            data["advice"] = [self.advised_rule, _fix_json(self.fix), self.no_fix_reason]
        if self.otherwise:
            data["otherwise"] = [f.to_json() for f in self.otherwise]
        if self.project_helper:
            data["project_helper"] = True
        if self.steps:
            data["steps"] = [[s.kind.value, s.line, s.column, s.name] for s in self.steps]
        if self.runs:
            data["runs"] = self.runs
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpawnFacts:
        line, column, end_line, end_column, statement_line = data["at"]
        rule, fix, reason = data.get("advice", ["", None, None])
        helper, arguments = data.get("helper", ("", ()))
        return cls(line, column, end_line, end_column, statement_line, data["spawner"],
                   data["coroutine"], data["context"], data["snippet"],
                   tuple(Fate.from_json(f) for f in data["fates"]),
                   tuple(Question.from_json(q) for q in data.get("questions", ())),
                   helper, tuple(arguments),
                   FixInfo(FixKind(fix[0]), fix[1], fix[2]) if fix is not None else None,
                   reason, rule, tuple(Fate.from_json(f) for f in data.get("otherwise", ())),
                   bool(data.get("project_helper")),
                   tuple(Step(StepKind(k), line, col, name)
                         for k, line, col, name in data.get("steps", ())),
                   data.get("runs", ""))


def _fix_json(fix: FixInfo | None) -> list[Any] | None:
    return None if fix is None else [fix.kind.value, fix.safe, fix.description]


@record(frozen=True)
class ModuleFacts:
    spawns: tuple[SpawnFacts, ...] = ()
    exports: Exports = field(default_factory=Exports)

    def to_json(self) -> dict[str, Any]:
        return {"spawns": [s.to_json() for s in self.spawns], "exports": self.exports.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModuleFacts:
        return cls(tuple(SpawnFacts.from_json(s) for s in data["spawns"]),
                   Exports.from_json(data["exports"]))


def questions_of(fates: tuple[Fate, ...], context: str,
                 param_index: Callable[[str, str], int] = lambda owner, name: -1
                 ) -> tuple[Question, ...]:
    """What a spawn's module cannot tell alone about it (see `QuestionKind`); `param_index`
    gives a parameter's position in its function."""
    out: list[Question] = []
    for fate in fates:
        kind = fate.kind
        if kind is FateKind.RETURNED or (kind in (FateKind.LOCAL_HANDED,
                                                  FateKind.LOCAL_COLLECTION_HANDED)
                                         and fate.hand is Hand.RETURNED):
            out.append(Question(QuestionKind.RETURNED_TASK, context))
        elif fate.keeper in (Keeper.ATTRIBUTE, Keeper.DOTTED) and (
                kind in _UNENDED or (fate.ends == LET_GO and kind in _KEPT_ENDED)):
            # (one only let go of once done: unended when its coroutine, another module's,
            # never is, `coroutine_bodies.never_let_go`; then other ends of the attribute count)
            out.append(Question(QuestionKind.ATTRIBUTE_CLEANUP, fate.owner, fate.attribute))
        elif fate.keeper is Keeper.GLOBAL and (kind in _UNENDED or fate.ends == LET_GO):
            out.append(Question(QuestionKind.GLOBAL_CLEANUP, "", fate.attribute))
        elif fate.keeper is Keeper.PARAMETER and (kind in _RECEIVED or fate.overwrites):
            out.append(Question(QuestionKind.PARAMETER_COLLECTION, fate.owner, fate.attribute,
                                param_index(fate.owner, fate.attribute)))
        if fate.overwrites and (fate.keeper is Keeper.GLOBAL or (
                fate.keeper is Keeper.ATTRIBUTE and kind in _KEYED_STORES)):
            # (an attribute's: the modules calling the method are read, `project/reentry.py`)
            out.append(Question(QuestionKind.CALLED_OFTEN, context, fate.attribute))
        if fate.grows_if_repeated:  # (`project/reentry.py`: its callers in other modules)
            out.append(Question(QuestionKind.CALLED_OFTEN, context, fate.attribute))
        if fate.callback:
            out.append(Question(QuestionKind.CALLBACK_READS, fate.callback))
        if fate.ended_in and fate.user_ended and kind in _KEPT_ENDED:
            out.append(Question(QuestionKind.USER_ENDS, fate.owner, fate.ended_in))
        elif fate.ended_in and kind is FateKind.KEPT_CLEANED:
            out.append(Question(QuestionKind.OWNER_CLOSES, fate.owner, fate.ended_in))
        elif fate.replaced_only and kind in _REPLACE_CHECKED:
            out.append(Question(QuestionKind.REPLACED_ONLY, fate.owner, fate.attribute))
    return tuple(dict.fromkeys(out))


# Fates that end no task here, where another module's cleanup could change the verdict: kept in
# an attribute (not a fixed dict slot, `hass.data[KEY] = task`: what other modules do with
# `.data` says nothing of that one slot), or in a collection received as a parameter (any fate
# whose store `overwrites` an entry: its callers say whether it runs again for the same key).
_UNENDED = frozenset({FateKind.NEVER_CLEANED, FateKind.SINGLETON, FateKind.COLLECTION_GROWS,
                      FateKind.RESPAWNED})
# ended in its module, or handed to what the join may find ends it (`project/replaced_only.py`)
_REPLACE_CHECKED = frozenset({FateKind.KEPT_CLEANED, FateKind.KEPT_HANDED})
# kept and ended in its module: asked of the object's way out when only methods its users call
# end it (`Fate.user_ended`), and of the holder's other ends when only a let-go does, which
# ends nothing if its coroutine never finishes (`coroutine_bodies.never_let_go`)
_KEPT_ENDED = frozenset({FateKind.KEPT_CLEANED, FateKind.COLLECTION_CLEANED})
# a store into a dict of `self` over the entry's live task (`classify.collection_fate`)
_KEYED_STORES = frozenset({FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_GROWS})
_RECEIVED = frozenset({FateKind.LOCAL_COLLECTION_DROPPED, FateKind.KEY_OVERWRITTEN,
                       FateKind.COLLECTION_GROWS})


@record
class FileFacts:
    """What the run knows of one file: its module's facts, or why it was skipped."""

    path: str  # as reports show it
    module: ModuleFacts | None = None
    skipped: Skipped | None = None
    parsed: bool = False  # False when the prefilter ruled the file out, or it did not parse
    answers_only: bool = False  # parsed only for what it tells other modules (no spawns)
    # whether its bytes mention `noqa` (any case): False lets the suppression step skip reading
    # it again; unknown is True
    mentions_noqa: bool = True
    # the project's spawn helpers of other modules it was analysed with, by qualified name
    # (run/helper_forecast.py, run/helper_callers.py)
    helpers: tuple[str, ...] = ()
    # the lines (first, last; 0-based) of the blocks a big file was analysed without
    # (analysis/tree/blocks.py): its facts are its spawns', its exports partial, never cached
    emptied: tuple[tuple[int, int], ...] = ()
