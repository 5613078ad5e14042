"""What a rule is: a code, a name, a default risk, a page in ruff's shape, examples, the fixes it
offers, and how it judges a spawn's fate. Each rule is one module of this package holding one
`RULE`; the registry (`taskleak.rules`) finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.model import FixKind, Risk
from taskleak.records import record

CODE_PREFIX = "TL"
DOCS_BASE_URI = "https://github.com/taskleak/taskleak/blob/main/docs/rules/"
ASYNCIO_CREATE_TASK_URI = "https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task"
ASYNCIO_CANCEL_URI = "https://docs.python.org/3/library/asyncio-task.html#asyncio.Task.cancel"
ASYNCIO_TASKGROUP_URI = "https://docs.python.org/3/library/asyncio-task.html#task-groups"
RUF006_URI = "https://docs.astral.sh/ruff/rules/asyncio-dangling-task/"


class Category(Enum):
    """What kind of problem a rule finds (the hundreds of its code)."""

    INFORMATIONAL = "informational"  # TL0xx: the report's green rows
    LOST = "lost"  # TL1xx: nothing keeps the task, or a running task loses its reference
    UNENDED = "unended"  # TL2xx: kept, but nothing ends it
    UNFOLLOWED = "unfollowed"  # TL3xx: where the analysis cannot follow the task (opt-in)
    UNANALYSED = "unanalysed"  # TL8xx: a file taskleak could not read or parse, not a spawn
    SUPPRESSION = "suppression"  # TL9xx: about taskleak's own suppression comments, not spawns

    @property
    def judges_spawns(self) -> bool:
        """Its rules report spawns (the rows of the spawn table), not comments or files."""
        return self not in (Category.UNANALYSED, Category.SUPPRESSION)


@record(frozen=True)
class FixKindInfo:
    """A fix kind's applicability (ruff's safe/unsafe) and how its page explains it."""

    kind: FixKind
    safe: bool  # safe fixes run by default; unsafe ones need --unsafe-fixes or per-rule opt-in
    title: str
    safety: str  # why it is safe or unsafe, one or two sentences
    unsafe_when: str = ""  # a safe kind that is unsafe in some cases: which ones

    @property
    def applicability(self) -> str:
        """"safe", "unsafe" or "safe; unsafe when ...": the words every output uses."""
        if not self.safe:
            return "unsafe"
        return f"safe; unsafe when {self.unsafe_when}" if self.unsafe_when else "safe"

    @property
    def can_be_unsafe(self) -> bool:
        """Some of its fixes need --unsafe-fixes (or the rule in `unsafe-fixes`)."""
        return not self.safe or bool(self.unsafe_when)

    def to_json(self) -> dict[str, str]:
        out = {"kind": self.kind.value, "applicability": "safe" if self.safe else "unsafe"}
        if self.unsafe_when:
            out["unsafe_when"] = self.unsafe_when
        return out


FIX_KINDS: dict[FixKind, FixKindInfo] = {
    f.kind: f
    for f in (
        FixKindInfo(
            FixKind.TRACKED_SET, True, "keep the task in a set that prunes itself",
            "Safe means the fix only keeps a reference: the task still runs concurrently, "
            "exactly as before, strongly referenced until it finishes and then released by its "
            "own done-callback (no other reference outlives it). Nothing is cancelled, awaited "
            "or reordered.",
        ),
        FixKindInfo(
            FixKind.AWAIT, False, "await the coroutine instead of spawning it",
            "The caller now waits for the work to finish, which changes concurrency: ordering, "
            "latency and exception propagation. Offered only inside `async def`, never for a "
            "`while True` coroutine or a spawn inside a loop.",
        ),
        FixKindInfo(
            FixKind.CANCEL_PREVIOUS, False,
            "cancel the running task before spawning its replacement",
            "The previous task is cancelled where it used to keep running. That is almost always "
            "the intent (one heartbeat per connection), but taskleak cannot prove that the old "
            "task was not meant to finish its work.",
        ),
        FixKindInfo(
            FixKind.CANCEL_IN_CLOSE, False, "cancel the task in the class's final close method",
            "The task is cancelled (and, in an async method, waited for with "
            "`gather(..., return_exceptions=True)`, which never swallows the caller's own "
            "cancellation) at the end of the owner's final close method, where it used to keep "
            "running. Offered only for a close method no other method of the class calls (not "
            "a `disconnect()` that `reconnect()` uses), never in the method the task runs. When "
            "the spawn's method runs again and again, the previous task is also cancelled "
            "before each new spawn.",
        ),
        FixKindInfo(
            FixKind.TASK_GROUP, False, "move the spawn into the enclosing task group",
            "The task group now owns the task: its `async with` block waits for the task "
            "before it exits, and the task's failure cancels the group's other tasks and "
            "propagates. Offered only inside the block of an `asyncio.TaskGroup` or anyio task "
            "group, never for a coroutine that runs forever.",
        ),
        FixKindInfo(
            FixKind.DISCARD_CALLBACK, True, "prune the collection when each task finishes",
            "Only finished tasks leave the set, so nothing that is running changes; the set stops "
            "growing without bound.",
        ),
        FixKindInfo(
            FixKind.REMOVE_NOQA, True, "remove the unused codes, or the whole directive",
            "Only a comment changes: the edit is made only when the module parses to the same "
            "tree after it, so the program runs as before.",
        ),
    )
}


@record(frozen=True)
class Description:
    """How a rule shows one spawn: the table's columns and the message."""

    tracked: str
    cleaned: str
    message: str  # the claim, short (the header line); what shows it goes in `evidence`
    risk: Risk | None = None  # None: the rule's default risk
    # Why the claim matters, when it is the same for every finding of a kind: the human formats
    # print it once per run, not in every message.
    because: str = ""
    evidence: tuple[str, ...] = ()  # what shows the claim (Finding.evidence)


