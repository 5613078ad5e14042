"""Where the package's users import its task holders from: it only re-exports them, and names
no spawn, so the spawn pass does not read it."""

from .holders import Logged, TaskSet

__all__ = ["Logged", "TaskSet"]
