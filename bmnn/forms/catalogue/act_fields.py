"""The fields the act adapters (``bmnn.forms.sources.acts``) fill, by source name (pure data).

Three kinds of names, each checked when a definition is read (an unknown name is refused):
``ACT_SOURCES`` — placeholders of the title and body; ``TABLE_FIELDS`` — columns of the table a
document may carry (``document.columns``: the list of items and copies of a destruction file, the
counts of a thống kê); ``SIGNER_FIELDS`` — lists of signers (``document.signature.signers_field``),
e.g. every council member under the minutes.
"""

from __future__ import annotations

# What an act's document says about the one item it concerns (never a Tuyệt mật trích yếu).
_ITEM = {
    "level": "Độ mật",
    "level_upper": "Độ mật (chữ in hoa)",
    "number": "Số, ký hiệu tài liệu",
    "date": "Ngày tài liệu",
    "document_type": "Tên loại tài liệu",
    "summary": "Trích yếu (không ghi đối với Tuyệt mật)",
    "issuing_body": "Cơ quan ban hành",
    "copy_label": "Bản gốc, hoặc “Bản sao số n/N” khi hành vi áp dụng cho một bản sao",
}
_AGENCY = {"agency": "Tên cơ quan", "governing_body": "Cơ quan chủ quản", "place": "Địa danh"}

ACT_SOURCES: dict[str, dict[str, str]] = {
    "destruction": {
        **_AGENCY,
        "level": "Độ mật cao nhất trong hồ sơ",
        "case_number": "Số hồ sơ tiêu hủy",
        "reason": "Lý do đề xuất tiêu hủy",
        "proposed_by": "Người đề xuất",
        "proposed_on": "Ngày đề xuất",
        "council_ref": "Quyết định thành lập hội đồng (số)",
        "council_on": "Ngày thành lập hội đồng",
        "council_chair": "Chủ tịch hội đồng",
        "council_members": "Thành viên hội đồng",
        "minutes_ref": "Biên bản họp hội đồng (số)",
        "minutes_on": "Ngày họp hội đồng",
        "council_opinion": "Kết luận của hội đồng",
        "decided_by": "Người quyết định tiêu hủy",
        "decision_ref": "Quyết định tiêu hủy (số)",
        "decided_on": "Ngày quyết định tiêu hủy",
        "method": "Phương pháp tiêu hủy",
        "destroyed_on": "Ngày tiêu hủy",
        "persons": "Người thực hiện tiêu hủy",
        "record_ref": "Biên bản tiêu hủy (số)",
        "line_count": "Tổng số tài liệu, bản sao trong danh sách",
        "item_count": "Số bản gốc",
        "copy_count": "Số bản sao",
    },
    "copy_entry": {
        **_AGENCY,
        **_ITEM,
        "register_number": "Số thứ tự trong sổ quản lý sao, chụp",
        "copied_on": "Ngày sao, chụp",
        "copy_kind": "Hình thức sao, chụp",
        "quantity": "Số lượng bản",
        "copy_numbers": "Số bản sao",
        "authoriser": "Người cho phép (chức vụ, họ tên)",
        "permission_ref": "Văn bản cho phép (số, ngày)",
        "authorised_on": "Ngày cho phép",
        "performer": "Người sao, chụp",
        "recipients": "Nơi nhận bản sao",
        "purpose": "Mục đích",
    },
    "take_out": {
        **_AGENCY,
        **_ITEM,
        "requester": "Người đề nghị (họ tên)",
        "requester_position": "Chức vụ người đề nghị",
        "requester_unit": "Đơn vị người đề nghị",
        "requested_on": "Ngày đề nghị",
        "scope": "Phạm vi (trong nước / nước ngoài)",
        "purpose": "Mục đích",
        "place": "Nơi đến làm việc",
        "period_from": "Từ ngày",
        "period_to": "Đến ngày",
        "protective_measures": "Biện pháp bảo vệ",
        "decider": "Người cho phép (chức vụ, họ tên)",
        "decider_name": "Họ tên người cho phép",
        "decided_on": "Ngày cho phép",
        "decision_ref": "Văn bản cho phép (số)",
    },
    "provision": {
        **_AGENCY,
        **_ITEM,
        "recipient_kind": "Bên đề nghị là",
        "recipient_name": "Tên cơ quan, tổ chức / họ tên bên đề nghị",
        "representative": "Người đại diện",
        "position": "Chức vụ",
        "id_number": "Số giấy tờ tùy thân",
        "nationality": "Quốc tịch",
        "address": "Địa chỉ",
        "purpose": "Mục đích sử dụng",
        "commitment": "Cam kết bảo vệ bí mật nhà nước",
        "no_third_party": "Cam kết không cung cấp cho bên thứ ba",
        "request_ref": "Văn bản đề nghị (số, ngày)",
        "registered_on": "Ngày tiếp nhận đề nghị",
    },
    "recall": {
        **_AGENCY,
        **_ITEM,
        "holder_name": "Nơi, người đang giữ",
        "reason": "Lý do thu hồi",
        "issued_on": "Ngày thu hồi",
        "deadline": "Hạn trả lại",
        "recall_deadline": "Hạn trả lại (trên dấu Tài liệu thu hồi)",
        "issued_by": "Người ra lệnh thu hồi",
    },
    "statistics": {
        **_AGENCY,
        "period_from": "Từ ngày",
        "period_to": "Đến ngày",
        "printed_by": "Người lập",
        "withheld_note": "Ghi chú về số liệu vượt mức được tiếp cận của người in",
    },
}

TABLE_FIELDS: dict[str, dict[str, str]] = {
    "destruction": {
        "seq": "Số thứ tự",
        "number": "Số, ký hiệu",
        "date": "Ngày tài liệu",
        "document_type": "Tên loại",
        "summary": "Trích yếu (để trống nếu Tuyệt mật)",
        "level": "Độ mật",
        "copy_number": "Bản gốc / bản sao số",
        "issuing_body": "Cơ quan ban hành",
        "note": "Ghi chú",
    },
    "statistics": {
        "act": "Hoạt động",
        "top_secret": "Tuyệt mật",
        "secret": "Tối mật",
        "confidential": "Mật",
        "total": "Cộng",
    },
}

SIGNER_FIELDS: dict[str, dict[str, str]] = {
    "destruction": {"council": "Mọi thành viên hội đồng tiêu hủy (chủ tịch và các thành viên)"},
    "copy_entry": {"copy_signers": "Người sao, chụp và người cho phép"},
}
