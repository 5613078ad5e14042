"""The application's shared objects, made once at import (this module names no spawn: the run
reads it only to type the calls made on its globals)."""

from pkg.manager import CommandManager

cmdmgr = CommandManager()
other = CommandManager()


def configure(plain: bool) -> None:
    global other
    if plain:
        other = object()  # no one class: what `other` holds is not known
