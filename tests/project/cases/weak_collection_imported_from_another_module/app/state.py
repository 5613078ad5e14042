import weakref

_states: "weakref.WeakKeyDictionary[object, str]" = weakref.WeakKeyDictionary()
_live: "weakref.WeakSet[object]" = weakref.WeakSet()
_by_owner: "weakref.WeakKeyDictionary[object, object]" = weakref.WeakKeyDictionary()
