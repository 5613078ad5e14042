"""Obligations: one per task created, followed through its holders to what ends it.

Creation:
- `creation.py`: where an obligation is created (does `ensure_future(x)` make a task?);
- `spawns.py`, `spawners.py`, `local_helpers.py`, `coroutine_callbacks.py`: which calls are
  spawns (resolved spawn functions, configured and local helpers, coroutine functions called
  back);
- `coroutines.py`: what a spawned coroutine's body says (it loops forever, respawns itself).

Holders and transfer:
- `holders.py`, `keys.py`, `weak_holders.py`, `collection_aliases.py`, `self_registered.py`,
  `method_adds.py`, `closures.py`: what keeps a task (a local, an attribute, a collection, a
  dict slot, the closure of a nested function that outlives its frame);
- `handoffs.py`, `passed.py`, `helper_promises.py`, `forgetting_helpers.py`: a task handed to a
  callee (a constructor keeping it in the object's attribute too), and what the callee promises;
- `ownership.py`, `attribute_reads.py`, `effects.py`, `lifetimes.py`: who keeps it within one
  module, what each read of the holder does, how long the keeper lives.

Discharges:
- `closing.py`, `object_stops.py`, `sentinels.py`, `completed_futures.py`, `loop_stops.py`,
  `reset_by_callback.py`: the owner's close, a stop through the object the task works on, a
  sentinel, a joined future, a stopped loop, a done-callback that lets go of the attribute;
- `prune_targets.py`: which prunes can remove a given task at all (a removal of what only ever
  holds another spawn's task ends none of this one's).

Races and losses:
- `races.py`, `waits.py`, `race_fates.py`, `generator_exits.py`: waits that can return while
  what they wait for still runs (which waits are races; what ends their losers, on every way
  out or on the normal way out only);
- `signal_waits.py`: a loser that waits for an event of its own object, which the close
  cancelling the waiting loop's task never sets: it runs until cancelled;
- `liveness.py`, `guards.py`, `early_returns.py`, `discarded.py`: may a holder still hold a
  live task where a spawn stores into it (the overwrite's path question, on the function's
  graph), what guards a re-spawn, a `return` that drops a local, a task nothing keeps;
- `witness.py`, `paths.py`: the resolved facts a kept, never-ended finding states, and each
  finding's obligation path (holders, the loss, or the discharge).
"""
