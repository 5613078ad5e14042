"""Score taskleak against our own labelled real-world set (`bench/realworld/labels/`).

    python bench/realworld/score.py [--corpus DIR] [--taskleak PATH] [--only NAME]...
                                    [--details] [--json] [--labels DIR] [--snapshot DIR]
                                    [--by question|scope] [--check]

Each `labels/<name>.jsonl` (rows as in RUBRIC.md) has a `labels/<name>.toml` beside it:

    folder = "mid/aiohttp"          # required: the library's folder, relative to the corpus root
    args = []                       # extra `taskleak check` arguments (default: none)
    include = ["aiohttp/web_"]      # optional: only findings (and labels) under these path prefixes
    only_spawners = ["asyncio.create_task"]  # optional: only findings with these `spawner`s

For each, taskleak runs as `taskleak check --format json --no-cache --isolated --ignore-noqa
--fail-on none <args> .` in the library's folder, and its findings are matched to the labels by
(path, line). `--ignore-noqa` because a label grades the code, and a `# noqa: RUF006` on a line is
its author's decision about reporting, not a fact about the task: it scores the analysis.
When several findings share a line, the line counts once, with its highest risk.

Per library and pooled over all of them (sums of the counts, then the ratios):

- recall: positives (labels `high` or `medium`) that taskleak reports as high or medium;
- precision: reported positives (findings `high` or `medium`) whose label is high or medium; a
  reported positive labelled low or none, or not labelled at all, is a false positive
  (the unlabelled ones are also counted apart, so the labels can be completed);
- exact: labelled spawns (risk not `none`) reported with exactly the labelled risk, and the same
  on the medium-labelled subset;
- exact H/M (issue 55: "risk exact is measured over the rows that matter"): of the rows labelled
  high or medium or reported high or medium (an unlabelled finding included), those reported with
  exactly the labelled risk;
- missed: labelled spawns taskleak did not report at all;
- unlabelled: findings on lines with no label.

`include` limits both findings and labels; `only_spawners` limits findings only (a label whose
finding has another spawner then counts as not reported). `--details` prints every disagreement;
`--json` prints the totals as JSON instead of the table. `--by question` (or `scope`) adds a
table pooled per value of the labels' optional `question` (`scope`) key: each group's labels
against the findings on their lines, so misses can be counted by kind without reading them.
`--check` only reads the label and settings files. Standard library only (Python 3.10+).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "labels"
RISKS = ("high", "medium", "low", "none")
POSITIVE = frozenset({"high", "medium"})
RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}
KINDS = frozenset({"spawn", "helper", "call-site", "not-a-spawn"})
LABEL_KEYS = ("path", "line", "kind", "code", "risk", "why")
# optional (RUBRIC.md, "What each row turns on"): what the grade turns on, the widest code read
QUESTIONS = frozenset({"dropped", "awaited", "end-skipped", "race", "kept-ended",
                       "kept-never-ended", "overwritten-while-live", "handed-off",
                       "library-keeps", "receiver-type"})
SCOPES = frozenset({"function", "class", "module", "modules"})
OPTIONAL_KEYS = {"question": QUESTIONS, "scope": SCOPES}
CONFIG_KEYS = frozenset({"folder", "args", "include", "only_spawners"})


class ScoreError(Exception):
    """A problem with the label files, the settings or the taskleak run: printed, exit 2."""


@dataclass(frozen=True)
class Label:
    path: str
    line: int
    kind: str
    code: str
    risk: str
    why: str
    question: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    risk: str
    rule: str
    spawner: str
    message: str


@dataclass(frozen=True)
class LibraryConfig:
    name: str
    labels_file: Path
    folder: str
    args: tuple[str, ...] = ()
    include: tuple[str, ...] | None = None
    only_spawners: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Disagreement:
    path: str
    line: int
    what: str
    label: Label | None
    finding: Finding | None


@dataclass
class Score:
    labelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RISKS, 0))
    positives: int = 0
    recalled: int = 0
    reported_positives: int = 0
    true_positives: int = 0
    spawns: int = 0
    exact: int = 0
    mediums: int = 0
    medium_exact: int = 0
    matter: int = 0  # rows labelled or reported high/medium
    matter_exact: int = 0
    missed: int = 0
    unlabelled: int = 0
    unlabelled_positives: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for risk in RISKS:
            self.labelled[risk] += other.labelled[risk]
        for name in ("positives", "recalled", "reported_positives", "true_positives", "spawns",
                     "exact", "mediums", "medium_exact", "matter", "matter_exact", "missed",
                     "unlabelled",
                     "unlabelled_positives"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float | None:
        return _ratio(self.recalled, self.positives)

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.reported_positives)

    @property
    def exact_ratio(self) -> float | None:
        return _ratio(self.exact, self.spawns)

    @property
    def medium_exact_ratio(self) -> float | None:
        return _ratio(self.medium_exact, self.mediums)

    @property
    def matter_exact_ratio(self) -> float | None:
        return _ratio(self.matter_exact, self.matter)

    def totals(self) -> dict[str, Any]:
        return {
            "labelled": dict(self.labelled),
            "positives": self.positives,
            "recalled": self.recalled,
            "recall": self.recall,
            "reported_positives": self.reported_positives,
            "true_positives": self.true_positives,
            "false_positives": self.reported_positives - self.true_positives,
            "precision": self.precision,
            "spawns": self.spawns,
            "exact": self.exact,
            "exact_ratio": self.exact_ratio,
            "mediums": self.mediums,
            "medium_exact": self.medium_exact,
            "medium_exact_ratio": self.medium_exact_ratio,
            "matter": self.matter,
            "matter_exact": self.matter_exact,
            "matter_exact_ratio": self.matter_exact_ratio,
            "missed": self.missed,
            "unlabelled": self.unlabelled,
            "unlabelled_positives": self.unlabelled_positives,
        }


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


# --- reading the label files -------------------------------------------------------------------

def load_labels(file: Path) -> list[Label]:
    """The rows of one `.jsonl` label file; a malformed row raises ScoreError naming file:line."""
    labels: list[Label] = []
    previous: tuple[str, int] | None = None
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScoreError(f"{file}: cannot read: {exc}") from exc
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{file}:{number}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ScoreError(f"{where}: not valid JSON: {exc.msg}") from exc
        label = _label_from_row(row, where)
        key = (label.path, label.line)
        if previous is not None and key == previous:
            raise ScoreError(f"{where}: duplicate label for {label.path}:{label.line}")
        if previous is not None and key < previous:
            raise ScoreError(f"{where}: rows must be sorted by path, then line "
                             f"({label.path}:{label.line} comes after "
                             f"{previous[0]}:{previous[1]})")
        previous = key
        labels.append(label)
    return labels


def _label_from_row(row: object, where: str) -> Label:
    if not isinstance(row, dict):
        raise ScoreError(f"{where}: a row must be a JSON object")
    missing = [key for key in LABEL_KEYS if key not in row]
    if missing:
        raise ScoreError(f"{where}: missing key(s): {', '.join(missing)}")
    extra = sorted(set(row) - set(LABEL_KEYS) - set(OPTIONAL_KEYS))
    if extra:
        raise ScoreError(f"{where}: unknown key(s): {', '.join(extra)}")
    for key in ("path", "kind", "code", "risk", "why"):
        if not isinstance(row[key], str):
            raise ScoreError(f"{where}: `{key}` must be a string")
    path, line, kind, risk = row["path"], row["line"], row["kind"], row["risk"]
    if not path or path.startswith(("/", "./")) or "\\" in path:
        raise ScoreError(f"{where}: `path` must be relative and /-separated, got {path!r}")
    if isinstance(line, bool) or not isinstance(line, int) or line < 1:
        raise ScoreError(f"{where}: `line` must be a positive integer, got {line!r}")
    if kind not in KINDS:
        raise ScoreError(f"{where}: `kind` must be one of {', '.join(sorted(KINDS))}, "
                         f"got {kind!r}")
    if risk not in RISKS:
        raise ScoreError(f"{where}: `risk` must be one of {', '.join(RISKS)}, got {risk!r}")
    if (kind == "not-a-spawn") != (risk == "none"):
        raise ScoreError(f"{where}: risk `none` goes with kind `not-a-spawn` and only with it "
                         f"(got kind {kind!r}, risk {risk!r})")
    if not row["why"].strip():
        raise ScoreError(f"{where}: `why` must not be empty")
    for key, values in OPTIONAL_KEYS.items():
        if key in row and row[key] not in values:
            raise ScoreError(f"{where}: `{key}` must be one of {', '.join(sorted(values))}, "
                             f"got {row[key]!r}")
    return Label(path, line, kind, row["code"], risk, row["why"], row.get("question"),
                 row.get("scope"))


def load_config(labels_file: Path) -> LibraryConfig:
    """The `.toml` beside a label file."""
    toml_file = labels_file.with_suffix(".toml")
    if not toml_file.is_file():
        raise ScoreError(f"{labels_file}: no settings file {toml_file.name} beside it")
    try:
        data = parse_toml(toml_file.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ScoreError(f"{toml_file}: {exc}") from exc
    unknown = sorted(set(data) - CONFIG_KEYS)
    if unknown:
        raise ScoreError(f"{toml_file}: unknown key(s) {', '.join(unknown)} "
                         f"(known: {', '.join(sorted(CONFIG_KEYS))})")
    folder = data.get("folder")
    if not isinstance(folder, str) or not folder:
        raise ScoreError(f"{toml_file}: `folder` (a path relative to the corpus root) is required")
    return LibraryConfig(
        name=labels_file.stem,
        labels_file=labels_file,
        folder=folder,
        args=_string_list(data, "args", toml_file) or (),
        include=_string_list(data, "include", toml_file),
        only_spawners=_string_list(data, "only_spawners", toml_file),
    )


def _string_list(data: dict[str, Any], key: str, file: Path) -> tuple[str, ...] | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ScoreError(f"{file}: `{key}` must be a list of strings")
    return tuple(value)


def parse_toml(text: str) -> dict[str, Any]:
    """TOML through tomllib (3.11+); on 3.10, the subset the settings use.

    The subset: top-level `key = value` lines, values a double-quoted string, a boolean, an
    integer or an array of those (which may span lines), `#` comments. Anything else is a
    ValueError.
    """
    if sys.version_info >= (3, 11):
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"not valid TOML: {exc}") from exc
    return parse_toml_subset(text)


_KEY = re.compile(r"^([A-Za-z0-9_-]+)\s*=\s*(.*)$", re.DOTALL)


def parse_toml_subset(text: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    pending = ""
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw).strip()
        if not pending:
            if not line:
                continue
            start = number
        pending = f"{pending} {line}" if pending else line
        match = _KEY.match(pending)
        if not match:
            raise ValueError(f"line {start}: expected `key = value`, got {pending!r}")
        value = match.group(2).strip()
        if value.startswith("[") and value.count("[") > value.count("]"):
            continue  # an array going on over the next lines
        try:
            parsed = json.loads(re.sub(r",\s*]", "]", value))
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {start}: value not supported: {value!r}") from exc
        if match.group(1) in result:
            raise ValueError(f"line {start}: duplicate key {match.group(1)!r}")
        result[match.group(1)] = parsed
        pending = ""
    if pending:
        raise ValueError(f"line {start}: unterminated value")
    return result


def _strip_comment(line: str) -> str:
    in_string = False
    escaped = False
    for index, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and in_string:
            escaped = True
        elif char == '"':
            in_string = not in_string
        elif char == "#" and not in_string:
            return line[:index]
    return line


def discover(labels_dir: Path, only: Sequence[str] = ()) -> list[LibraryConfig]:
    files = sorted(labels_dir.glob("*.jsonl"))
    names = {file.stem for file in files}
    unknown = [name for name in only if name not in names]
    if unknown:
        raise ScoreError(f"no label file for {', '.join(unknown)} in {labels_dir} "
                         f"(there are: {', '.join(sorted(names)) or 'none'})")
    return [load_config(file) for file in files if not only or file.stem in only]


# --- running taskleak --------------------------------------------------------------------------

def run_taskleak(taskleak: Path, folder: Path, args: Sequence[str]) -> list[Finding]:
    if not folder.is_dir():
        raise ScoreError(f"library folder {folder} does not exist")
    command = [str(taskleak), "check", "--format", "json", "--no-cache", "--isolated",
               "--ignore-noqa", "--fail-on", "none", *args, "."]
    try:
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ScoreError(f"cannot run {taskleak}: {exc}") from exc
    if done.returncode != 0:
        raise ScoreError(f"taskleak exited {done.returncode} in {folder}:\n{done.stderr.strip()}")
    try:
        report = json.loads(done.stdout)
        return [_finding(item) for item in report["findings"]]
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ScoreError(f"taskleak's JSON in {folder} is not as expected: {exc}") from exc


def snapshot_findings(file: Path) -> list[Finding]:
    """The findings `snapshot.py` kept for one library (one JSON object a line)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ScoreError(f"cannot read the snapshot {file}: {exc}") from exc
    return [_finding(json.loads(line)) for line in lines if line]


