"""pygls's workspace, with documents that break lines where the protocol does.

pygls applies an incremental change to the lines of `str.splitlines`, which also breaks at form
feeds, `\\x1c`-`\\x1e`, `\\x85` and U+2028/U+2029; clients count lines at `\\n`, `\\r\\n` and `\\r`
only. In a buffer holding one of those (a `^L` page break between sections, say) every change
after it would land on the wrong line, and the server would check, and fix, text the editor does
not have. `install` swaps in a workspace whose documents split lines as the protocol does.
"""

from __future__ import annotations

from collections.abc import Sequence

from pygls.protocol import LanguageServerProtocol
from pygls.workspace import TextDocument, Workspace

from taskleak.files.lines import lines_with_ends


class LspTextDocument(TextDocument):
    @property
    def lines(self) -> Sequence[str]:
        return tuple(lines_with_ends(self.source))


class LspWorkspace(Workspace):
    def _create_text_document(self, doc_uri: str, source: str | None = None,
                              version: int | None = None,
                              language_id: str | None = None) -> TextDocument:
        return LspTextDocument(doc_uri, source=source, version=version,
                               language_id=language_id, sync_kind=self._sync_kind,
                               position_codec=self._position_codec)


def install(protocol: LanguageServerProtocol) -> None:
    """Replace the workspace pygls made at `initialize` (before any document is opened)."""
    made = protocol.workspace
    protocol._workspace = LspWorkspace(made.root_uri, made._sync_kind,
                                       list(made.folders.values()), made.position_encoding)
