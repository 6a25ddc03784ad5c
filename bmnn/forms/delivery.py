"""Hand a printout over the web: render to a temporary file through the ledgered print service, then
stream it. Shared by every page and API endpoint that prints, so all check the same rules and ledger
the same way."""

from __future__ import annotations

import re
import tempfile
from typing import Any

from django.http import FileResponse

from bmnn.forms import services
from bmnn.forms.printouts import Printout

DOWNLOAD_COOKIE = "bmnn_download"
DOWNLOAD_TOKEN = re.compile(r"[a-z0-9]{8,32}")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def parse_copies(raw: str | None) -> int:
    """The number of copies asked for; anything that is not a whole number is 0, which the print
    rule refuses with its message."""
    try:
        return int(raw or "1")
    except ValueError:
        return 0


def deliver(*, user: Any, printout: Printout, fmt: str, copies: int, token: str = "") -> FileResponse:
    """Render and ledger the printout; raises ``RuleViolation`` (bad format, bad copies) before any
    file is made. The file is written to a temporary file first, so a failure to ledger never hands
    out an unrecorded printout."""
    tmp = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it after streaming
    try:
        services.print_document(actor=user, document=printout.document, fmt=fmt, out=tmp, copies=copies,
                                subject=printout.subject, subject_repr=printout.subject_repr)  # fmt: skip
    except BaseException:
        tmp.close()
        raise
    tmp.seek(0)
    name = f"{printout.name}.{fmt}"
    response = FileResponse(tmp, as_attachment=True, filename=name, content_type=CONTENT_TYPES[fmt])
    if token and DOWNLOAD_TOKEN.fullmatch(token):
        # Read by the page's script (not a credential: a random nonce the page itself made) so it can
        # stop its "Đang tạo tệp in…" indicator once the file arrives.
        response.set_cookie(DOWNLOAD_COOKIE, token, max_age=300, samesite="Strict", httponly=False)
    return response
