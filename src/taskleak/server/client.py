"""What the client said it can do, read once from `initialize`."""

from __future__ import annotations

from typing import Any

from lsprotocol import types
from pygls.capabilities import get_capability

from taskleak.records import record


def _get(capabilities: types.ClientCapabilities, field: str) -> Any:
    return get_capability(capabilities, field, None)


@record(frozen=True)
class ClientFeatures:
    pull: bool = False  # asks for diagnostics itself (`textDocument/diagnostic`): no pushing
    refresh: bool = False  # takes `workspace/diagnostic/refresh`
    related: bool = False  # shows `relatedInformation`
    resolve_edit: bool = False  # resolves a code action's edit when it is picked
    versioned: bool = False  # takes versioned edits (`documentChanges`)
    configuration: bool = False  # answers `workspace/configuration`
    watch: bool = False  # lets the server register `workspace/didChangeWatchedFiles`

    @classmethod
    def of(cls, caps: types.ClientCapabilities) -> ClientFeatures:
        resolve = _get(caps, "text_document.code_action.resolve_support")
        return cls(
            pull=_get(caps, "text_document.diagnostic") is not None,
            refresh=bool(_get(caps, "workspace.diagnostics.refresh_support")),
            related=bool(_get(caps, "text_document.publish_diagnostics.related_information")
                         or _get(caps, "text_document.diagnostic.related_information")),
            resolve_edit=resolve is not None and "edit" in resolve.properties,
            versioned=bool(_get(caps, "workspace.workspace_edit.document_changes")),
            configuration=bool(_get(caps, "workspace.configuration")),
            watch=bool(_get(caps, "workspace.did_change_watched_files.dynamic_registration")),
        )
