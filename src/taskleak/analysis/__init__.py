"""One module in, its facts out: parse -> scan -> resolve -> spawns -> classify -> facts.

Sub-packages, each deciding one thing (see each one's docstring), from the bottom up:
- `facts/`: the plain records the analysis yields (`ModuleFacts`, `Fate`, `Exports`);
- `tree/`: the parse, the one walk, the scopes and where values flow (`flow.trace`);
- `names/`: what a name, receiver or attribute refers to (resolution, light types);
- `graph/`: the control-flow graph of a function and its dataflow solver;
- `obligations/`: the obligation model's rules: creation, holders and transfer, discharges,
  races and losses;
- `frequency/`: how often a spawn runs, and whether its store comes round again;
- `summaries/`: what a module tells the project join, and asks of it.

The two modules still here put them together:
- `classify.py`: each spawn's `Fate` from the obligations' answers (today's classifier, which
  the obligation model replaces rule by rule: issue 55);
- `analyse.py`: the one entry point, a parsed module in, its facts out.

`pyproject.toml`'s contracts hold the order: no package imports one above it. No module here
imports fixes, rules, reports or the command line.
"""
