from typing import Any


class ExporterControl:
    exporter: Any

    def _halt_exporter(self) -> None:
        self.exporter.stop()


class RestartingControl:
    uploader: Any

    def _bounce_uploader(self) -> None:
        self.uploader.stop()
        self.uploader.start()
