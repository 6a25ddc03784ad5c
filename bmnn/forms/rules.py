"""Pure rules of printing and form management (no Django)."""

from __future__ import annotations

from dataclasses import dataclass

from bmnn.lib.rules import Violation

CONTROL_BASIS = "Quy chế in ấn, biểu mẫu của bmnn"
# Who may load a new form definition: the system administrator or the security officer. Not fixed by
# law; an agency may narrow it. Defaults chosen so the officer who knows the new annex can load it.
DEFINITION_IMPORTERS = frozenset({"admin", "security_officer"})
MAX_COPIES = 50  # a sanity bound on one print order, not a legal number
FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class PrintRequest:
    fmt: str
    copies: int


def check_print(req: PrintRequest) -> list[Violation]:
    out = []
    if req.fmt not in FORMATS:
        out.append(Violation("bad_format", "Định dạng: chỉ in ra PDF hoặc DOCX.", CONTROL_BASIS))
    if not 1 <= req.copies <= MAX_COPIES:
        out.append(Violation("bad_copies", f"Số bản in: từ 1 đến {MAX_COPIES}.", CONTROL_BASIS))
    return out


def check_import(role: str) -> list[Violation]:
    if role in DEFINITION_IMPORTERS:
        return []
    return [
        Violation(
            "not_importer",
            "Chỉ Quản trị hệ thống hoặc Cán bộ bảo mật được nhập định nghĩa biểu mẫu mới.",
            CONTROL_BASIS,
        )
    ]