@record(frozen=True)
class Rule:
    code: str
    name: str  # kebab-case, accepted wherever a code is
    risk: Risk  # default risk; a finding may raise or lower it (e.g. per-iteration spawns)
    category: Category
    summary: str  # one sentence: SARIF shortDescription, `taskleak rules`
    what_it_does: str  # Markdown paragraphs
    why_bad: str  # Markdown paragraphs
    example: str  # a whole module that raises this rule (shown and tested)
    fix_example: str  # the example after the fix (reported low); "" when no fix is needed
    # The fates this rule reports, and its words for each; a rule that judges no spawn (a
    # suppression rule, reported by `taskleak.suppress`) claims no fate and needs no words.
    fates: frozenset[FateKind] = frozenset()
    describe: Callable[[Fate], Description] | None = None
    fix_kinds: tuple[FixKind, ...] = ()  # preferred first
    fix_notes: str = ""  # when taskleak offers no fix, or caveats beyond the fix kinds
    references: tuple[tuple[str, str], ...] = ()  # (title, URI)
    # Small modules run as tests: each `invalid` one must raise this rule, no `valid` one may.
    invalid: tuple[str, ...] = ()
    valid: tuple[str, ...] = ()
    # Refining rules claim fates another rule reports, when `applies` says so; they are asked
    # first (lower precedence first).
    applies: Callable[[Fate], bool] | None = None
    precedence: int = 100
    # False: an opt-in rule (like ruff's RUF100), run only when selected by code, name or
    # prefix (`--select TL`, `--extend-select NAME`).
    default_enabled: bool = True
    # The rule's risk grows with how often the spawn runs (a task lost per call): its findings
    # say how often (`Fate.frequency`) first in their evidence.
    says_how_often: bool = False

    @property
    def help_uri(self) -> str:
        return f"{DOCS_BASE_URI}{self.code}.md"

    @property
    def fixes(self) -> tuple[FixKindInfo, ...]:
        return tuple(FIX_KINDS[k] for k in self.fix_kinds)

    def judge(self, fate: Fate) -> Verdict | None:
        """This rule's verdict on a fate, or None when the rule does not report it."""
        if fate.kind not in self.fates or (self.applies is not None and not self.applies(fate)):
            return None
        assert self.describe is not None, f"{self.code} claims fates but has no words for them"
        shown = self.describe(fate)
        often = (fate.frequency,) if fate.frequency and self.says_how_often else ()
        return Verdict(self, shown.risk or self.risk, shown.tracked, shown.cleaned,
                       shown.message, shown.because, often + shown.evidence)


@record(frozen=True)
class Verdict:
    """A rule's finding on one spawn."""

    rule: Rule
    risk: Risk
    tracked: str
    cleaned: str
    message: str
    because: str = ""
    evidence: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return self.rule.code
