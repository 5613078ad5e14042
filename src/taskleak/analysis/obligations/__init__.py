"""Obligations: one per task created, followed through its holders to what ends it.

- `creation.py`: where an obligation is created (does `ensure_future(x)` make a task?);
- `liveness.py`: may a holder still hold a live, unended task where a spawn stores into it (the
  overwrite's path question, on the function's graph), and does a coroutine end right after
  it asks for its successor;
- `reset_by_callback.py`: a discharge, a done-callback that lets go of the attribute.
"""
