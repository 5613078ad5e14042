"""Names and types: what a name, a receiver or an attribute refers to, as far as this module says.

- `resolve.py`: light name resolution over the scan's scopes (imports, aliases, loops, task
  groups);
- `objects.py`: the class of an object this module defines (a light type inference);
- `typed_names.py`: which globals and class attributes are event loops;
- `attribute_types.py`, `attributes.py`: the declared types of a class's attributes, and what the
  class's own code says about one (a property over another, a setter);
- `class_bases.py`, `stubs.py`: a class's bases in its own module, and methods that only
  declare an interface;
- `asyncio_waits.py`: which calls are asyncio's waits, races and `suppress` (a call named like
  one is a hand-off when its callee resolves to something else).
- `chains.py`, `effect_owners.py`: a receiver or an attribute's class this module cannot type,
  written so that the project join can (a chain from an imported name, the class as written);
- `dynamic_reads.py`: an attribute read through `getattr(self, name)`;
- `queues.py`: a put into an unbounded `asyncio.Queue` (it completes at once).

It decides nothing about tasks: it answers "what is this?" so the obligations can ask "is it the
same holder?".
"""
