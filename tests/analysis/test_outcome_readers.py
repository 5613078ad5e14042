"""Whether a function called back with a task reads its outcome (`closing.reads_its_task`):
asked of every function of a module (`Exports.outcome_readers`), from the reads the scan
recorded, not by walking each body again."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from taskleak.analysis.obligations.closing import reads_its_task
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.scopes import Scope, ScopeKind

PROGRAM = """
class Owner:
    def callback(self, task):
{method_body}

def callback(task):
{function_body}
"""


def _function(root: Scope, cls: bool) -> Scope:
    for scope in root.walk():
        if scope.kind is ScopeKind.FUNCTION and scope.name == "callback" \
                and (scope.parent is not root) == cls:
            return scope
    raise AssertionError("no callback")


@pytest.mark.parametrize(("body", "reads"), [
    ("task.result()", True),
    ("error = task.exception()", True),
    ("if not task.cancelled():\n    log(task.result())", True),
    ("def later():\n    return task.exception()\nlater()", True),  # in a nested def
    ("handle(lambda: task.result())", True),  # in a lambda
    ("[task.result() for _ in range(1)]", True),  # in a comprehension
    ("task.exception", False),  # named, not called
    ("handle(task.result)", False),  # handed on, not called here
    ("task.cancelled()", False),  # another method
    ("other.result()", False),  # another object's outcome
    ("pass", False),
])
def test_a_callback_reads_its_tasks_outcome_only_by_calling_result_or_exception(
        body: str, reads: bool) -> None:
    program = PROGRAM.format(method_body=textwrap.indent(body, " " * 8),
                             function_body=textwrap.indent(body, " " * 4))
    root = scan(cst.parse_module(program))
    assert reads_its_task(_function(root, cls=True), bound=True) is reads
    assert reads_its_task(_function(root, cls=False), bound=False) is reads


def test_a_bound_method_is_given_the_task_after_self() -> None:
    root = scan(cst.parse_module("class C:\n    def cb(self, task):\n        self.result()\n"))
    method = next(s for s in root.walk() if s.name == "cb")
    assert not reads_its_task(method, bound=True)  # `self.result()` is not the task's
    assert reads_its_task(method, bound=False)  # read unbound, `self` is the first parameter
