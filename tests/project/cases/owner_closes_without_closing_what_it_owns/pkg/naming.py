from pkg.services import RedoService


class NamingRedoService(RedoService):
    pass
