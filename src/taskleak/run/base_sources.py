"""What the inheritance round hands a worker (inherited.py): plain data, imported by the
workers without the round's own imports."""

from __future__ import annotations

from taskleak.records import record


@record(frozen=True)
class BaseSource:
    """A class of another module whose members a class of the module analysed again lacks:
    one of its bases, or the one class derived from it (subclasses.py)."""

    subclass: str  # the class of the module (top-level)
    data: bytes  # the other class's module
    base_class: str  # its name there (top-level)
    same_package: bool  # its relative imports mean the same in the module
    # the other module's dotted name ("pkg.main") and the classes and functions it defines at
    # its top level: those its members name (`self._tm = TaskManager()`) are imported from
    # there in the merged module (the source handed over holds only the class)
    module: str = ""
    defines: tuple[str, ...] = ()


@record(frozen=True)
class InheritJob:
    index: int
    data: bytes
    bases: tuple[BaseSource, ...]
