"""The project's own processor base, derived from pipecat's `FrameProcessor`: it ends the
reader its subclasses keep with pipecat's `cancel_task` (cancels it and waits for it)."""

from pipecat.processors.frame_processor import FrameProcessor


class VoiceProcessor(FrameProcessor):
    async def stop(self) -> None:
        await self.cancel_task(self._reader)


class Plain:
    """No pipecat class behind it: its subclasses' `create_task` is nothing known."""
