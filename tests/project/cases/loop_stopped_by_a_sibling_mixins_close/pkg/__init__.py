"""Clients made of two mixins over one base that declares the methods each brings (stubs
raising `NotImplementedError`): `Reader(ReaderEnds, ReaderSpawns)` runs `ReaderEnds.close()`,
which stops the loop `ReaderSpawns.start()` spawns through the flag it reads, so that task is
kept and ended (TL001): the reader's own way out is that very method, not one replacing the
base's stub. Its pinger runs `while True` and nothing cancels it (TL201). The near miss:
`Pinger` is built the same way as the reader, but `AbruptPinger(Pinger)` replaces `close()`
with one that never clears the flag, so its objects close with the loop still running
(TL201)."""
