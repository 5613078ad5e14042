"""Check a case program and its transformed packages the way the case tests check it, and
compare the rows: rule, risk and position, placed back in the program
(`invariance_transforms.Variant`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from case_runs import Case, inside
from invariance_map import Program
from invariance_transforms import Excluded, Transform, Variant, parse

from taskleak.api import CheckOptions, check

Key = tuple[int, int, str, str]  # line, column, rule, risk


@dataclass(frozen=True)
class Difference:
    transform: str
    expected: list[Key]  # the program's rows
    actual: list[Key]  # the package's rows, placed in the program
    unplaced: list[str]  # rows at text the transform wrote

    def __str__(self) -> str:
        lines = [f"{self.transform}:"]
        lines += [f"  - {k}" for k in sorted(set(self.expected) - set(self.actual))]
        lines += [f"  + {k}" for k in sorted(set(self.actual) - set(self.expected))]
        lines += [f"  ? {u}" for u in self.unplaced]
        return "\n".join(lines)


def program_rows(case: Case) -> list[Key]:
    outcome = case.run()
    return sorted((f.line, f.column, f.rule, f.risk.value) for f in outcome.result.findings)


def package_options(case: Case) -> CheckOptions:
    """The case's own options, on the whole folder of the package."""
    options = case.options()
    return CheckOptions(paths=(Path("."),), isolated=True, cache=False, project_context=False,
                        overrides=options.overrides)


def write(variant: Variant, folder: Path) -> None:
    for relative, built in variant.files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(built.text, encoding="utf-8")


def variant_of(case: Case, transform: Transform) -> Variant:
    try:
        text = (case.root / case.target).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise Excluded("the transforms edit UTF-8 text") from None
    return transform(Program(text), parse(text))


def compare(case: Case, name: str, transform: Transform, folder: Path,
            expected: list[Key]) -> Difference | None:
    """None when the package gives the program's rows; raises `Excluded` when the transform
    does not apply."""
    variant = variant_of(case, transform)
    write(variant, folder)
    with inside(folder):
        outcome = check(package_options(case))
    actual: list[Key] = []
    unplaced: list[str] = []
    for finding in outcome.result.findings:
        placed = variant.origin(finding.path, finding.line, finding.column)
        if placed is None:
            unplaced.append(f"{finding.path}:{finding.line}:{finding.column} {finding.rule} "
                            f"{finding.risk.value}")
            continue
        actual.append((*placed, finding.rule, finding.risk.value))
    actual.sort()
    if actual == expected and not unplaced:
        return None
    return Difference(name, expected, actual, unplaced)


__all__ = ["Difference", "Excluded", "compare", "program_rows", "variant_of"]