def _finding(item: dict[str, Any]) -> Finding:
    path = str(item["path"]).replace("\\", "/")
    path = path.removeprefix("./")
    risk = str(item["risk"])
    if risk not in RANK:
        raise ValueError(f"unknown risk {risk!r}")
    return Finding(path, int(item["line"]), risk, str(item["rule"]),
                   str(item.get("spawner") or ""), str(item.get("message") or ""))


# --- scoring -----------------------------------------------------------------------------------

def _under(path: str, prefixes: tuple[str, ...] | None) -> bool:
    return prefixes is None or any(path.startswith(prefix) for prefix in prefixes)


def score(config: LibraryConfig, labels: Iterable[Label], findings: Iterable[Finding]) -> Score:
    """Compare one library's labels with taskleak's findings."""
    by_line: dict[tuple[str, int], Finding] = {}
    for finding in findings:
        if not _under(finding.path, config.include):
            continue
        if config.only_spawners is not None and finding.spawner not in config.only_spawners:
            continue
        key = (finding.path, finding.line)
        if key not in by_line or RANK[finding.risk] > RANK[by_line[key].risk]:
            by_line[key] = finding
    result = Score()
    labelled: set[tuple[str, int]] = set()
    for label in labels:
        if not _under(label.path, config.include):
            continue
        key = (label.path, label.line)
        labelled.add(key)
        result.labelled[label.risk] += 1
        found = by_line.get(key)
        reported = found.risk if found else None
        if label.risk in POSITIVE:
            result.positives += 1
            result.recalled += reported in POSITIVE
        if reported in POSITIVE:
            result.reported_positives += 1
            result.true_positives += label.risk in POSITIVE
        if label.risk in POSITIVE or reported in POSITIVE:
            result.matter += 1
            result.matter_exact += reported == label.risk
        if label.risk != "none":
            result.spawns += 1
            result.exact += reported == label.risk
            result.missed += found is None
            if label.risk == "medium":
                result.mediums += 1
                result.medium_exact += reported == "medium"
        if reported != (None if label.risk == "none" else label.risk):
            what = "not reported" if found is None else f"{label.risk} vs {reported}"
            result.disagreements.append(Disagreement(label.path, label.line, what, label, found))
    for key, finding in by_line.items():
        if key in labelled:
            continue
        result.unlabelled += 1
        if finding.risk in POSITIVE:
            result.matter += 1
            result.reported_positives += 1
            result.unlabelled_positives += 1
        result.disagreements.append(Disagreement(key[0], key[1], "unlabelled", None, finding))
    result.disagreements.sort(key=lambda item: (item.path, item.line))
    return result


