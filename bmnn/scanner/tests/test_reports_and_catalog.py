"""PDF/HTML reports, report round trip, catalog citations through the assistant, known-number wording."""

import json
import pickle

import pytest

from bmnn.scanner import KnownNumbers, Level, ScanOptions, ScanReport, Verdict, pdfreport, scan_bytes
from bmnn.scanner.catalog import AssistantMatcher, load_matcher
from bmnn.scanner.cli import main

PROPOSAL = "TỜ TRÌNH\nĐề án sáp nhập, hợp nhất các bộ, cơ quan ngang bộ khi chưa được Quốc hội thông qua."


def report() -> ScanReport:
    return ScanReport(
        files=[scan_bytes("a.txt", "TỐI MẬT\nNội dung".encode()), scan_bytes("b.docx", b"PK no")]
    )


def test_a_report_survives_a_round_trip_through_its_dict():
    original = report()
    again = ScanReport.from_dict(json.loads(json.dumps(original.to_dict())))
    assert again.to_dict() == original.to_dict()
    assert [f.verdict for f in again.files] == [Verdict.SECRET, Verdict.CANNOT_VERIFY]


def test_the_pdf_report_is_a_pdf_with_or_without_a_vietnamese_font(monkeypatch):
    assert pdfreport.render_pdf(report()).startswith(b"%PDF")
    monkeypatch.setattr(pdfreport, "FONT_CANDIDATES", ())
    assert pdfreport.render_pdf(report()).startswith(b"%PDF")


def test_without_a_font_the_text_loses_its_accents_not_its_letters():
    assert pdfreport.ascii_only("Không kiểm tra được — Đà") == "Khong kiem tra duoc ? Da"


def test_a_resembling_text_cites_the_catalog_item_and_is_only_suspect():
    result = scan_bytes("tt.txt", PROPOSAL.encode(), ScanOptions(catalog=load_matcher()))
    assert result.verdict == Verdict.SUSPECT
    finding = result.findings[0]
    assert finding.rule_id == "catalog.resemblance" and finding.confidence < 0.8
    assert finding.citation is not None
    assert (finding.citation["decision"], finding.citation["article"], finding.citation["point"]) == (
        "2500/QĐ-TTg",
        "2",
        "b",
    )
    assert "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg (Tối mật)" in finding.message


def test_an_ordinary_text_cites_nothing():
    result = scan_bytes(
        "tb.txt", "Thông báo lịch họp giao ban tuần.".encode(), ScanOptions(catalog=load_matcher())
    )
    assert result.verdict == Verdict.CLEAN and result.findings == []


def test_the_matcher_travels_to_worker_processes():
    matcher = pickle.loads(pickle.dumps(load_matcher()))  # noqa: S301 - our own object, in memory
    assert isinstance(matcher, AssistantMatcher) and matcher(PROPOSAL)


def test_the_cli_takes_the_starter_catalog_and_writes_a_pdf(tmp_path, capsys):
    (tmp_path / "tt.txt").write_text(PROPOSAL, encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    code = main(["--json", "--catalog", "--pdf", str(pdf), str(tmp_path / "tt.txt")])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["files"][0]["verdict"] == "suspect"
    assert out["files"][0]["findings"][0]["citation"]["article"] == "2"
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("level", "told"), [(Level.SECRET, True), (None, False)])
def test_a_known_number_tells_the_level_only_when_the_list_carries_it(level, told):
    known = KnownNumbers.from_numbers([("27/BC-STH", level)])
    text = "Thực hiện Báo cáo số 27/BC-STH, Sở đề nghị triển khai."
    finding = scan_bytes("cv.txt", text.encode(), ScanOptions(known_numbers=known)).findings[0]
    assert finding.message.startswith("Số, ký hiệu của một tài liệu BMNN đã đăng ký")
    assert ("Tối mật" in finding.message) is told
