"""The analysis's plain records: what it yields, with no parser behind them.

- `module.py`: what analysing one module yields (`ModuleFacts`: spawns, fates, fix facts, the
  questions for the project join), cached per file;
- `fates.py`: what became of each spawned Task (`Fate`), as the rules read it;
- `interface.py`: what one module tells the others (`Exports`: its functions' and classes'
  summaries, the ends found, call positions).

Plain, picklable and JSON-able; it imports nothing else of the analysis, so every stage and the
project join can read it.
"""
