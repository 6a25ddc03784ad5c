"""The fields each data source can fill, by source name (pure data, no Django).

A form definition may only name fields listed here for its source: a definition that names an
unknown field is refused, so a typo in an imported annex never prints an empty column silently.
Adapters in ``bmnn.forms.sources`` produce exactly these keys.
"""

from __future__ import annotations

from bmnn.forms.catalogue.act_fields import ACT_SOURCES

_REGISTER_COMMON = {
    "seq": "Số thứ tự",
    "level": "Độ mật",
    "note": "Ghi chú",
    "cancelled": "Đã hủy (ĐÃ HỦY)",
}

REGISTER_COVER_FIELDS: dict[str, str] = {
    "governing_body": "Cơ quan chủ quản cấp trên",
    "agency": "Tên cơ quan",
    "year": "Năm mở sổ",
    "opened_on": "Ngày bắt đầu",
    "closed_on": "Ngày kết thúc",
    "first_seq": "Số thứ tự đầu trong sổ",
    "last_seq": "Số thứ tự cuối trong sổ",
    "volume": "Quyển số",
    "register_title": "Tên sổ",
}

SOURCES: dict[str, dict[str, str]] = {
    "register.outgoing": {
        **_REGISTER_COMMON,
        "doc_date": "Ngày tháng văn bản",
        "doc_number": "Số, ký hiệu",
        "summary": "Tên loại và trích yếu nội dung",
        "signer": "Người ký",
        "recipients": "Nơi nhận",
        "receipt": "Đơn vị, người nhận ký nhận",
        "storage_unit": "Đơn vị lưu",
        "copies": "Số lượng bản",
    },
    "register.incoming": {
        **_REGISTER_COMMON,
        "received_on": "Ngày đến",
        "incoming_number": "Số đến",
        "issuing_body": "Cơ quan ban hành",
        "doc_number": "Số, ký hiệu",
        "doc_date": "Ngày tháng văn bản",
        "summary": "Tên loại và trích yếu nội dung",
        "receipt": "Đơn vị, người nhận ký nhận",
        "copies": "Số lượng bản",
    },
    "register.handover": {
        **_REGISTER_COMMON,
        "handed_on": "Ngày chuyển giao",
        "doc_number": "Số, ký hiệu",
        "doc_date": "Ngày tháng văn bản",
        "summary": "Tên loại và trích yếu nội dung",
        "copies": "Số lượng bản",
        "giver": "Người giao",
        "receiver": "Người nhận",
        "receipt": "Ký nhận",
    },
    "register.copy": {
        **_REGISTER_COMMON,
        "copied_on": "Ngày sao, chụp",
        "doc_number": "Số, ký hiệu",
        "doc_date": "Ngày tháng văn bản",
        "issuing_body": "Cơ quan ban hành",
        "summary": "Tên loại và trích yếu nội dung",
        "copy_kind": "Hình thức sao, chụp",
        "copies_made": "Số lượng bản sao",
        "copy_numbers": "Số bản sao",
        "authoriser": "Người cho phép sao, chụp",
        "copier": "Người thực hiện",
        "receiver": "Nơi nhận bản sao",
    },
    "item": {
        "level": "Độ mật",
        "level_upper": "Độ mật (chữ in hoa)",
        "envelope_letter": "Chữ ký hiệu độ mật trên bì (A/B/C)",
        "number": "Số, ký hiệu",
        "date": "Ngày văn bản",
        "document_type": "Tên loại",
        "summary": "Trích yếu (để trống nếu Tuyệt mật)",
        "issuing_body": "Cơ quan ban hành",
        "drafting_unit": "Đơn vị soạn thảo",
        "drafter": "Người soạn thảo",
        "basis": "Căn cứ (điểm, khoản, Điều, Quyết định danh mục)",
        "circulation_scope": "Phạm vi lưu hành",
        "copies": "Số lượng bản",
        "classified_on": "Ngày xác định độ mật",
        "protection_ends_on": "Hết thời hạn bảo vệ",
        "protection_note": "Ghi chú thời hạn",
        "decided_by": "Người quyết định",
        "proposed_by": "Người đề xuất",
        "act_on": "Ngày của hành vi (gia hạn, điều chỉnh, giải mật)",
        "extended_until": "Gia hạn đến ngày",
        "old_level": "Độ mật cũ",
        "new_level": "Độ mật mới",
        "new_level_upper": "Độ mật mới (chữ in hoa)",
        "declassified_on": "Ngày giải mật",
        "declassified_part": "Phần được giải mật",
        "reason": "Lý do",
        "copy_number": "Số bản",
        "copy_total": "Tổng số bản",
        "recall_deadline": "Hạn trả lại",
        "addressee": "Người có tên nhận",
        "authoriser": "Người cho phép sao",
        "copied_at": "Thời điểm sao (ISO 8601)",
        "copier_agency": "Cơ quan sao",
        "agency": "Tên cơ quan",
        "governing_body": "Cơ quan chủ quản",
        "place": "Địa danh",
    },
    "person": {
        "full_name": "Họ và tên",
        "position": "Chức vụ",
        "unit": "Đơn vị",
        "agency": "Tên cơ quan",
        "governing_body": "Cơ quan chủ quản",
        "place": "Địa danh",
        "clearance": "Mức được tiếp cận",
    },
}

SOURCES.update(
    ACT_SOURCES
)  # the acts' documents (destruction, copies, take-out, provision, recall, thống kê)


def fields_of(source: str) -> dict[str, str] | None:
    return SOURCES.get(source)
