import asyncio


class DownloadManager:
    def __init__(self, fetch) -> None:
        self._fetch = fetch
        self._active: dict[str, asyncio.Task] = {}

    def start_download(self, url: str) -> None:
        if url in self._active:
            return
        self._active[url] = asyncio.create_task(self._download(url))

    async def _download(self, url: str) -> None:
        await self._fetch(url)
        del self._active[url]

    async def close(self) -> None:
        for task in list(self._active.values()):
            task.cancel()


class ThumbnailQueue:
    def __init__(self, render) -> None:
        self._render = render
        self._active: dict[str, asyncio.Task] = {}

    def request(self, image_id: str) -> None:
        if image_id in self._active:
            return
        self._active[image_id] = asyncio.create_task(self._make(image_id))

    async def _make(self, image_id: str) -> None:
        try:
            await self._render(image_id)
        finally:
            self._active.pop(image_id, None)

    async def close(self) -> None:
        tasks = list(self._active.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
