"""Taking out of storage, providing, recalling (thu hồi) and a departing custodian's handover.

Điều 14 Luật 29/2018/QH14 and Điều 5 NĐ 26/2020/NĐ-CP (mang ra khỏi nơi lưu giữ); Điều 15, 16
(cung cấp, chuyển giao cho cơ quan, người Việt Nam / nước ngoài); khoản 4 Điều 4 NĐ 26/2020 (thu hồi);
khoản 4 Điều 25, điểm d khoản 2 Điều 26 (thu hồi khi người quản lý thôi việc, cam kết). The same
articles of Luật 117/2025/QH15 and NĐ 63/2026/NĐ-CP from 01/03/2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bmnn.lib.levels import label, rank
from bmnn.lib.rules import Violation
from bmnn.movements.rules.common import cite, item_open, not_before, not_future, required

SCOPES = ("in_country", "abroad")
RECIPIENT_KINDS = ("vn_body", "vn_person", "foreign_body", "foreign_person")


def take_out_basis(on: dt.date) -> str:
    return cite(on, "Điều 14", decree_2018="Điều 5")


@dataclass(frozen=True)
class TakeOutFacts:
    item_status: str
    scope: str
    purpose: str
    place: str
    protective_measures: str
    period_from: dt.date
    period_to: dt.date
    already_out: bool


def check_take_out(t: TakeOutFacts) -> list[Violation]:
    """The written request names purpose, place, time and protective measures (khoản 3 Điều 14)."""
    basis = take_out_basis(t.period_from)
    out = item_open(t.item_status, "mang ra khỏi nơi lưu giữ", basis)
    if t.scope not in SCOPES:
        out.append(
            Violation("take_out_scope_invalid", "Trường “Phạm vi”: trong nước hoặc ra nước ngoài.", basis)
        )
    out += required(t.purpose, "take_out_purpose_missing", "Mục đích", basis)
    out += required(t.place, "take_out_place_missing", "Nơi đến làm việc", basis)
    out += required(t.protective_measures, "take_out_measures_missing", "Biện pháp bảo vệ", basis)
    out += not_before(
        t.period_to,
        t.period_from,
        "take_out_period_order",
        "Trường “Đến ngày” phải sau hoặc bằng “Từ ngày”.",
        basis,
    )
    if t.already_out:
        out.append(
            Violation(
                "take_out_already_out",
                "Tài liệu (bản sao) đang có giấy phép mang ra chưa trả lại.",
                basis,
            )
        )
    return out


@dataclass(frozen=True)
class TakeOutDecision:
    status: str
    scope: str
    level: str
    approve: bool
    refusal_reason: str
    decider_max_level: str | None  # for "take_out" (in-country) or "take_abroad", as the scope needs
    on: dt.date
    today: dt.date


def check_take_out_decision(d: TakeOutDecision) -> list[Violation]:
    """In-country: the head of the managing body or an authorised deputy (khoản 1 Điều 14); abroad:
    the Tuyệt mật copy authorisers or their authorised deputy (khoản 2 Điều 14)."""
    basis = take_out_basis(d.on)
    out: list[Violation] = []
    if d.status != "requested":
        out.append(Violation("take_out_already_decided", "Đề nghị mang ra này đã được xử lý.", basis))
    if not d.approve:
        out += required(d.refusal_reason, "take_out_refusal_reason_missing", "Lý do không cho phép", basis)
    elif d.decider_max_level is None or rank(d.decider_max_level) < rank(d.level):
        where = "ra nước ngoài" if d.scope == "abroad" else "ra khỏi nơi lưu giữ"
        out.append(
            Violation(
                "take_out_no_authority",
                f"Người quyết định không có thẩm quyền cho phép mang tài liệu độ {label(d.level)} {where} "
                f"vào ngày {d.on:%d/%m/%Y}.",
                basis,
            )
        )
    out += not_future(d.on, d.today, "take_out_decision_future", "Ngày quyết định", basis)
    return out


@dataclass(frozen=True)
class ReturnFacts:
    is_open: bool
    returned_on: dt.date
    started_on: dt.date
    report: str
    today: dt.date
    report_required: bool


def check_return(r: ReturnFacts, basis: str) -> list[Violation]:
    """At the end of the task the holder reports on its use and returns the item (khoản 5 Điều 14)."""
    out: list[Violation] = []
    if not r.is_open:
        out.append(
            Violation("return_not_open", "Không có việc mang ra / thu hồi nào đang chờ trả lại.", basis)
        )
    if r.report_required:
        out += required(r.report, "return_report_missing", "Báo cáo việc sử dụng", basis)
    out += not_future(r.returned_on, r.today, "return_date_future", "Ngày trả lại", basis)
    out += not_before(
        r.returned_on,
        r.started_on,
        "return_before_start",
        "Ngày trả lại không thể trước ngày bắt đầu.",
        basis,
    )
    return out


def provision_basis(on: dt.date, foreign: bool) -> str:
    return cite(on, "Điều 16" if foreign else "Điều 15")


@dataclass(frozen=True)
class ProvisionFacts:
    item_status: str
    recipient_kind: str
    recipient_name: str
    representative: str
    id_number: str
    address: str
    nationality: str
    purpose: str
    commitment: str
    no_third_party: bool
    on: dt.date


def check_provision(p: ProvisionFacts) -> list[Violation]:
    """The written request: who asks, for what, with a cam kết (khoản 3 Điều 15; khoản 2 Điều 16)."""
    foreign = p.recipient_kind.startswith("foreign")
    basis = provision_basis(p.on, foreign)
    out = item_open(p.item_status, "cung cấp, chuyển giao", basis)
    if p.recipient_kind not in RECIPIENT_KINDS:
        out.append(Violation("provision_kind_invalid", "Trường “Bên đề nghị”: không hợp lệ.", basis))
    out += required(p.recipient_name, "provision_name_missing", "Tên cơ quan, tổ chức / họ tên", basis)
    if p.recipient_kind.endswith("body"):
        out += required(p.representative, "provision_representative_missing", "Người đại diện", basis)
    if p.recipient_kind.endswith("person"):
        out += required(p.id_number, "provision_id_missing", "Số giấy tờ tùy thân", basis)
        out += required(p.address, "provision_address_missing", "Địa chỉ", basis)
    if foreign:
        out += required(p.nationality, "provision_nationality_missing", "Quốc tịch", basis)
        if not p.no_third_party:
            out.append(
                Violation(
                    "provision_third_party_missing",
                    "Bên nước ngoài phải cam kết không cung cấp cho bên thứ ba khi chưa được đồng ý.",
                    basis,
                )
            )
    out += required(p.purpose, "provision_purpose_missing", "Mục đích sử dụng", basis)
    out += required(p.commitment, "provision_commitment_missing", "Cam kết bảo vệ bí mật nhà nước", basis)
    return out


@dataclass(frozen=True)
class ProvisionDecision:
    status: str
    foreign: bool
    level: str
    approve: bool
    decision_ref: str
    refusal_reason: str
    decider_max_level: str | None  # authority "provide" of the deciding position
    external_decider: str  # a decision taken outside the agency (e.g. the Prime Minister), recorded
    on: dt.date
    today: dt.date


def check_provision_decision(d: ProvisionDecision) -> list[Violation]:
    """Vietnamese parties: the copy authorisers by level (Điều 15.1). Foreign parties, Tuyệt mật: the
    Prime Minister (Điều 16.1.a) — recorded from his decision; Tối mật, Mật: the listed heads (16.1.b).
    A refusal is written with its reasons."""
    basis = provision_basis(d.on, d.foreign)
    out: list[Violation] = []
    if d.status != "requested":
        out.append(Violation("provision_already_decided", "Đề nghị cung cấp này đã được xử lý.", basis))
    out += required(d.decision_ref, "provision_decision_ref_missing", "Văn bản quyết định / trả lời", basis)
    if not d.approve:
        out += required(d.refusal_reason, "provision_refusal_reason_missing", "Lý do từ chối", basis)
    elif d.foreign and d.level == "top_secret":
        if not d.external_decider.strip():
            out.append(
                Violation(
                    "provision_prime_minister",
                    "Cung cấp BMNN độ Tuyệt mật cho nước ngoài do Thủ tướng Chính phủ quyết định: "
                    "ghi người quyết định và văn bản quyết định.",
                    basis,
                )
            )
    elif d.decider_max_level is None or rank(d.decider_max_level) < rank(d.level):
        out.append(
            Violation(
                "provision_no_authority",
                f"Người quyết định không có thẩm quyền cho phép cung cấp tài liệu độ {label(d.level)} "
                f"vào ngày {d.on:%d/%m/%Y}.",
                basis,
            )
        )
    out += not_future(d.on, d.today, "provision_decision_future", "Ngày quyết định", basis)
    return out


def recall_basis(on: dt.date) -> str:
    return cite(on, "Điều 25, 26", decree_2018="khoản 4 Điều 4", decree_2025="Điều 4")


@dataclass(frozen=True)
class RecallFacts:
    item_status: str
    holder_name: str
    reason: str
    issued_on: dt.date
    deadline: dt.date
    today: dt.date
    already_recalled: bool


def check_recall(r: RecallFacts) -> list[Violation]:
    basis = recall_basis(r.issued_on)
    out = item_open(r.item_status, "thu hồi", basis)
    out += required(r.holder_name, "recall_holder_missing", "Nơi, người đang giữ", basis)
    out += required(r.reason, "recall_reason_missing", "Lý do thu hồi", basis)
    out += not_future(r.issued_on, r.today, "recall_date_future", "Ngày thu hồi", basis)
    out += not_before(
        r.deadline,
        r.issued_on,
        "recall_deadline_order",
        "Trường “Hạn trả lại” phải sau hoặc bằng ngày thu hồi.",
        basis,
    )
    if r.already_recalled:
        out.append(Violation("recall_already_open", "Đã có lệnh thu hồi đang mở với người giữ này.", basis))
    return out


@dataclass(frozen=True)
class DepartureFacts:
    same_agency: bool
    reason: str
    on: dt.date
    deadline: dt.date
    today: dt.date
    already_open: bool


def check_departure(d: DepartureFacts) -> list[Violation]:
    """The head recalls what a leaving custodian holds (khoản 4 Điều 25); they hand it over and sign a
    commitment (điểm d khoản 2 Điều 26)."""
    basis = recall_basis(d.on)
    out: list[Violation] = []
    if not d.same_agency:
        out.append(Violation("departure_other_agency", "Người thôi quản lý phải thuộc cơ quan này.", basis))
    out += required(
        d.reason, "departure_reason_missing", "Lý do (thôi việc, chuyển công tác, nghỉ hưu…)", basis
    )
    out += not_future(d.on, d.today, "departure_date_future", "Ngày quyết định thu hồi", basis)
    out += not_before(
        d.deadline,
        d.on,
        "departure_deadline_order",
        "Trường “Hạn bàn giao” phải sau hoặc bằng ngày quyết định.",
        basis,
    )
    if d.already_open:
        out.append(
            Violation("departure_already_open", "Người này đang có một đợt thu hồi chưa hoàn tất.", basis)
        )
    return out
