"""The integration: set up the updater, and stop its websocket task on unload."""

from __future__ import annotations

from .coordinator import ForkedDaapdUpdater


async def async_setup_entry(hass, entry) -> bool:
    updater = ForkedDaapdUpdater(hass, entry.data["host"])
    await updater.async_init()
    entry.runtime_data = updater
    return True


async def async_unload_entry(hass, entry) -> bool:
    if websocket_handler := entry.runtime_data.websocket_handler:
        websocket_handler.cancel()
    return True
