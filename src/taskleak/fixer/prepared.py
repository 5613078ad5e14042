"""The original side of fixing one module's text, made once per text and reused.

Speed trick (one place): an editor asks to fix the same buffer several times in a row: the
quick-fix menu's safe and unsafe fixes, the one picked from it, then fix-all, each through its
own `Session.fix`. Each call parsed and analysed the same bytes again, placed its spawns, asked
every fix kind for its offers (a dry run of each, with a code generation of the module up to the
spawn), generated the module to find what libcst's round trip loses, and tokenized and compiled
the original for the verification: all of it a function of the bytes, the spawners, the file
name and the fix style alone. Inside `kept()` (the language server's fixes) it is made once and
kept for the last text fixed on this thread (one slot, dropped by the next text), so a second
fix of the same text pays only for its own rewrite and its verification, which always run: the
fixed text is parsed, compiled and re-checked every time. Outside it (`taskleak fix`, which
fixes each file once) nothing is kept: every fix starts from scratch, as before. Measured on
`bench/server_latency.py`'s 1,000-line buffer, in process, load average ~3 on 2 cores: the fix
picked from a menu that named it takes 275-280 ms (p50) instead of 390-415 ms from scratch (see
bench/README.md, "Quick fixes in the editor"). Guarded by tests/server/test_fix_reuse.py: fixes
made through the slot are byte for byte those made from scratch (every fix pair of the tests, in
several orders), a text is parsed and analysed once however many fixes are asked of it, and a
dropped text's trees go by reference counting (its scopes are emptied: `forget`), not to the
cycle collector.

The tree is the text's, the fix context the style's: a fix in another style reuses the tree with
a context of its own. And the language server's check of a buffer, inside `kept()`, hands its
tree and analysis over (`adopt`, called by `run.pipeline`) instead of freeing them, so the menu
of that version parses and analyses nothing. The check's parse does not validate its nodes
(`analysis.tree.parse`), the fixer's did, and libcst's validation refuses a few texts its
parser accepts (`1 not in.9`): an adopted tree is validated node by node before its first fix,
and one that fails is dropped, so the fixer parses the text itself and says what it said (the
walk costs ~20 ms on bench/server_latency.py's buffer, the parse and analysis it saves ~100).
Inside `kept(advice_later=True)` (the server's check for diagnostics) the findings' fix advice
is left out too and made from the kept tree by the first code action's check (`checked`).
Measured with bench/server_latency.py (1,000 lines, 5 spawns; A/B interleaved, load 2.3-3.5 on
2 cores): the asked-for menu p50 139-191 ms before, 50-86 after; the server's CPU per menu
138-185 ms, 52-72. Guarded by tests/server/test_fix_reuse.py: the fixes of an adopted tree, in
any order and style, are those made from scratch (every fix pair of the tests, and a text
libcst's validation refuses); a menu after a check parses nothing; a check without advice then
one with it give the plain check's findings and diagnostics on every sample file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field

import libcst as cst

from taskleak.advice.offers import needs_fix, offers
from taskleak.analysis.analyse import ModuleAnalysis, shown_node
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.positions import enclosing_function, spawn_positions
from taskleak.analysis.tree.walk import every_node
from taskleak.fixer.verify import Checker
from taskleak.fixes.context import FixContext
from taskleak.fixes.plan import Offer
from taskleak.fixes.policy import FixStyle
from taskleak.fixes.splice import Lost, lost_lines
from taskleak.records import record
from taskleak.rules import Verdict, judge

Spot = tuple[Spawn, Verdict, int, int]  # a spawn to fix, its verdict, line and column
Key = tuple[bytes, tuple[Spawner, ...], str, FixStyle | None]  # what all of it depends on


@record(eq=False)
class Prepared:
    """One parsed and analysed text, and what fixing it needs, each part made when first
    asked for."""

    key: Key
    module: cst.Module
    analysis: ModuleAnalysis
    ctx: FixContext
    items: list[tuple[Spawn, Verdict]]
    _spots: dict[bool, list[Spot]] = field(default_factory=dict)
    _offers: dict[int, tuple[list[Offer], list[str]]] = field(default_factory=dict)
    _written: tuple[bytes, Lost | None] | None = None
    _checker: Checker | None = None
    validated: bool = True  # False: a check's tree, parsed without libcst's validation
    facts: ModuleFacts | None = None  # a check's tree: its facts, before advice

    def restyled(self, key: Key) -> Prepared:
        """The same text (tree, analysis, round trip, verifier) for a fix in `key`'s style."""
        out = _made(key, self.module, self.analysis)
        out._written, out._checker, out.validated = self._written, self._checker, self.validated
        out.facts = self.facts
        return out

    @property
    def data(self) -> bytes:
        return self.key[0]

    def spots(self, targeted: bool) -> list[Spot]:
        """The spawns the fixer may fix, placed as check places them (targets are check's
        positions): the same function, nodes and text, so a form feed or a lone backslash line
        moves neither. Untargeted (a whole file), a call whose receiver only the project join
        can type (`core.loop.create_task`) is left out: it is fixed only as a target."""
        found = self._spots.get(targeted)
        if found is None:
            wanted = [(sp, v) for sp, v in self.items if needs_fix(v, sp)
                      and (targeted or not sp.receiver)]
            shown = [(sp, v, shown_node(sp)) for sp, v in wanted]
            where = spawn_positions(self.module, self.analysis.text,
                                    [(node, sp.site.statement) for sp, _, node in shown],
                                    [enclosing_function(sp.site.scope) for sp, _, _ in shown])
            found = self._spots[targeted] = [
                (sp, v, where[id(node)][0], where[id(node)][1] + 1) for sp, v, node in shown]
        return found

    def offers(self, sp: Spawn, verdict: Verdict) -> tuple[list[Offer], list[str]]:
        """Every fix that can be built for the spawn, and why others cannot (`offers`)."""
        found = self._offers.get(id(sp))
        if found is None:
            found = self._offers[id(sp)] = offers(self.ctx, sp, verdict)
        return found

    def written(self) -> tuple[bytes, Lost | None]:
        """libcst's round trip of the text, and the lines it loses (None: more than lines)."""
        if self._written is None:
            written = self.module.bytes
            self._written = (written, lost_lines(self.data, written) if written != self.data
                             else Lost())
        return self._written

    def checker(self, lost: Lost) -> Checker:
        """A verifier of rewrites of this text: the original's comments and compilation are
        read once, each fix's verification runs on its own."""
        if self._checker is None:
            self._checker = Checker(self.module, self.items, self.key[1], self.key[2],
                                    self.data, lost)
        return self._checker.again()


