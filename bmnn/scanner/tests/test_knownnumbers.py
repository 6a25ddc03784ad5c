import pytest

from bmnn.scanner import KnownNumbers, Level, ScanOptions, Verdict, build_known_numbers, scan_bytes
from bmnn.scanner.knownnumbers import normalise_number, parse_plain_list


@pytest.fixture
def known(tmp_path):
    path = tmp_path / "so.txt"
    path.write_text(build_known_numbers([("123/QĐ-UBND", Level.SECRET), ("45/2024/BC-CAT", None)]), "utf-8")
    return KnownNumbers.load(path)


def test_the_list_file_reveals_no_number(known, tmp_path):
    text = build_known_numbers([("123/QĐ-UBND", Level.SECRET)])
    assert "123" not in text.split("\n", 2)[2]
    assert "UBND" not in text.upper().split("\n", 2)[2].replace("SECRET", "")


@pytest.mark.parametrize("variant", ["123/QĐ-UBND", "123 / qđ – ubnd", "123/QD-UBND", "123/QĐ - UBND"])
def test_spacing_dash_and_d_variants_normalise_alike(variant):
    assert normalise_number(variant) == normalise_number("123/QĐ-UBND")


def test_the_documents_own_number_makes_it_secret_with_the_registered_level(known):
    text = "UBND TỈNH\nSố: 123/QĐ-UBND\nQUYẾT ĐỊNH\nNội dung."
    result = scan_bytes("qd.txt", text.encode(), ScanOptions(known_numbers=known))
    assert result.verdict == Verdict.SECRET and result.level == Level.SECRET


def test_a_reference_to_a_registered_number_is_suspect(known):
    text = (
        "Thực hiện Báo cáo số 45/2024/BC-CAT ngày 3/5/2024 của Công an tỉnh, đề nghị các đơn vị triển khai."
    )
    result = scan_bytes("cv.txt", text.encode(), ScanOptions(known_numbers=known))
    assert result.verdict == Verdict.SUSPECT


def test_unregistered_numbers_are_ignored(known):
    result = scan_bytes("cv.txt", "Số: 124/QĐ-UBND".encode(), ScanOptions(known_numbers=known))
    assert result.verdict == Verdict.CLEAN


def test_redaction_hides_the_number_in_the_snippet(known):
    options = ScanOptions(known_numbers=known, redact=True)
    result = scan_bytes("qd.txt", "Số: 123/QĐ-UBND".encode(), options)
    assert "123" not in result.findings[0].snippet


def test_a_plain_list_with_vietnamese_level_names_is_parsed():
    assert parse_plain_list("# số\n1/BC;Tối mật\n2/KH\n") == [("1/BC", Level.SECRET), ("2/KH", None)]


def test_a_malformed_list_file_is_refused(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("abc\n", "utf-8")
    with pytest.raises(ValueError, match="định dạng"):
        KnownNumbers.load(path)


def test_an_in_memory_list_from_the_registers_works_like_a_file():
    known = KnownNumbers.from_numbers([("7/BC-PA03", Level.TOP_SECRET)])
    result = scan_bytes(
        "bc.txt", "CÔNG AN TỈNH\nSố: 7/BC-PA03\nBÁO CÁO".encode(), ScanOptions(known_numbers=known)
    )
    assert (result.verdict, result.level) == (Verdict.SECRET, Level.TOP_SECRET)
