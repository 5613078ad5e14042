from .control import ExporterControl, RestartingControl
from .workers import Exporter, Uploader


class MetricsApp(ExporterControl):
    def __init__(self) -> None:
        self.exporter = Exporter()
        self.exporter.start()

    async def close(self) -> None:
        self._halt_exporter()


class UploadApp(RestartingControl):
    def __init__(self) -> None:
        self.uploader = Uploader()
        self.uploader.start()

    async def close(self) -> None:
        self._bounce_uploader()
