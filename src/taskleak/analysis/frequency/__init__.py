"""Frequency: how often a spawn runs, and whether its store is reached again while it lives.

- `lifecycle.py`: how often a function runs (once per event, per message, per connection),
  judged from evidence in its module (registrations, callers, loops), not from its name;
- `caller_waits.py`: which calls of a function that spawns into a holder cannot leave the old
  task running (its callers wait for it before calling again);
- `dispatch.py`: handlers run through a dispatch table (`self._handlers[kind](msg)`);
- `per_item.py`: a call made once per item a loop waits for (a message), not per rare event;
- `reentry.py`: a retry loop that goes round to a call when a later step fails, and the task
  whose own loop calls the function that stored it;
- `respawns.py`: whether a store replaces a task that still runs (a re-spawn), or what of it
  other modules must tell (`project/reentry.py`).

It reads the obligations' holders and coroutines; it decides no end of a task.
"""
