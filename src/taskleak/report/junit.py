"""`--output-format junit`: JUnit XML for CI test reports (GitLab's `artifacts: reports: junit:`,
Jenkins, Azure Pipelines).

One `<testsuite>` per file with a finding, one `<testcase>` per finding, named after its
position and rule (`app.py:12:5 <code>`). A finding that needs attention is a `<failure>`
(type: the rule, message: the message, text: the rule's name and the fix); a green row is a
passing test case. A file that could not be analysed is a failure of file-not-analysed (a test
case with `<skipped>` when that rule is ignored). With nothing to report there is one passing
test case, so the report is never empty.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from taskleak.model import Finding, RunResult
from taskleak.report.summary import fix_text, needs_attention, unreported_skips
from taskleak.rules import RULES

SUITES_NAME = "taskleak"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _testcase(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_xml(name), classname=_xml(classname))


def _failure(case: ET.Element, f: Finding) -> None:
    rule = RULES.get(f.rule)
    details = [f"{f.path}:{f.line}:{f.column}: {f.rule} {rule.name if rule else ''}".rstrip()]
    details.append(f.message)
    if f.fix is not None:
        details.append(fix_text(f))
    failure = ET.SubElement(case, "failure", message=_xml(f.message), type=f.rule)
    failure.text = _xml("\n".join(details))


def render_junit(result: RunResult) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted(result.findings, key=Finding.sort_key):
        by_file[f.path].append(f)
    root = ET.Element("testsuites", name=SUITES_NAME)
    total = failures = skipped = 0
    for path in sorted(by_file):
        suite = ET.SubElement(root, "testsuite", name=_xml(path))
        fails = 0
        for f in by_file[path]:
            case = _testcase(suite, f"{f.path}:{f.line}:{f.column} {f.rule}", path)
            if needs_attention(f):
                _failure(case, f)
                fails += 1
        suite.set("tests", str(len(by_file[path])))
        suite.set("failures", str(fails))
        total, failures = total + len(by_file[path]), failures + fails
    skips = unreported_skips(result)  # the others failed above, as file-not-analysed
    if skips:
        suite = ET.SubElement(root, "testsuite", name="skipped files")
        for s in skips:
            case = _testcase(suite, s.where, s.path)
            ET.SubElement(case, "skipped", message=_xml(s.reason))
        suite.set("tests", str(len(skips)))
        suite.set("skipped", str(len(skips)))
        total, skipped = total + len(skips), len(skips)
    if total == 0:
        suite = ET.SubElement(root, "testsuite", name=SUITES_NAME, tests="1", failures="0")
        _testcase(suite, "no task leaks", SUITES_NAME)
        total = 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
