"""The graph and its dataflow: what may run after what inside one function.

- `cfg.py`: the control-flow graph's records (`Graph`, `Point`, `Edge`) and `graph_of`;
- `build.py`: how a body becomes a graph (loops, `try`/`except`/`else`/`finally`, `with`,
  `match`, `break`/`continue`/`return`/`raise`), one `Point` per small statement or header;
- `places.py`: which point each of the scan's reads and calls happens at;
- `dataflow.py`: a forward worklist solver over a graph (`solve`), the engine of every path
  question the obligation model asks ("may the task still be held here?", "is it ended on
  every way out?").

It decides nothing about tasks: it says which statements may follow which.
"""
