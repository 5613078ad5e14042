"""Where a module reads an attribute of a class's own objects (`Ownership.occurrences`)."""

from __future__ import annotations

from taskleak.analysis.names.class_bases import inherited, module_bases
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.tree.reads import Reads
from taskleak.analysis.tree.scopes import Occurrence, Scope


def attribute_reads(reads: Reads, module: Scope, holder: Holder) -> list[Occurrence]:
    """The reads of `holder`, an attribute of a class's own objects: `self.X` in its methods and
    in those of its bases in the module, `Cls.X`, and a class-body attribute's bare name."""
    name = holder.name
    # a class-body attribute is read as self.X / Cls.X, and by its bare name in the body;
    # the methods of its bases in this module read the same attribute of the same object
    bare = holder.key == name
    classes = [holder.scope, *module_bases(holder.scope, module)]
    candidates = [o for c in classes for o in reads.within_attr(name, c)]
    if bare:
        candidates += [o for c in classes for o in reads.within(name, c)]
    candidates = inherited(candidates, classes)
    out: list[Occurrence] = []
    for o in reads.in_order(candidates):
        key = o.key
        if key == name:
            if bare:
                out.append(o)
        elif any(key == f"{c.name}.{name}" for c in classes):
            out.append(o)
        else:
            method = o.scope.method()
            if method is not None and method.self_name \
                    and key == f"{method.self_name}.{name}":
                out.append(o)
    return out
