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
  the line length of its nearest ruff or black configuration).

Plain data and no libcst: reports ask it on warm runs, which never load the parser.
"""

from __future__ import annotations

from pathlib import Path

from taskleak.fixes.style import DEFAULT_LINE_LENGTH, line_length_for
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

    def style(self, path: Path | None = None) -> FixStyle:
        """How fixes are written for a file at `path` (its folder's line length), or for the
        project (the default line length)."""
        length = line_length_for(path.resolve().parent) if path is not None \
            else DEFAULT_LINE_LENGTH
        return FixStyle(line_length=length, keep_helper=self.settings.keep_helper,
                        spawn_helper=self.settings.spawn_helper)
