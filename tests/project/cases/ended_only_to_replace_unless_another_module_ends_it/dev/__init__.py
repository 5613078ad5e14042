"""A device client whose updater is ended, in its own module, only before a new one replaces
it (RUBRIC convention 5): TL201 medium for `Meter`. `Relay`'s twin is ended the same way in its
module, but another module's supervisor calls `relay._updater_cancel()` on its way out: that
end is reached, TL001 (the near miss, read only once other modules are)."""
