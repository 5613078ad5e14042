from relay.link import Link, start_guarded, start_plain


async def step():
    pass


class Session:
    def __init__(self, link: Link):
        self.link = link

    def on_pdu(self):
        self.link.run_guarded(step())
        start_guarded(step())

    def on_other(self):
        self.link.run_plain(step())
        start_plain(step())
