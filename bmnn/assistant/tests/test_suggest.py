from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bmnn.assistant import CatalogEntry, build_index, load_catalog, suggest
from bmnn.assistant.cli import main
from bmnn.assistant.evaluate import evaluate, load_set


@pytest.fixture(scope="module")
def index():
    return build_index(load_catalog())


def test_merger_scheme_before_parliament_vote_cites_point_b_clause_1_article_2(index) -> None:
    text = (
        "Đề án sáp nhập, hợp nhất một số bộ, cơ quan ngang bộ nhằm tinh gọn bộ máy; hồ sơ trình Quốc hội, "
        "chưa được Quốc hội thông qua."
    )
    result = suggest(index, text)
    top = result.suggestions[0]
    assert top.entry.id == "qd2500-2-1-b"
    assert top.citation == "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg"
    assert result.level == "secret" and result.period_years == 20 and not result.no_match
    assert any("sáp nhập" in phrase for phrase in top.matched) and 0.5 < top.confidence <= 1.0


def test_same_scheme_already_passed_by_parliament_is_excluded_with_a_reason(index) -> None:
    text = (
        "Đề án sáp nhập, hợp nhất một số bộ, cơ quan ngang bộ đã được Quốc hội thông qua và công bố rộng rãi."
    )
    result = suggest(index, text)
    assert result.no_match
    assert "qd2500-2-1-b" not in [s.entry.id for s in result.suggestions]


def test_ordinary_administrative_text_is_an_explicit_no_match(index) -> None:
    result = suggest(index, "Thông báo lịch họp giao ban tuần của Văn phòng Sở vào sáng thứ Hai.")
    assert result.no_match and result.suggestions == () and result.level is None


def test_highest_level_among_suggestions_wins() -> None:
    entries = [
        CatalogEntry(
            "a", "1/QĐ-TTg", "confidential", "3", "1", "", "Kế hoạch diễn tập phòng thủ dân sự cấp tỉnh"
        ),
        CatalogEntry(
            "b", "1/QĐ-TTg", "top_secret", "1", "1", "", "Phương án phòng thủ dân sự vùng biên giới"
        ),
    ]
    result = suggest(build_index(entries), "Kế hoạch diễn tập và phương án phòng thủ dân sự vùng biên giới")
    assert {s.entry.id for s in result.suggestions} == {"a", "b"}
    assert result.level == "top_secret"


def test_accentless_text_still_matches(index) -> None:
    result = suggest(index, "De an cai cach tien luong can bo cong chuc, chua duoc Quoc hoi thong qua")
    assert result.suggestions[0].entry.id == "qd2500-3-2"


def test_cli_prints_the_json_contract(capsys) -> None:
    assert main(["--json", "--text", "Đề án cải cách tiền lương khi chưa được Quốc hội thông qua"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) >= {"suggestions", "level", "no_match"}
    first = payload["suggestions"][0]
    assert set(first) >= {"catalog", "item", "level", "citation", "score", "matched"}
    assert first["catalog"] == "2500/QĐ-TTg" and payload["level"] == "confidential"


def test_cli_reports_unreadable_file_as_cannot_verify(tmp_path, capsys) -> None:
    broken = tmp_path / "x.docx"
    broken.write_bytes(b"not a docx")
    assert main(["--json", str(broken)]) == 2
    assert capsys.readouterr().out == ""


def test_evaluation_set_meets_the_goals(index) -> None:
    rows = load_set()
    assert len(rows) >= 200
    report = evaluate(index, rows)
    assert report.top3 >= 0.90, report.errors
    assert report.no_match_precision >= 0.95, report.errors


def test_assistant_and_importer_never_import_django() -> None:
    code = "import sys, bmnn.assistant.cli, bmnn.catalog.importing; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
