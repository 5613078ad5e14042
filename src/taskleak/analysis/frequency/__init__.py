"""Frequency: how often a spawn runs, and whether its store is reached again while it lives.

- `lifecycle.py`: how often a function runs (once per event, per message, per connection),
  judged from evidence in its module (registrations, callers, loops), not from its name;
- `caller_waits.py`: which calls of a function that spawns into a holder cannot leave the old
  task running (its callers wait for it before calling again).

It reads the obligations' holders and coroutines; it decides no end of a task.
"""
