"""Carrying an uploaded catalog file from the preview to the confirmation.

The bytes are kept server-side in the session (base64) with their SHA-256; the confirm form only
echoes the digest. On confirm the file is parsed again, so what is saved is exactly what was
previewed, and nothing the browser sends back is trusted as parsed content.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from bmnn.catalog.importing import ParsedCatalog, parse_bytes

SESSION_KEY = "catalog_import"


@dataclass(frozen=True)
class PendingImport:
    filename: str
    data: bytes
    decision: str
    signed_on: dt.date | None
    sector: str
    shared: bool

    @property
    def token(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def parse(self) -> ParsedCatalog:
        return parse_bytes(self.data, self.filename)


def store(session: Any, pending: PendingImport) -> None:
    session[SESSION_KEY] = {
        "filename": pending.filename,
        "data": base64.b64encode(pending.data).decode("ascii"),
        "decision": pending.decision,
        "signed_on": pending.signed_on.isoformat() if pending.signed_on else None,
        "sector": pending.sector,
        "shared": pending.shared,
    }


def load(session: Any, token: str) -> PendingImport | None:
    """The pending file whose digest matches ``token``, or None (expired, replaced or forged)."""
    raw = session.get(SESSION_KEY)
    if not isinstance(raw, dict):
        return None
    try:
        pending = PendingImport(
            filename=str(raw["filename"]),
            data=base64.b64decode(raw["data"], validate=True),
            decision=str(raw["decision"]),
            signed_on=dt.date.fromisoformat(raw["signed_on"]) if raw["signed_on"] else None,
            sector=str(raw["sector"]),
            shared=bool(raw["shared"]),
        )
    except (KeyError, ValueError, TypeError):
        return None
    return pending if pending.token == token else None


def clear(session: Any) -> None:
    session.pop(SESSION_KEY, None)
