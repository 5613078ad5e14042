"""Owners whose way out is written in a mixin of their own. `MetricsApp` makes and keeps an
`Exporter`, whose flush loop runs until `stop()` cancels it; its `close()` calls
`_halt_exporter()`, which `ExporterControl` (another module) defines, and that calls
`self.exporter.stop()`: the app's way out reaches the end (TL001). The near miss:
`UploadApp.close()` calls `_bounce_uploader()` of `RestartingControl`, which stops the
uploader only to start it again at once: a restart ends nothing on the way out (TL201)."""
