"""A socket's state: it stores the server that made it, a parameter with no annotation. This
module names no spawn and nothing asked: the chain round reads it for the class chain."""


class BaseSocket:
    def __init__(self, server, sid):
        self.server = server
        self.sid = sid
