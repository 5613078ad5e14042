"""Follow each spawned Task to where it is kept and what ends it, then give it a rule and a risk.

This is the seeds' scan table made mechanical: "tracked?" is the holder the Task reaches (a local,
an attribute, a global, a collection, the caller), "cleaned up?" is what the rest of the function,
class or module does with that holder (await, gather, cancel, prune).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from taskleak.analysis.resolve import Resolver
from taskleak.analysis.scan import (
    CallSite,
    Dest,
    Occurrence,
    Scope,
    callee_text,
    defined_function,
    dotted,
)
from taskleak.analysis.spawns import Spawn
from taskleak.model import Risk

# Functions that run once per event: a spawn there runs again and again. Matched on the words
# of the name (`handle_message`, `onMessage`, `reconnect`), not on substrings
# (`connection_made` runs once per connection object).
REPEATING_FIRST = frozenset({"on", "handle", "process", "dispatch", "receive", "recv", "consume"})
REPEATING_WORDS = frozenset({"message", "messages", "msg", "connect", "reconnect", "restart",
                             "reload", "switch", "refresh", "packet", "frame", "trigger", "turn",
                             "retry", "request", "event"})
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def repeats_often(name: str) -> bool:
    if ONCE.match(name):
        return False
    words = [w.lower() for w in _WORDS.findall(name)]
    if not words:
        return False
    return words[0] in REPEATING_FIRST or any(w in REPEATING_WORDS for w in words)


# Functions that run once per object (or start something once): not "repeating".
ONCE = re.compile(r"^(__init__|__post_init__|__aenter__|__enter__|__new__|_*(start|setup|init|"
                  r"begin|open|run|main|create|async_setup))")
CLOSE_LIKE = re.compile(
    r"^_*(a?close|stop|shutdown|disconnect|cleanup|teardown|cancel|terminate|dispose|"
    r"__aexit__|__exit__|__del__|async_will_remove_from_hass|async_unload|unload|quit|exit)"
)


@dataclass
class Verdict:
    rule: str
    risk: Risk
    tracked: str
    cleaned: str
    message: str


@dataclass(frozen=True)
class Holder:
    """Something that keeps Tasks: a local, an attribute, a global or a dotted name."""

    kind: str  # local | attr | global | dotted
    key: str  # the name as written in the spawn's scope: "task", "self._task", "TASKS"
    name: str  # the attribute or variable name: "task", "_task"
    scope: Scope  # local: the function; attr: the class; global/dotted: the module


@dataclass
class Effects:
    cancels: list[str] = field(default_factory=list)
    awaits: list[str] = field(default_factory=list)
    gathers: list[str] = field(default_factory=list)
    prunes: list[str] = field(default_factory=list)
    handed: list[str] = field(default_factory=list)  # "returned", "passed to f()"
    collections: list[tuple[cst.BaseExpression, Scope]] = field(default_factory=list)
    stores: list[tuple[cst.BaseExpression, Scope]] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def cleanup(self) -> str | None:
        """`gathered in flush(), cancelled in close() (+1)`, or None when nothing ends it."""
        parts: list[str] = []
        for label, places in (("awaited", self.awaits), ("gathered", self.gathers),
                              ("cancelled", self.cancels), ("pruned", self.prunes)):
            uniq = list(dict.fromkeys(places))
            if uniq:
                more = f" (+{len(uniq) - 1})" if len(uniq) > 1 else ""
                parts.append(f"{label} in {uniq[0]}{more}")
        return ", ".join(parts) or None


def _where(scope: Scope) -> str:
    method = scope.method() or scope
    if method.kind == "module":
        return "module scope"
    return f"{method.name}()"


def _descendants(scope: Scope) -> Iterator[Scope]:
    for child in scope.children:
        yield child
        yield from _descendants(child)


class Classifier:
    def __init__(self, module: Scope, resolver: Resolver) -> None:
        self.module = module
        self.resolver = resolver

    # -- holders and their reads -----------------------------------------------------------
    def holder_for(self, target: cst.BaseExpression, scope: Scope) -> Holder | None:
        if isinstance(target, cst.Name):
            name = target.value
            if scope.kind == "module" or name in scope.declared_global:
                return Holder("global", name, name, self.module)
            if scope.kind == "class":
                return Holder("attr", name, name, scope)
            defining = self.resolver.defining_scope(name, scope)
            if defining is not None and defining.kind == "module":
                return Holder("global", name, name, self.module)
            return Holder("local", name, name, scope if defining is None else defining)
        if isinstance(target, cst.Attribute):
            key = dotted(target)
            if key is None:
                return None
            base = key.split(".", 1)[0]
            method = scope.method()
            cls = scope.enclosing_class()
            if (method is not None and cls is not None and method.self_name == base
                    and key.count(".") == 1):
                return Holder("attr", key, target.attr.value, cls)
            if cls is not None and key.count(".") == 1 and base == cls.name:
                return Holder("attr", key, target.attr.value, cls)  # `Cls.tasks`
            return Holder("dotted", key, key, self.module)
        if isinstance(target, cst.Subscript):
            return self.holder_for(target.value, scope)
        return None

    def occurrences(self, holder: Holder) -> list[Occurrence]:
        out: list[Occurrence] = []
        if holder.kind == "local":
            out += [o for o in holder.scope.occurrences if o.key == holder.key]
            for s in _descendants(holder.scope):
                if holder.key not in s.bindings or holder.key in s.declared_nonlocal:
                    out += [o for o in s.occurrences if o.key == holder.key]
        elif holder.kind == "attr":
            cls = holder.scope
            if holder.key == holder.name:  # class-body attribute read as self.X / Cls.X
                keys = {holder.name}
            else:
                keys = set()
            for s in [cls, *_descendants(cls)]:
                method = s.method()
                want = set(keys)
                if method is not None and method.self_name:
                    want.add(f"{method.self_name}.{holder.name}")
                want.add(f"{cls.name}.{holder.name}")
                out += [o for o in s.occurrences if o.key in want]
        elif holder.kind == "global":
            for s in [self.module, *_descendants(self.module)]:
                if s is not self.module and holder.key in s.bindings \
                        and holder.key not in s.declared_global:
                    continue
                out += [o for o in s.occurrences if o.key == holder.key]
        else:
            for s in [self.module, *_descendants(self.module)]:
                out += [o for o in s.occurrences if o.key == holder.key]
        return out

    def effects(self, holder: Holder, depth: int = 0) -> Effects:
        eff = Effects()
        for occ in self.occurrences(holder):
            self._effect(occ, eff, depth)
        if holder.kind == "attr":
            # `self._tasks = [t for t in self._tasks if not t.done()]` rebuilds (prunes)
            for value, scope in holder.scope.attr_bindings.get(holder.name, []):
                if _is_rebuild(value, holder.key.split(".", 1)[-1]):
                    eff.prunes.append(_where(scope))
        if holder.kind in ("attr", "dotted") and eff.cleanup is None and depth == 0:
            self._foreign_cleanup(holder, eff)
        return eff

    def _foreign_cleanup(self, holder: Holder, eff: Effects) -> None:
        """Cleanup of the same attribute reached through another object in this module:
        `self.server.handler_tasks.add(t)` here, `await asyncio.wait(self.handler_tasks)` in the
        server class; `ws.handler_task` gathered by whoever holds the connections."""
        suffix = "." + holder.name.rsplit(".", 1)[-1]
        seen = {id(o) for o in eff.occurrences}
        found = Effects()
        for s in [self.module, *_descendants(self.module)]:
            for o in s.occurrences:
                if o.key.endswith(suffix) and id(o) not in seen:
                    self._effect(o, found, 1)
        eff.cancels += found.cancels
        eff.awaits += found.awaits
        eff.gathers += found.gathers
        eff.prunes += found.prunes

    def _effect(self, occ: Occurrence, eff: Effects, depth: int) -> None:
        d = occ.dest
        where = _where(occ.scope)
        eff.occurrences.append(occ)
        if d.kind == "cancel":
            eff.cancels.append(where)
        elif d.kind == "awaited":
            eff.awaits.append(where)
        elif d.kind == "gathered":
            eff.gathers.append(where)
        elif d.kind in ("prune", "prune_ref"):
            eff.prunes.append(where)
            if d.targets:
                self._aliases(d.targets, occ.scope, eff, depth)
        elif d.kind == "returned":
            eff.handed.append("returned")
        elif d.kind == "passed":
            if "cancel" in d.callee.lower():
                eff.cancels.append(f"{d.callee}() in {where}")
            elif CLOSE_LIKE.match((occ.scope.method() or occ.scope).name):
                eff.cancels.append(f"{d.callee}() in {where}")
            else:
                eff.handed.append(f"passed to {d.callee}()")
        elif _into_collection(d):
            assert d.receiver is not None
            eff.collections.append((d.receiver, occ.scope))
        elif d.kind == "bound":
            for t in d.targets:
                if isinstance(t, cst.Name) and not d.element and not d.container:
                    eff.stores.append((t, occ.scope))
                elif not isinstance(t, cst.Name):
                    eff.stores.append((t, occ.scope))
            self._aliases(d.targets, occ.scope, eff, depth)
        elif d.kind == "iter":
            self._aliases(d.targets, occ.scope, eff, depth)

    def _aliases(self, targets: tuple[cst.BaseExpression, ...], scope: Scope, eff: Effects,
                 depth: int) -> None:
        """`task = self._task`, `for t in self._tasks:`, `t = d.pop(k)`: follow the local too."""
        if depth >= 2:
            return
        for t in targets:
            names = [t] if isinstance(t, cst.Name) else [
                e.value for e in getattr(t, "elements", ()) if isinstance(e.value, cst.Name)]
            for n in names:
                if isinstance(n, cst.Name):
                    alias = Holder("local", n.value, n.value, scope)
                    sub = self.effects(alias, depth + 1)
                    eff.cancels += sub.cancels
                    eff.awaits += sub.awaits
                    eff.gathers += sub.gathers
                    eff.prunes += sub.prunes
                    eff.handed += sub.handed

    # -- the verdict -----------------------------------------------------------------------
    def verdict(self, sp: Spawn) -> Verdict:
        site = sp.site
        d = site.dest
        per_iteration = bool(site.loops)
        if sp.structured:
            return Verdict("TL001", Risk.LOW, f"structured ({sp.holder})",
                           "awaited by the task group",
                           f"spawned in task group `{sp.holder}`, which awaits it on exit")
        if d.kind == "awaited" and not d.container:
            return Verdict("TL001", Risk.LOW, "awaited at once", "awaited",
                           "awaited where it is spawned")
        if d.kind == "returned":
            return Verdict("TL001", Risk.LOW, "returned to the caller", "caller's job",
                           "returned to the caller, which is responsible for it")
        if d.kind == "gathered":
            how = "gathered" if d.awaited else f"handed to {d.callee}()"
            return Verdict("TL001", Risk.LOW, f"passed to {d.callee}()", how,
                           f"passed to {d.callee}(), which waits for it")
        if d.kind == "passed":
            return Verdict("TL001", Risk.LOW, f"passed to {d.callee}()", f"up to {d.callee}()",
                           f"handed to {d.callee}(), which keeps the reference")
        if _into_collection(d):
            assert d.receiver is not None
            holder = self.holder_for(d.receiver, site.scope)
            if holder is not None:
                return self.collection_verdict(sp, holder, via=d.callee)
        if d.kind == "bound" and d.targets:
            # `self._task = task = create_task(...)`: the best-kept target decides
            verdicts = [v for v in (self._bound_verdict(sp, t) for t in d.targets) if v]
            if verdicts:
                return min(verdicts, key=lambda v: v.risk.rank)
        return self.discarded_verdict(sp, per_iteration)

    def _bound_verdict(self, sp: Spawn, target: cst.BaseExpression) -> Verdict | None:
        d = sp.site.dest
        if isinstance(target, (cst.Tuple, cst.List)):
            return Verdict("TL001", Risk.LOW, "unpacked into several names", "unknown",
                           "unpacked into several names; not followed further")
        holder = self.holder_for(target, sp.site.scope)
        if holder is None:
            return None
        if d.container or isinstance(target, cst.Subscript):
            return self.collection_verdict(
                sp, holder, via="[key] =" if isinstance(target, cst.Subscript) else "literal",
                target=target)
        return self.holder_verdict(sp, holder)

    def discarded_verdict(self, sp: Spawn, per_iteration: bool) -> Verdict:
        d = sp.site.dest
        coro = coroutine_text(sp.site.node)
        if d.kind == "done_callback":
            tracked = "discarded (only add_done_callback)"
            what = f"task {coro} is dropped right after add_done_callback()"
        elif d.kind == "lambda":
            tracked = "returned from a lambda"
            what = f"task {coro} is returned from a lambda whose caller drops it"
        elif d.container:
            tracked = "discarded (in a comprehension)"
            what = f"the {coro} tasks built here are dropped"
        else:
            tracked = "discarded"
            what = f"task {coro} is discarded"
        message = (f"{what}; the event loop keeps only a weak reference, so it can vanish"
                   f" mid-run and its errors are never seen{self._frequency(sp)}")
        return Verdict("TL101", Risk.HIGH, tracked, "none", message)

    def _frequency(self, sp: Spawn) -> str:
        if sp.site.loops:
            return "; spawned once per loop iteration"
        fn = sp.site.scope.method()
        if fn is not None and repeats_often(fn.name):
            return f"; spawned on every call of {fn.name}()"
        return ""

    def holder_verdict(self, sp: Spawn, holder: Holder) -> Verdict:
        site = sp.site
        coro = coroutine_text(site.node)
        eff = self.effects(holder)
        for coll, scope in eff.collections:
            target_holder = self.holder_for(coll, scope)
            if target_holder is not None:
                return self.collection_verdict(sp, target_holder, via="append", extra=eff)
        if holder.kind == "local":
            for target, scope in eff.stores:
                if isinstance(target, (cst.Attribute, cst.Subscript)) or (
                        isinstance(target, cst.Name) and scope.kind == "module"):
                    inner = self.holder_for(target, scope)
                    if inner is not None and inner != holder:
                        if eff.cleanup:  # `task.cancel()` in a callback, `self.x = task`
                            return Verdict("TL001", Risk.LOW,
                                           f"local `{holder.key}`, stored in "
                                           f"{_target_text(target)}", eff.cleanup,
                                           f"kept in {_target_text(target)} and {eff.cleanup}")
                        if isinstance(target, cst.Subscript):
                            return self.collection_verdict(sp, inner, via="[key] =", extra=eff,
                                                           target=target)
                        return self.holder_verdict(sp, inner)
            cleanup = eff.cleanup
            loop_rebound = self._rebound_in_loop(site, eff)
            if loop_rebound:
                return Verdict("TL103", Risk.HIGH, f"local `{holder.key}` (rebound in a loop)",
                               cleanup or "last one only",
                               f"{coro} is rebound to `{holder.key}` on every iteration; only the"
                               " last task is kept, the earlier ones are dropped")
            if cleanup:
                return Verdict("TL001", Risk.LOW, f"local `{holder.key}`", cleanup,
                               f"kept in `{holder.key}` and {cleanup}")
            if eff.handed:
                how = eff.handed[0]
                return Verdict("TL001", Risk.LOW, f"local `{holder.key}`, {how}", "caller's job"
                               if how == "returned" else f"up to {how.removeprefix('passed to ')}",
                               f"kept in `{holder.key}` and {how}")
            if not eff.occurrences:
                return Verdict("TL102", Risk.HIGH, f"bound to `{holder.key}`, never read", "none",
                               f"{coro} is bound to `{holder.key}`, which is never read: the "
                               "task can be garbage-collected mid-run and its errors are lost"
                               + self._frequency(sp))
            return Verdict("TL101", Risk.HIGH, f"local `{holder.key}` only", "none",
                           f"{coro} is kept only in the local `{holder.key}`, which is dropped "
                           f"when {_where(site.scope)} returns; nothing awaits or cancels it"
                           + self._frequency(sp))
        # attribute, global or dotted holder: the task outlives the function
        label = _holder_label(holder)
        cleanup = eff.cleanup
        before = [o for o in eff.occurrences
                  if o.scope.method() is site.scope.method() and o.seq < site.seq]
        fn = site.scope.method()
        fn_name = fn.name if fn is not None else "<module>"
        repeats = bool(site.loops) or (fn is not None and repeats_often(fn_name))
        if site.loops and any(site.loops[0] in o.loops and o.seq > site.seq
                              for o in eff.occurrences):
            repeats = False  # used again in the same iteration (`fut.result()`, `.cancel()`)
        if self._reschedules_itself(site):
            repeats = False  # the task it replaces is the one running now, about to finish
        if repeats and not before and (cleanup or site.loops):
            risk = Risk.HIGH if site.loops else Risk.MEDIUM
            when = "on every loop iteration" if site.loops else f"in {fn_name}()"
            return Verdict("TL103", risk, label, cleanup or "none",
                           f"{label} is re-spawned {when} without cancelling the task it held;"
                           " the old task keeps running unreferenced")
        if cleanup:
            return Verdict("TL001", Risk.LOW, label, cleanup, f"stored in {label} and {cleanup}")
        if eff.handed and holder.kind != "attr":
            return Verdict("TL001", Risk.LOW, label, eff.handed[0], f"stored in {label}")
        if before:
            return Verdict("TL001", Risk.LOW, f"{label} (singleton)",
                           "self-managed (never cancelled)",
                           f"singleton in {label}, guarded against re-spawning; nothing cancels"
                           " it, so it runs for the life of its owner")
        long_running = self._long_running(site)
        why = f"stored in {label} but never awaited or cancelled"
        if long_running:
            why = f"{coro} runs a `while` loop with no shutdown path: " + why
        closers = self._closers(holder)
        if closers:
            why += f"; {closers}"
        return Verdict("TL201", Risk.MEDIUM, label, "none", why)

    def collection_verdict(self, sp: Spawn, holder: Holder, via: str,
                           extra: Effects | None = None,
                           target: cst.BaseExpression | None = None) -> Verdict:
        site = sp.site
        eff = self.effects(holder)
        if extra is not None:  # what the function did with the task itself (`await task`)
            eff.cancels += extra.cancels
            eff.awaits += extra.awaits
            eff.gathers += extra.gathers
        label = f"collection {_holder_label(holder)}"
        cleanup = eff.cleanup
        fn = site.scope.method()
        fn_name = fn.name if fn is not None else "<module>"
        slot = isinstance(target, cst.Subscript) and _constant_key(target)
        if via == "[key] =" and not slot:
            before = [o for o in eff.occurrences if o.scope.method() is fn
                      and o.seq < site.seq and o.dest.kind != "subscript_store"]
            if (fn is not None and repeats_often(fn_name) and not before and not site.loops
                    and _per_client_key(target, fn)):
                return Verdict("TL103", Risk.MEDIUM, label, cleanup or "none",
                               f"{label}[key] is overwritten in {fn_name}() without cancelling "
                               "the task already stored under that key")
        if cleanup:
            return Verdict("TL001", Risk.LOW, label, cleanup, f"kept in {label} and {cleanup}")
        if holder.kind == "local":
            if eff.handed or eff.stores:
                how = eff.handed[0] if eff.handed else "stored elsewhere"
                return Verdict("TL001", Risk.LOW, f"{label}, {how}", "up to the receiver",
                               f"kept in {label}, then {how}")
            return Verdict("TL101", Risk.HIGH, label, "none",
                           f"{coroutine_text(site.node)} is added to the local {label}, which is"
                           f" dropped when {_where(site.scope)} returns; nothing awaits the tasks"
                           + self._frequency(sp))
        if eff.handed and holder.kind != "attr":
            return Verdict("TL001", Risk.LOW, label, eff.handed[0], f"kept in {label}")
        if slot and target is not None:
            # `hass.data[KEY] = task`: one slot, not a growing collection
            where = _target_text(target)
            return Verdict("TL201", Risk.MEDIUM, where, "none",
                           f"stored in {where} but never awaited or cancelled")
        growth = self._frequency(sp).removeprefix("; ")
        return Verdict("TL202", Risk.MEDIUM, label, "none",
                       f"{label} only grows: nothing prunes, awaits or cancels its tasks"
                       + (f" ({growth})" if growth else ""))

    # -- helpers ---------------------------------------------------------------------------
    def _reschedules_itself(self, site: CallSite) -> bool:
        """`async def _poll(self): ...; self._task = create_task(self._poll())`."""
        args = site.node.args
        fn = site.scope.method()
        if not args or fn is None or not isinstance(args[0].value, cst.Call):
            return False
        return defined_function(args[0].value.func, site.scope) is fn

    def _rebound_in_loop(self, site: object, eff: Effects) -> bool:
        from taskleak.analysis.scan import CallSite

        assert isinstance(site, CallSite)
        if not site.loops:
            return False
        innermost = site.loops[0]
        keeps = [o for o in eff.occurrences if o.dest.kind in (
            "cancel", "awaited", "gathered", "collection", "returned", "passed", "bound")]
        if not keeps:
            return False
        return not any(innermost in o.loops for o in keeps)

    def _long_running(self, site: object) -> bool:
        from taskleak.analysis.scan import CallSite

        assert isinstance(site, CallSite)
        args = site.node.args
        if not args:
            return False
        coro = args[0].value
        func = coro.func if isinstance(coro, cst.Call) else coro
        target = defined_function(func, site.scope)
        return target is not None and target.long_running

    def _closers(self, holder: Holder) -> str:
        """`close() cancels only self._ws`: what the close-like methods do clean up."""
        if holder.kind != "attr":
            return ""
        cls = holder.scope
        parts: list[str] = []
        for child in cls.children:
            if child.kind != "function" or not CLOSE_LIKE.match(child.name):
                continue
            cancelled = sorted({o.key for s in (child, *_descendants(child))
                                for o in s.occurrences if o.dest.kind == "cancel"})
            if cancelled:
                parts.append(f"{child.name}() cancels only {', '.join(cancelled)}")
            else:
                parts.append(f"{child.name}() does not cancel it")
        return "; ".join(parts[:2])


def _into_collection(d: Dest) -> bool:
    """`x.add(task)` / `self._m[k].append(task)`: the task went into a collection we can name
    (a subscripted receiver is an inner collection of `self._m`, held by it)."""
    return d.kind == "collection" and d.receiver is not None and (
        d.collection is not None or isinstance(d.receiver, cst.Subscript))


def _holder_label(holder: Holder) -> str:
    if holder.kind == "global":
        return f"global {holder.key}"
    return holder.key


def _target_text(target: cst.BaseExpression) -> str:
    if isinstance(target, cst.Subscript):
        inner = target.slice[0].slice if target.slice else None
        key = "…"
        if isinstance(inner, cst.Index):
            key = dotted(inner.value) or (
                inner.value.value if isinstance(inner.value, cst.SimpleString) else "…")
        return f"{dotted(target.value) or '…'}[{key}]"
    return dotted(target) or "…"


def _constant_key(target: cst.Subscript) -> bool:
    """`d["stop"]`, `hass.data[KEY_STOP]`: a fixed slot, not one entry per client."""
    if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
        return False
    value = target.slice[0].slice.value
    if isinstance(value, (cst.SimpleString, cst.Integer)):
        return True
    name = dotted(value)
    return name is not None and name.rsplit(".", 1)[-1].isupper()


def _per_client_key(target: cst.BaseExpression | None, fn: Scope) -> bool:
    """`d[client_uid]` where client_uid is a parameter or an attribute of one (`msg.user`)."""
    if not isinstance(target, cst.Subscript) or len(target.slice) != 1:
        return False
    index = target.slice[0].slice
    if not isinstance(index, cst.Index):
        return False
    name = dotted(index.value)
    if name is None:
        return False
    base = name.split(".", 1)[0]
    return any(b.kind == "param" for b in fn.bindings.get(base, []))


def _is_rebuild(value: cst.BaseExpression, attr: str) -> bool:
    if isinstance(value, (cst.ListComp, cst.SetComp)):
        it = dotted(value.for_in.iter) or ""
        return it.endswith("." + attr)
    if isinstance(value, cst.Call):
        name = callee_text(value.func)
        if name in ("set", "list") and value.args:
            return _is_rebuild(value.args[0].value, attr) or (
                isinstance(value.args[0].value, cst.Call)
                and callee_text(value.args[0].value.func) == "filter")
    return False


def coroutine_text(call: cst.Call) -> str:
    """What is spawned, short: `self._send()`, `process(…)`, `coro`."""
    if not call.args:
        return "…"
    value = call.args[0].value
    if isinstance(value, cst.Call):
        return callee_text(value.func) + "()"
    text = dotted(value)
    if text is not None:
        return text
    return "…"
