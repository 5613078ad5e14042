"""One module in, its facts out: parse -> scan -> resolve -> spawns -> classify -> facts.

Sub-packages, each deciding one thing (see each one's docstring):
- `tree/`: the parse, the one walk, the scopes and where values flow (`flow.trace`);
- `names/`: what a name, receiver or attribute refers to (resolution, light types);
- `graph/`: the control-flow graph of a function and its dataflow solver;
- `obligations/`: the obligation model's rules (creation, liveness, discharges).

The modules still here are today's classifier and its records, which the obligation model
replaces rule by rule (issue 55):
- `spawns.py`: which calls are spawns;
- `ownership.py`: who keeps a task and what ends it; `classify.py`: each spawn's `Fate`;
- `analyse.py`: the one entry point; `facts.py`, `fates.py`: the plain results;
  `interface.py`, `exports.py`: what one module tells the project join.

No module here imports fixes, rules, reports or the command line.
"""
