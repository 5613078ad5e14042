"""Reports of a run's findings: the text table, JSON, SARIF, GitHub annotations, Markdown, and
what fixing did."""
