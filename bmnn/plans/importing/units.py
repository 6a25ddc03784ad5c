"""Who does a task and to whom it reports, read from the wording plans use.

"Đơn vị thực hiện: …", "X chủ trì, phối hợp với Y …", "Giao X theo dõi …",
"báo cáo kết quả về X …". Unit names end where the action verb begins; what
cannot be split stays in the task text, so a wrong guess is visible on review.
"""

from __future__ import annotations

import re

from bmnn.plans.importing.deadlines import find_dated_deadlines, parse_deadline_value
from bmnn.plans.importing.model import Deadline, ReportObligation

_VERBS = (
    "chủ trì",
    "phối hợp",
    "theo dõi",
    "hướng dẫn",
    "kiểm tra",
    "tổ chức",
    "tham mưu",
    "thực hiện",
    "xây dựng",
    "triển khai",
    "đôn đốc",
    "rà soát",
    "quán triệt",
    "tổng hợp",
    "chịu trách nhiệm",
    "có trách nhiệm",
    "thường xuyên",
    "chủ động",
    "ban hành",
    "báo cáo",
    "nghiên cứu",
)
# Noun phrases that begin like a verb ("tổ chức đoàn thể" is an organisation, not "to organise").
_NOUN_PHRASES = re.compile(r"^tổ\s+chức\s+(?:đoàn\s+thể|chính\s+trị|xã\s+hội|hội)", re.IGNORECASE)
_VERB_RE = re.compile(r"\s(?:" + "|".join(v.replace(" ", r"\s") for v in _VERBS) + r")\b", re.IGNORECASE)
_LEAD_SUPPORT_RE = re.compile(
    r"^(?:Giao\s+)?(?P<lead>[^,;:]{2,80}?)\s+chủ\s+trì\s*,?\s*phối\s+hợp\s+(?:với\s+)?(?P<support>[^;.]{2,160}?)"
    r"(?=\s+(?:tham\s+mưu|thực\s+hiện|tổ\s+chức|xây\s+dựng|triển\s+khai|rà\s+soát)\b|[;.]|$)",
    re.IGNORECASE,
)
_GIAO_RE = re.compile(r"^Giao\s+(?P<rest>.+)$", re.IGNORECASE)
_REPORT_RE = re.compile(r"[^.;]*\bbáo\s+cáo\b[^.;]*", re.IGNORECASE)
_REPORT_TO_RE = re.compile(
    r"báo\s+cáo(?:\s+kết\s+quả)?(?:\s+thực\s+hiện)?\s+(?:về|gửi|cho|lên)\s+(?!trước|chậm)(?P<to>[^;.,]{2,80}?)"
    r"(?=\s+(?:để|theo|trước)\b|[;.,]|$)",
    re.IGNORECASE,
)


def split_units(text: str) -> tuple[str, ...]:
    """'các cơ quan, đơn vị, UBND xã tổ chức tuyên truyền…' → ('các cơ quan', 'đơn vị', 'UBND xã')."""
    units: list[str] = []
    for segment in re.split(r"[,;]", text):
        segment = segment.strip(" .:")
        cut = None if _NOUN_PHRASES.match(segment) else _VERB_RE.search(f" {segment}")
        if cut is not None and cut.start() > 0:
            head = f" {segment}"[: cut.start()].strip()
            units.extend(_split_and(head))
            break
        if cut is not None:  # segment starts with a verb: the unit list has ended
            break
        units.extend(_split_and(segment))
    return tuple(unit for unit in units if unit)


def _split_and(text: str) -> list[str]:
    return [part.strip(" .") for part in re.split(r"\s+và\s+", text) if part.strip(" .")]


def names_units(text: str) -> bool:
    """Whether a task sentence opens by naming who does it ("Giao X …", "X chủ trì, phối hợp …")."""
    return bool(_GIAO_RE.match(text) or _LEAD_SUPPORT_RE.match(text))


def read_assignment(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lead units, supporting units) named at the start of a bullet or label value."""
    match = _LEAD_SUPPORT_RE.match(text)
    if match:
        return split_units(match.group("lead")), split_units(match.group("support"))
    giao = _GIAO_RE.match(text)
    return split_units(giao.group("rest") if giao else text), ()


def find_reports(text: str, plan_year: int | None) -> tuple[ReportObligation, ...]:
    """Clauses that oblige someone to report (báo cáo), with recipient and deadline if written."""
    found = _report_clauses(text, plan_year)
    merged: list[ReportObligation] = []
    for item in found:
        previous = merged[-1] if merged else None
        # "báo cáo kết quả về X; báo cáo gửi trước ngày …" is one obligation written in two clauses.
        if previous and previous.deadline is None and item.recipient is None and item.deadline:
            merged[-1] = ReportObligation(
                text=f"{previous.text}; {item.text}",
                recipient=previous.recipient,
                deadline=item.deadline,
                trigger=previous.trigger or item.trigger,
            )
        else:
            merged.append(item)
    return tuple(merged)


def _report_clauses(text: str, plan_year: int | None) -> list[ReportObligation]:
    found: list[ReportObligation] = []
    for match in _REPORT_RE.finditer(text):
        clause = " ".join(match.group(0).split())
        recipient = _REPORT_TO_RE.search(clause)
        dated = find_dated_deadlines(clause, plan_year)
        deadline = dated[0] if dated else _undated(clause, plan_year)
        if recipient is None and deadline is None:
            continue
        found.append(
            ReportObligation(
                text=clause,
                recipient=recipient.group("to").strip() if recipient else None,
                deadline=deadline,
                trigger=_trigger(clause),
            )
        )
    return found


def _undated(clause: str, plan_year: int | None) -> Deadline | None:
    if re.search(r"định\s+kỳ|h[ằà]ng\s+năm|đột\s+xuất", clause, re.IGNORECASE):
        return parse_deadline_value(clause, plan_year)
    return None


def _trigger(clause: str) -> str | None:
    if re.search(r"đột\s+xuất|khi\s+phát\s+hiện", clause, re.IGNORECASE):
        return "ad_hoc"
    if re.search(r"định\s+kỳ|h[ằà]ng\s+năm", clause, re.IGNORECASE):
        return "periodic"
    return None
