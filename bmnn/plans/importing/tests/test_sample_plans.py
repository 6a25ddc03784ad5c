"""Each seed plan, in .txt, .docx and .pdf form, gives the same exact key results."""

from __future__ import annotations

from datetime import date

import pytest

from bmnn.plans.importing.model import DeadlineKind, ParsedPlan
from bmnn.plans.importing.tests._samples import FORMATS, PLANS, load

D = date

EXPECTED_REFS = {
    "ke-hoach-2021-so-y-te": [
        ("law", None, None),
        ("plan", "42/KH-UBND", D(2012, 5, 23)),
        ("directive", "05", None),
        ("decree", "26/2020/NĐ-CP", D(2020, 2, 28)),
        ("directive", "05/CT-TTg", D(2012, 2, 21)),
        ("directive", "02/CT-TTg", D(2019, 11, 15)),
        ("decision", "1295/QĐ-TTg", D(2020, 8, 24)),
        ("decision", "1082/QĐ-UBND", D(2014, 4, 15)),
        ("circular", "24/2020/TT-BCA", D(2020, 3, 10)),
        ("plan", "160/KH-UBND", D(2016, 10, 21)),
    ],
    "ke-hoach-2022-ubnd-xa": [
        ("decision", "625/QĐ-UBND", D(2022, 4, 19)),
        ("law", None, None),
        ("decree", "26/2020/NĐ-CP", D(2020, 2, 28)),
        ("directive", "02/CT-TTg", D(2018, 7, 4)),
        ("directive", "02/CT-TTg", D(2019, 11, 15)),
        ("circular", "24/2020/TT-BCA", D(2020, 3, 10)),
        ("plan", "55/KH-UBND", D(2020, 4, 24)),
        ("directive", "02", None),
        ("directive", "21/CT-UBND", D(2018, 11, 30)),
        ("plan", "69/KH-UBND", D(2020, 3, 6)),
    ],
    "ke-hoach-2024-so-xay-dung": [
        ("law", None, None),
        ("plan", "115/KH-UBND", D(2024, 2, 22)),
        ("directive", "05/CT-TTg", D(2012, 2, 21)),
        ("directive", "02/CT-TTg", D(2019, 11, 15)),
        ("plan", "67/KH-UBND", D(2019, 3, 4)),
        ("directive", "02/CT-TTg", D(2018, 7, 4)),
        ("decree", "26/2020/NĐ-CP", D(2020, 2, 28)),
        ("decision", "465/QĐ-UBND", D(2021, 2, 9)),
        ("law", None, None),  # "Điều 23, Luật bảo vệ BMNN": same law, article-level
    ],
}

EXPECTED_DEADLINES = {
    "ke-hoach-2021-so-y-te": [("III.1", DeadlineKind.BEFORE, D(2021, 10, 15))],
    "ke-hoach-2022-ubnd-xa": [
        ("II.1", DeadlineKind.CONTINUOUS, None),
        ("II.2", DeadlineKind.CONTINUOUS, None),
        ("II.3", DeadlineKind.PERIOD, D(2022, 12, 31)),
        ("II.4", DeadlineKind.PERIOD, D(2022, 6, 30)),
        ("II.5.1", DeadlineKind.PERIOD, D(2022, 12, 31)),
        ("II.5.2", DeadlineKind.BEFORE, D(2022, 11, 3)),
    ],
    "ke-hoach-2024-so-xay-dung": [],
}

EXPECTED_SECTIONS = {
    "ke-hoach-2021-so-y-te": [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "CÔNG TÁC TRỌNG TÂM"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ],
    "ke-hoach-2022-ubnd-xa": [
        ("I", "Mục đích, yêu cầu"),
        ("II", "Nhiệm vụ và giải pháp"),
        ("III", "Tổ chức thực hiện"),
    ],
    "ke-hoach-2024-so-xay-dung": [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "CÔNG TÁC TRỌNG TÂM"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ],
}

EXPECTED_RECIPIENTS = {
    "ke-hoach-2021-so-y-te": [
        "Công an tỉnh",
        "Ban chỉ đạo công tác BVBMNN",
        "Lãnh đạo Sở",
        "Các phòng, ban cơ quan Sở",
        "Các đơn vị trực thuộc",
        "Cổng thông tin điện tử SYT",
        "Lưu: VT, VP",
    ],
    "ke-hoach-2022-ubnd-xa": [
        "Như điều 3 QĐ (th/h)",
        "UBND huyện (b/c)",
        "Công an huyện (b/c)",
        "TTr. ĐU, HĐND xã (b/c)",
        "Chủ tịch, PCT. UBND xã",
        "Lưu VP, CAX",
    ],
    "ke-hoach-2024-so-xay-dung": [
        "Công an tỉnh",
        "Lãnh đạo Sở",
        "Các phòng, ban, đơn vị trực thuộc Sở",
        "Lưu VT, VP",
    ],
}

EXPECTED_SIGNER = {
    "ke-hoach-2021-so-y-te": ("Trịnh Hữu Hùng", "GIÁM ĐỐC"),
    "ke-hoach-2022-ubnd-xa": ("Lê Văn Tý", "CHỦ TỊCH"),
    "ke-hoach-2024-so-xay-dung": ("Phí Công Hoan", "GIÁM ĐỐC"),
}

