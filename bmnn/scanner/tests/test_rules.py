"""Each rule with its true-positive and false-positive fixtures (plain text, so only the rule is tested)."""

import pytest

from bmnn.scanner import REGISTRY, Level, Verdict, scan_bytes

HEAD = "UBND TỈNH HÒA BÌNH\nSỞ Y TẾ\n"
BODY = "\nBÁO CÁO\nNội dung báo cáo công tác năm 2025.\n"


def scan(text: str):
    return scan_bytes("vb.txt", text.encode("utf-8"))


def rules_of(result):
    return {f.rule_id for f in result.findings}


POSITIVES = [
    ("level.stamp", HEAD + "TỐI MẬT" + BODY, Level.SECRET),
    ("level.stamp", HEAD + "TUYỆT MẬT" + BODY, Level.TOP_SECRET),
    ("level.stamp", HEAD + "MẬT" + BODY, Level.CONFIDENTIAL),
    ("level.stamp", HEAD + "T Ố I  M Ậ T" + BODY, Level.SECRET),
    ("level.stamp", HEAD + "TỐI\nMẬT" + BODY, Level.SECRET),
    ("level.stamp", HEAD + "★ TỐI MẬT ★" + BODY, Level.SECRET),
    ("level.stamp", HEAD + "Số: 12/BC-SYT\t\t\tTUYỆT MẬT" + BODY, Level.TOP_SECRET),
    ("level.stamp", HEAD + "Số: 12/BC-SYT Hà Nội, ngày 2/3/2025 TỐI MẬT" + BODY, Level.SECRET),
    ("level.field", HEAD + "Độ mật: Tối mật" + BODY, Level.SECRET),
    ("level.field", HEAD + "Số: 5/KH; Độ mật: Mật; Số bản: 3" + BODY, Level.CONFIDENTIAL),
    ("level.luu_abbrev", HEAD + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\nTM\n", Level.SECRET),
    ("level.luu_abbrev", HEAD + BODY + "- Lưu: VT.\nTuM\n", Level.TOP_SECRET),
    ("stamp.state_secret_copy", HEAD + BODY + "BẢN SAO BÍ MẬT NHÀ NƯỚC\n", None),
    ("stamp.named_only", HEAD + "CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ" + BODY, None),
    ("stamp.recall", HEAD + "TÀI LIỆU THU HỒI" + BODY, None),
    ("stamp.protection_period", HEAD + "THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC: 10 NĂM" + BODY, None),
    ("stamp.extension", HEAD + "GIA HẠN THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC ĐẾN NGÀY 01/01/2040" + BODY, None),
]


@pytest.mark.parametrize(("rule", "text", "level"), POSITIVES)
def test_a_marking_makes_the_file_secret(rule, text, level):
    result = scan(text)
    assert rule in rules_of(result)
    assert result.verdict == Verdict.SECRET
    assert result.level == level


SUSPECTS = [
    ("stamp.copy_number", HEAD + "Bản số: 02" + BODY),
    ("envelope.code", "Phong bì gửi Sở Y tế\nB\n"),
    ("level.stamp", HEAD + "Tối mật" + BODY),
    ("level.luu_abbrev", HEAD + BODY + "- Lưu: VT, TM.\n"),
]


@pytest.mark.parametrize(("rule", "text"), SUSPECTS)
def test_a_weak_marking_only_makes_the_file_suspect(rule, text):
    result = scan(text)
    assert rule in rules_of(result)
    assert result.verdict == Verdict.SUSPECT


HARD_NEGATIVES = [
    "Cán bộ phải đổi mật khẩu ba tháng một lần.\nMật khẩu:\n",
    "Mật độ dân cư tăng nhanh.",
    "MẬT ONG RỪNG TÂY BẮC\nHợp tác xã xuất khẩu mật ong.",
    "Buổi gặp diễn ra thân mật.\nQuan hệ mật thiết.",
    "Hệ thống bảo mật nhiều lớp.\nBẢO MẬT THÔNG TIN",
    "Doanh nghiệp bảo vệ bí mật kinh doanh.",
    "Điều 8. Phân loại bí mật nhà nước\nBí mật nhà nước được phân loại theo ba độ mật: Tuyệt mật, Tối mật, Mật.",
    "Các độ mật:\n- Tuyệt mật;\n- Tối mật;\n- Mật.",
    "Các độ mật\nTuyệt mật\nTối mật\nMật\n",
    "Độ mật: Tuyệt mật, Tối mật, Mật",
    "Cán bộ có trách nhiệm giữ bí\nmật.\n",
    "BẢO VỆ BÍ MẬT NHÀ NƯỚC\nKế hoạch công tác bảo vệ bí mật nhà nước năm 2025",
    "Hội đồng giải mật xem xét.\nGiải mật\nGia hạn hợp đồng lao động.",
    "Điều 19. Thời hạn bảo vệ bí mật nhà nước\nThời hạn bảo vệ bí mật nhà nước là khoảng thời gian được bảo vệ.",
    "Bảng điểm\nA\nB\nC\n",
    "Bản sao y bản chính giấy phép kinh doanh.\nTài liệu thu hồi được theo quy định của Bộ luật Dân sự.",
    "- Lưu: VT, P.TM.\n",
    "UBND\nPhân loại tài liệu theo độ MẬT\n",
    "MẬT KHẨU MẠNH\nQuy trình GIẢI MẬT\n",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_clean(text):
    result = scan(text)
    assert result.verdict == Verdict.CLEAN, [f.to_dict() for f in result.findings]


def test_a_giai_mat_stamp_with_the_old_level_is_declassified():
    result = scan(HEAD + "TỐI MẬT\nGIẢI MẬT" + BODY)
    assert result.verdict == Verdict.DECLASSIFIED
    assert result.level == Level.SECRET


def test_a_partial_declassification_keeps_the_file_secret():
    result = scan(HEAD + "TỐI MẬT\nGIẢI MẬT MỘT PHẦN: MỤC II" + BODY)
    assert result.verdict == Verdict.SECRET


def test_capitals_levels_listed_together_are_only_suspect():
    result = scan("TUYỆT MẬT\nTỐI MẬT\nMẬT\n")
    assert result.verdict == Verdict.SUSPECT


def test_every_rule_has_an_id_description_and_legal_basis():
    for rule_id, rule in REGISTRY.items():
        assert rule.id == rule_id and rule.description and rule.basis


def test_a_finding_carries_location_snippet_and_a_stable_fingerprint():
    first = scan(HEAD + "TỐI MẬT" + BODY).findings[0]
    again = scan_bytes("khac-ten.txt", (HEAD + "TỐI MẬT" + BODY).encode()).findings[0]
    assert first.loc == ("vb.txt", "dòng 3")
    assert first.snippet == "TỐI MẬT"
    assert first.fingerprint == again.fingerprint


def test_the_highest_level_wins_when_several_are_stamped():
    result = scan(HEAD + "MẬT\nĐộ mật: Tuyệt mật" + BODY)
    assert result.level == Level.TOP_SECRET


def test_a_capital_stamp_survives_a_list_of_levels_elsewhere_in_the_file():
    result = scan(HEAD + "TỐI MẬT" + BODY + "Các độ mật\nTuyệt mật\nTối mật\nMật\n")
    assert result.verdict == Verdict.SECRET


def test_a_fixed_stamp_at_the_end_of_a_pdf_style_line_is_found():
    result = scan(HEAD + "Số: 12/BC-SYT Hà Nội, ngày 2/3/2025 CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ" + BODY)
    assert "stamp.named_only" in rules_of(result)
    assert result.verdict == Verdict.SECRET


def test_line_numbers_counted_on_demand_are_exact_and_survive_a_backward_question():
    from bmnn.scanner.rules.base import LineCounter

    lines = LineCounter("a\nb\n\nc\nd")
    assert [lines.at(i) for i in (0, 2, 5, 8)] == [0, 1, 3, 4]
    assert lines.at(4) == 2  # out of order: counted again from the start


def test_a_stamp_deep_in_a_long_plain_text_reports_its_exact_line():
    text = "Nội dung bình thường.\n- Lưu: VT, VP.\n" * 500 + "TỐI MẬT\n"
    result = scan(text)
    stamps = [f for f in result.findings if f.rule_id == "level.stamp"]
    assert result.verdict == Verdict.SECRET
    assert stamps[0].loc[-1] == "dòng 1001"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("- Lưu: VT, TM.", True),
        ("LƯU  : VT; M", True),
        ("\u00a0•\u00a0lưu:\u00a0TM", True),
        ("Lưu trữ: TM", False),
    ],
)
def test_a_plain_luu_line_is_judged_on_its_raw_text_as_on_its_normal_form(line, found):
    result = scan(HEAD + BODY + line + "\n")
    assert ("level.luu_abbrev" in rules_of(result)) is found
