"""`--statistics`: how many findings each rule has, as ruff prints them.

    4	<code>	[*] task-discarded
    1	<code>	[ ] task-never-cleaned

    Found 5 errors.
    [*] 4 fixable with `taskleak fix`.

The mark says whether `taskleak fix` fixes them with the run's settings, as ruff 0.17 marks
them: `[*]` all, `[-]` some, `[ ]` none; when no rule's findings are fixable, no mark at all.
The closing lines are ruff's (`-q` leaves them out); no finding prints nothing.
With `--output-format json`, ruff's list of `{"code", "name", "count", "fixable",
"fixable_count"}` (`fixable`: every one of them is).
"""

from __future__ import annotations

import json
from collections import Counter

from taskleak.model import RunResult
from taskleak.records import record
from taskleak.report.summary import fix_line, fixable, plural
from taskleak.rules import RULES
from taskleak.settings import Settings


@record(frozen=True)
class Statistic:
    code: str
    name: str
    count: int
    fixable: int

    @property
    def mark(self) -> str:
        return "[*]" if self.fixable == self.count else "[-]" if self.fixable else "[ ]"


def statistics(result: RunResult, settings: Settings | None) -> list[Statistic]:
    """One per rule with findings, the most frequent first."""
    count = Counter(f.rule for f in result.findings)
    fixes = Counter(f.rule for f in result.findings if fixable(f, settings))
    out = [Statistic(code, RULES[code].name if code in RULES else "", n, fixes[code])
           for code, n in count.items()]
    return sorted(out, key=lambda s: (-s.count, s.code))


def render_statistics(result: RunResult, settings: Settings | None, *, as_json: bool,
                      quiet: bool = False) -> str:
    stats = statistics(result, settings)
    if as_json:
        rows = [{"code": s.code, "name": s.name, "count": s.count,
                 "fixable": s.fixable == s.count, "fixable_count": s.fixable} for s in stats]
        return json.dumps(rows, indent=2) + "\n"
    if not stats:
        return ""
    width = max(len(str(s.count)) for s in stats)
    code_width = max(len(s.code) for s in stats)
    marked = any(s.fixable for s in stats)  # as in ruff, no column of blank marks
    lines = [f"{s.count:>{width}}\t{s.code:<{code_width}}\t{s.mark + ' ' if marked else ''}"
             f"{s.name}" for s in stats]
    if not quiet:
        lines.append(f"Found {plural(sum(s.count for s in stats), 'error')}.")
        lines += [line for line in (fix_line(result, settings),) if line is not None]
    return "".join(line + "\n" for line in lines)
