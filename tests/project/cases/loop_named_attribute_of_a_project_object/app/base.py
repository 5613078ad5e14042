from app.core import Core


class PluginBase:
    def __init__(self, core: "Core") -> None:
        self.core = core
