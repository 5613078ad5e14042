"""Summaries: what one module tells the project join, and what it asks of it.

- `exports.py`: the module's `Exports` (its spawn helpers and what each promises, the classes'
  owning attributes and the methods that end them, the functions' returns);
- `parameter_uses.py`: what each function does with a task its parameter receives (`ParamUse`:
  ends, keeps, returns, passes on, waits under a timeout);
- `foreign_handoffs.py`: a task handed to another module's function: the question the join
  answers with that function's summary.

Computed once per module from its obligations and cached with its facts; the project join
(`taskleak.project`) reads them without the parser.
"""