def by_group(config: LibraryConfig, labels: Iterable[Label], findings: Iterable[Finding],
             key: str) -> dict[str, Score]:
    """One library's score per value of a label's `question` or `scope` (`-` where it has none):
    each group's labels against the findings on their own lines (an unlabelled finding belongs
    to no group)."""
    kept = list(findings)
    groups: dict[str, list[Label]] = {}
    for label in labels:
        groups.setdefault(getattr(label, key) or "-", []).append(label)
    result: dict[str, Score] = {}
    for group, members in groups.items():
        lines = {(label.path, label.line) for label in members}
        result[group] = score(config, members,
                              [item for item in kept if (item.path, item.line) in lines])
    return result


# --- output ------------------------------------------------------------------------------------

def _fraction(num: int, den: int) -> str:
    return f"{num}/{den} {num / den:.0%}" if den else "-"


COLUMNS = ("library", "labelled H/M/L/none", "recall", "precision", "exact", "exact H/M",
           "medium-exact", "missed", "unlabelled")


def table(rows: Sequence[tuple[str, Score]]) -> str:
    cells = [COLUMNS]
    for name, result in rows:
        n = result.labelled
        cells.append((
            name,
            f"{n['high']}/{n['medium']}/{n['low']}/{n['none']}",
            _fraction(result.recalled, result.positives),
            _fraction(result.true_positives, result.reported_positives),
            _fraction(result.exact, result.spawns),
            _fraction(result.matter_exact, result.matter),
            _fraction(result.medium_exact, result.mediums),
            str(result.missed),
            str(result.unlabelled),
        ))
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = []
    for index, row in enumerate(cells):
        lines.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                               for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def details(name: str, result: Score) -> str:
    lines = [f"== {name}: {len(result.disagreements)} disagreement(s)"]
    for item in result.disagreements:
        lines.append(f"{item.path}:{item.line}  [{item.what}]")
        if item.label is not None:
            lines.append(f"    label    {item.label.risk} ({item.label.kind}): {item.label.why}")
        if item.finding is not None:
            finding = item.finding
            lines.append(f"    taskleak {finding.risk} {finding.rule}: {finding.message}")
        else:
            lines.append("    taskleak not reported")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("TASKLEAK_CORPUS", "/work/corpus")),
                        help="the corpus root (default: $TASKLEAK_CORPUS or /work/corpus)")
    parser.add_argument("--taskleak", type=Path, default=Path(sys.executable).parent / "taskleak",
                        help="the taskleak executable (default: next to this Python)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="score only this label file's library (repeatable)")
    parser.add_argument("--details", action="store_true", help="print every disagreement")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    parser.add_argument("--by", choices=("question", "scope"), default=None,
                        help="also print the pooled score per label `question` or `scope`")
    parser.add_argument("--check", action="store_true",
                        help="only read and check the label and settings files (runs nothing)")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS,
                        help="the folder of label files (default: labels/ beside this script)")
    parser.add_argument("--snapshot", type=Path, default=None,
                        help="read the findings from a snapshot.py folder instead of running "
                             "taskleak (SNAPSHOT/<labels folder>/<library>.jsonl)")
    options = parser.parse_args(argv)
    try:
        rows: list[tuple[str, Score]] = []
        groups: dict[str, Score] = {}
        checked = 0
        for config in discover(options.labels, options.only):
            labels = load_labels(config.labels_file)
            if options.check:
                checked += len(labels)
                continue
            if options.snapshot is not None:
                findings = snapshot_findings(
                    options.snapshot / options.labels.name / f"{config.name}.jsonl")
            else:
                findings = run_taskleak(options.taskleak, options.corpus / config.folder,
                                        config.args)
            rows.append((config.name, score(config, labels, findings)))
            if options.by is not None:
                for group, result in by_group(config, labels, findings, options.by).items():
                    groups.setdefault(group, Score()).add(result)
    except ScoreError as exc:
        print(f"score.py: {exc}", file=sys.stderr)
        return 2
    if options.check:
        print(f"{checked} label rows read, no error")
        return 0
    pooled = Score()
    for _, result in rows:
        pooled.add(result)
    if options.json:
        payload = {"libraries": {name: result.totals() for name, result in rows},
                   "pooled": pooled.totals()}
        print(json.dumps(payload, indent=2))
    else:
        print(table([*rows, ("pooled", pooled)] if len(rows) > 1 else rows))
        if groups:
            print()
            print(table([(f"{options.by}={name}", groups[name]) for name in sorted(groups)]))
    if options.details:
        out = sys.stderr if options.json else sys.stdout
        for name, result in rows:
            print(file=out)
            print(details(name, result), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
