"""What is fixed, how, and whether it may be: one policy, built from the settings, that every
door asks (`taskleak fix`, `check --fix`/`--diff`, `fix -` on stdin, the `[*]` marks and counts
of every report, the editor's quick fixes and fix-all).

- `attempts(finding)`: the fixer tries it (not low, not a structured spawn). The fixer computes
  each file's fixes again, so a finding with no advertised fix may still get one there (a call
  that drops a task another module returns);
- `fixable(finding)`: its advertised fix would be applied with these settings (a safe one, or an
  unsafe one its rule may take): `[*]`;
- `hidden(finding)`: its advertised fix is unsafe and not allowed here (`--unsafe-fixes`
  would apply it);
- `style(path)`: how fixes are written for a file there (the project's keep- and spawn-helpers,
  or the package's keep-helper module; the line length and the oldest Python of its nearest
  configuration, unless `[tool.taskleak]` sets them).

Plain data and no libcst: reports ask it on warm runs, which never load the parser.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from taskleak.files.toml import TomlLoader, load_toml
from taskleak.fixes.package_helper import package_helper
from taskleak.fixes.project_style import DEFAULT_LINE_LENGTH, line_length_for, quote_for
from taskleak.fixes.python_floor import DEFAULT_TARGET, Version, declared_target
from taskleak.model import Finding, Risk
from taskleak.records import record
from taskleak.settings import Settings


@record(frozen=True)
class FixStyle:
    """How fixes are written for one project."""

    line_length: int = DEFAULT_LINE_LENGTH  # generated lines are wrapped to it
    # "pkg.tasks.keep": the project's helper that keeps a task until it is done and returns it;
    # tracked-set fixes call it instead of generating a set
    keep_helper: str = ""
    # "pkg.tasks.spawn": the project's helper that spawns a coroutine and keeps its task the
    # same way; a spawn of one coroutine alone becomes a call of it
    spawn_helper: str = ""
    target: Version = DEFAULT_TARGET  # the oldest Python the fixed code must run on
    # `target` is the project's (declared or set), not the default: the package's helper
    # module is written for 3.7 otherwise (`package_helper.module_text`)
    target_declared: bool = False
    # `keep_helper` is the package's keep-helper module's `keep_task` (`package_helper`), not
    # the project's own helper
    package_helper: bool = False
    # the package's keep-helper module taskleak writes (`keep_helper` names its function):
    # where it goes when it does not exist yet; None when it exists or is not in use
    creates: Path | None = None
    # the package of the fixed file ("app.net"), for a relative import of the package's
    # keep-helper module; "" outside a package
    package: str = ""
    # that import climbs out of a namespace sub-package (`discord/ext`, no `__init__.py`):
    # relative only where the module's own relative imports climb as far
    namespace: bool = False
    # the quotes of the project's formatter: `'` under ruff's `quote-style = "single"`
    quote: str = '"'


def needs_fix(risk: Risk, structured: bool) -> bool:
    """Low findings and structured spawns are never fixed."""
    return risk is not Risk.LOW and not structured


@record(frozen=True)
class FixPolicy:
    settings: Settings
    # None: unsafe fixes where the settings allow them; True or False: everywhere or nowhere
    # (the editor's explicit "unsafe" quick fix, or its safe one)
    unsafe: bool | None = None

    def allow_unsafe(self, rule: str) -> bool:
        if self.unsafe is not None:
            return self.unsafe
        return self.settings.unsafe_fix_allowed(rule)

    @property
    def any_unsafe(self) -> bool:
        """Some rule may take an unsafe fix (fix-all's title says so)."""
        if self.unsafe is not None:
            return self.unsafe
        return self.settings.unsafe_fixes or bool(self.settings.unsafe_fix_rules)

    @staticmethod
    def attempts(finding: Finding) -> bool:
        return needs_fix(finding.risk, finding.structured)

    def fixable(self, finding: Finding) -> bool:
        fix = finding.fix
        if fix is None or not self.attempts(finding):
            return False
        return fix.safe or self.allow_unsafe(finding.rule)

    def hidden(self, finding: Finding) -> bool:
        return finding.fix is not None and self.attempts(finding) and not self.fixable(finding)

    def style(self, path: Path | None = None, *, can_create: bool = False,
              load: TomlLoader = load_toml) -> FixStyle:
        """How fixes are written for a file at `path` (its folder's line length and oldest
        Python, its package's keep-helper module), or for the project (the defaults).
        `can_create`: the package's keep-helper module may be written when it does not exist
        yet (`taskleak fix`; a buffer's fix writes no other file). `load` reads the
        configuration files (a run's `TomlReads.load`: each once)."""
        settings = self.settings
        folder = path.resolve().parent if path is not None else None
        length = settings.line_length or (
            line_length_for(folder, load) if folder is not None else DEFAULT_LINE_LENGTH)
        target = settings.target_version or (
            declared_target(folder, load) if folder is not None else None)
        style = FixStyle(line_length=length, keep_helper=settings.keep_helper,
                         spawn_helper=settings.spawn_helper, target=target or DEFAULT_TARGET,
                         target_declared=target is not None,
                         quote=quote_for(folder, load) if folder is not None else '"')
        if settings.keep_helper or path is None:
            return style
        helper = package_helper(path.resolve(), settings.helper_module)
        if helper is None or (helper.missing and not can_create):
            return style
        return replace(style, keep_helper=helper.function, package_helper=True,
                       creates=helper.path if helper.missing else None,
                       package=helper.package, namespace=helper.namespace)