# the last text prepared inside `kept()` on this thread (the analysis runs on one thread at a
# time: `analysis.parse`), and whether this thread is inside `kept()`
_SLOT = threading.local()


@contextmanager
def kept(*, advice_later: bool = False) -> Iterator[None]:
    """Inside the block, the last text prepared on this thread is kept and reused.
    `advice_later`: a check that keeps its tree leaves its findings without fix advice (the
    diagnostics need none); the check of the same text asked for with advice then makes it
    from the kept tree and facts (`checked`), parsing and analysing nothing."""
    outer = getattr(_SLOT, "keeping", False), getattr(_SLOT, "later", False)
    _SLOT.keeping, _SLOT.later = True, advice_later
    try:
        yield
    finally:
        _SLOT.keeping, _SLOT.later = outer


def advice_later() -> bool:
    """Inside `kept(advice_later=True)`."""
    return bool(getattr(_SLOT, "keeping", False) and getattr(_SLOT, "later", False))


def checked(data: bytes, spawners: tuple[Spawner, ...], filename: str
            ) -> tuple[ModuleAnalysis, ModuleFacts] | None:
    """Inside `kept()`, the analysis and facts (before advice) the check of exactly this text,
    spawners and file name left, when it is the last text kept on this thread."""
    last = _kept((data, spawners, filename))
    if last is None or last.facts is None:
        return None
    return last.analysis, last.facts


def find(key: Key) -> Prepared | None:
    """Inside `kept()`, the preparation of exactly this text, spawners and file name (in this
    style), if it is the last one made or adopted on this thread."""
    last = _kept(key[:3])
    if last is None:
        return None
    if not last.validated:
        if not _validates(last.module):
            forget()  # the fixer's own parse says why (libcst's validation refuses the text)
            return None
        last.validated = True
    if last.key != key:
        last = _SLOT.last = last.restyled(key)
    return last


def _kept(text: tuple[bytes, tuple[Spawner, ...], str]) -> Prepared | None:
    """Inside `kept()`, the last text kept on this thread when it is this text (its bytes,
    spawners and file name), in any style."""
    last: Prepared | None = getattr(_SLOT, "last", None)
    if not getattr(_SLOT, "keeping", False) or last is None or last.key[:3] != text:
        return None
    return last


def _made(key: Key, module: cst.Module, analysis: ModuleAnalysis) -> Prepared:
    items = [(sp, judge(f)) for sp, f in zip(analysis.spawns, analysis.fates, strict=True)]
    return Prepared(key, module, analysis, FixContext(analysis, key[3]), items)


def prepare(key: Key, module: cst.Module, analysis: ModuleAnalysis) -> Prepared:
    """The parsed and analysed text, ready to fix; inside `kept()`, kept in place of the last
    one."""
    prepared = _made(key, module, analysis)
    if getattr(_SLOT, "keeping", False):
        forget()
        _SLOT.last = prepared
    return prepared


def adopt(data: bytes, spawners: tuple[Spawner, ...], filename: str, module: cst.Module,
          analysis: ModuleAnalysis, facts: ModuleFacts) -> bool:
    """Inside `kept()`, keep a check's tree, analysis and facts (before advice) of `data`
    (parsed without validation) for the fixes of that text, in place of the last text; False
    (nothing kept) outside."""
    if not getattr(_SLOT, "keeping", False):
        return False
    forget()
    _SLOT.last = _made((data, spawners, filename, None), module, analysis)
    _SLOT.last.validated, _SLOT.last.facts = False, facts
    return True


def _validates(module: cst.Module) -> bool:
    """Every node of the tree passes libcst's validation (`CSTNode._validate`, which a
    validating parse runs as it builds each node): the tree a validating parse of its text
    would have built, rather than raised."""
    try:
        for node in every_node(module):
            node._validate()
    except cst.CSTValidationError:
        return False
    return True


def forget() -> None:
    """Drop the kept text. Its scope tree is emptied, so that it goes at once by reference
    counting, not at the cycle collector's next full collection, which would walk it first
    (nothing made from it reads it any more: a re-check's facts come from the fixed text's own
    tree)."""
    last: Prepared | None = getattr(_SLOT, "last", None)
    _SLOT.last = None
    if last is not None:
        last.analysis.root.release()
