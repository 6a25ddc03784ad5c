"""Typed import failures, each with a Vietnamese message for the user.

A file that cannot be read is never reported as an empty plan: the caller gets
one of these and nothing is saved ("cannot verify", never "clean").
"""

from __future__ import annotations


class PlanImportError(Exception):
    """Base class: ``code`` is stable for programs, ``message_vi`` is shown to people."""

    code = "plan_import.error"

    def __init__(self, message_vi: str) -> None:
        super().__init__(message_vi)
        self.message_vi = message_vi


class UnsupportedFormatError(PlanImportError):
    code = "plan_import.unsupported_format"


class LegacyEncodingError(PlanImportError):
    code = "plan_import.legacy_encoding"


class EncryptedFileError(PlanImportError):
    code = "plan_import.encrypted"


class CorruptFileError(PlanImportError):
    code = "plan_import.corrupt"


class NoTextLayerError(PlanImportError):
    code = "plan_import.no_text_layer"


class EmptyDocumentError(PlanImportError):
    code = "plan_import.empty"
