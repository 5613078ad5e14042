"""A spawn in a lambda handed to a call this module cannot follow: a callback registration?

`page.on("response", lambda r: create_task(handle(r)))`: the lambda's task goes wherever the
call takes what the lambda returns. When the call's own value is dropped (an expression
statement), nothing comes back to the caller: the call keeps the task or drops it. A function
or class of the project is not followed (it may keep it: no claim, `FateKind.LAMBDA_HANDED`);
any other call is an unknown callback registration, which keeps nothing (the decision in force:
RUBRIC's "the body of a lambda used as a callback" is high), unless a library is known to keep
what its callbacks return (`tree/library_facts.py`: pyee's AsyncIOEventEmitter). Here: a
function or class this module binds, a method of the spawning method's own class (or its bases
here) or of an object this module types as one of its classes, is the project's; a call named
through an import or an inherited method is asked of the project by its chain
(`QuestionKind.LAMBDA_CALLEE`, answered in `project/registrations.py`); a local, a parameter or
an attribute of an untyped object is no function of the project: a registration nothing here
knows. A built-in (`map(...)`) is not followed (a lazy one runs nothing).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.class_bases import class_and_bases
from taskleak.analysis.names.objects import object_class
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.coroutines import own_attribute
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.library_facts import keeps_what_listeners_return
from taskleak.analysis.tree.scopes import BindingKind

# what the call is, for a lambda handed to it: not followed (a function of the project, a
# library known to keep what the lambda returns, a call whose value is used) or unknown here
NOT_FOLLOWED: str | None = None
UNKNOWN = ""


def registration_chain(sp: Spawn, resolver: Resolver) -> str | None:
    """The call a spawning lambda is handed to, when its value is dropped: UNKNOWN ("") for a
    call that is no function of the project, its chain for one the project must say it defines
    (`QuestionKind.LAMBDA_CALLEE`), NOT_FOLLOWED (None) otherwise."""
    d = sp.site.dest
    scope = sp.site.scope.parent  # (the call is outside the lambda)
    if d.call is None or scope is None or not _value_dropped(sp.site.path, d.call):
        return NOT_FOLLOWED
    func = d.call.func
    if isinstance(func, cst.Name):
        bound = resolver.lookup(func.value, scope) or []
        if not bound or any(b.kind in (BindingKind.DEF, BindingKind.CLASS) for b in bound):
            return NOT_FOLLOWED  # (a built-in, or a function or class of this module)
    elif _own_method(func, sp) or (isinstance(func, cst.Attribute) and object_class(
            func.value, scope, resolver) is not None):
        return NOT_FOLLOWED  # (a method of this module's class, the object's or its own)
    chain = receiver_chain(func, scope, resolver)
    return NOT_FOLLOWED if keeps_what_listeners_return(chain) else chain


def _value_dropped(path: tuple[cst.CSTNode, ...], call: cst.Call) -> bool:
    """The call is an expression statement: what it returns is dropped."""
    at = next((i for i, node in enumerate(path) if node is call), 0)
    return at > 0 and isinstance(path[at - 1], cst.Expr)


def _own_method(func: cst.BaseExpression, sp: Spawn) -> bool:
    """`self.m` where `m` is a method of the method's class or of a base this module defines."""
    name, cls = own_attribute(func, sp.site), sp.site.scope.enclosing_class()
    if not name or cls is None:
        return False
    return any(name in c.bindings for c in class_and_bases(cls))
