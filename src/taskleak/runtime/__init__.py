"""Runtime leak detection: which tasks a block or a test left behind, and where they came from.

`track()` wraps a block (one client's connect/disconnect, one test); the pytest plugin
(`pytest --taskleak`) wraps every async test. Both report each leaked task with its creation
site, the same `file:line` that `taskleak check` reports for the spawn, and can write a JSON
runtime report that `confirm()` joins to the static findings.
"""

from taskleak.runtime.factory import (
    CreateTaskHook,
    SiteRecordingFactory,
    creation_site,
    install,
    is_installed,
    uninstall,
)
from taskleak.runtime.leaks import DESTROYED, PENDING, LeakedTask
from taskleak.runtime.report import (
    RuntimeLeak,
    RuntimeReportError,
    confirm,
    load_runtime_report,
    write_runtime_report,
)
from taskleak.runtime.sites import Site, add_internal_packages
from taskleak.runtime.track import TaskLeakError, TaskLeakWarning, Tracker, track

__all__ = [
    "DESTROYED",
    "PENDING",
    "CreateTaskHook",
    "LeakedTask",
    "RuntimeLeak",
    "RuntimeReportError",
    "Site",
    "SiteRecordingFactory",
    "TaskLeakError",
    "TaskLeakWarning",
    "Tracker",
    "add_internal_packages",
    "confirm",
    "creation_site",
    "install",
    "is_installed",
    "load_runtime_report",
    "track",
    "uninstall",
    "write_runtime_report",
]