EXPECTED_TITLES = {
    "ke-hoach-2021-so-y-te": "Thực hiện công tác bảo vệ bí mật Nhà nước năm 2021",
    "ke-hoach-2022-ubnd-xa": "Công tác bảo vệ bí mật Nhà nước trên địa bàn xã Hoằng Trung năm 2022",
    "ke-hoach-2024-so-xay-dung": "Thực hiện công tác bảo vệ bí mật nhà nước năm 2024",
}

CASES = [(name, ext) for name in PLANS for ext in FORMATS]


def _refs(plan: ParsedPlan) -> list[tuple[str, str | None, date | None]]:
    return [(ref.kind, ref.number, ref.date) for ref in plan.legal_refs]


@pytest.mark.parametrize(("name", "ext"), CASES)
def test_sample_plan_references_are_found_with_their_dates(name: str, ext: str) -> None:
    assert _refs(load(name, ext)) == EXPECTED_REFS[name]


@pytest.mark.parametrize(("name", "ext"), CASES)
def test_sample_plan_deadlines_are_normalised(name: str, ext: str) -> None:
    found = [(task.path, dl.kind, dl.date) for task, dl in load(name, ext).deadlines()]
    assert found == EXPECTED_DEADLINES[name]


@pytest.mark.parametrize(("name", "ext"), CASES)
def test_sample_plan_sections_recipients_signer_and_title(name: str, ext: str) -> None:
    plan = load(name, ext)
    assert [(s.numeral, s.title) for s in plan.sections] == EXPECTED_SECTIONS[name]
    assert list(plan.recipients) == EXPECTED_RECIPIENTS[name]
    assert (plan.signer, plan.signer_title) == EXPECTED_SIGNER[name]
    assert plan.title == EXPECTED_TITLES[name]
    assert plan.unparsed == ()


@pytest.mark.parametrize("ext", FORMATS)
def test_commune_plan_header_gives_number_date_place_and_issuer(ext: str) -> None:
    plan = load("ke-hoach-2022-ubnd-xa", ext)
    assert plan.number == "97/KH-UBND"
    assert plan.issued_on == D(2022, 4, 21)
    assert plan.place == "Hoằng Trung"
    assert plan.issuer == "ỦY BAN NHÂN DÂN XÃ HOẰNG TRUNG"
    assert plan.warnings == ()


@pytest.mark.parametrize("ext", FORMATS)
def test_plan_without_header_warns_and_infers_issuer_from_the_text(ext: str) -> None:
    plan = load("ke-hoach-2021-so-y-te", ext)
    assert plan.number is None and plan.issued_on is None
    assert plan.issuer == "Sở Y tế"
    assert len(plan.warnings) == 3


@pytest.mark.parametrize("ext", FORMATS)
def test_commune_plan_tasks_carry_lead_and_supporting_units(ext: str) -> None:
    tasks = {task.path: task for task in load("ke-hoach-2022-ubnd-xa", ext).tasks()}
    assert tasks["II.3.+1"].lead_units == ("Công an xã",)
    assert tasks["II.3.+1"].supporting_units == ("Công chức Tư Pháp- Hộ tịch", "các đơn vị liên quan")
    assert tasks["II.1"].lead_units == ("các cơ quan", "đơn vị", "tổ chức đoàn thể", "UBND xã")
    assert tasks["III.2"].lead_units == ("Công an xã (Cơ quan thường trực)",)
    assert tasks["II.5.2"].deadline is not None and tasks["II.5.2"].deadline.recurrence == "yearly"


@pytest.mark.parametrize("ext", FORMATS)
def test_report_obligation_joins_recipient_and_deadline(ext: str) -> None:
    task = next(t for t in load("ke-hoach-2021-so-y-te", ext).tasks() if t.path == "III.1")
    (report,) = task.reports
    assert report.recipient is not None and report.recipient.startswith("Văn phòng Sở Y tế")
    assert report.deadline is not None and report.deadline.date == D(2021, 10, 15)


@pytest.mark.parametrize("ext", FORMATS)
def test_nested_numbering_and_bullets_build_a_tree(ext: str) -> None:
    paths = [task.path for task in load("ke-hoach-2024-so-xay-dung", ext).tasks()]
    assert "III.1.3.2" in paths
    assert "III.1.3.2.*1.-2.+4" in paths  # 1.3.2. → * → - → +
    assert len(paths) == 51


@pytest.mark.parametrize("name", PLANS)
def test_three_formats_give_the_same_json(name: str) -> None:
    def key(ext: str) -> dict[str, object]:
        data = load(name, ext).to_json()
        data.pop("source_format")
        return data

    assert key("txt") == key("docx") == key("pdf")


def test_json_follows_the_contract_field_names() -> None:
    data = load("ke-hoach-2022-ubnd-xa", "pdf").to_json()
    for name in (
        "number",
        "issued_on",
        "issuer",
        "title",
        "signer",
        "legal_refs",
        "deadlines",
        "sections",
        "recipients",
    ):
        assert name in data
    assert data["issued_on"] == "2022-04-21"
    assert set(data["legal_refs"][0]) >= {"kind", "number", "date", "article", "text"}
    assert set(data["deadlines"][0]) >= {"date", "text", "task"}
