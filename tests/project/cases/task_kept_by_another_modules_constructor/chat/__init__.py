"""A task handed to the constructor of a class another module defines, which keeps it in an
attribute (`conversation.py`: `self.task = task`, and a dataclass's field): the task is held by
the object's attribute, and judged where that attribute is ended, as in one module
(task-never-cleaned's `handed_to_a_constructor_that_keeps_it`)."""
