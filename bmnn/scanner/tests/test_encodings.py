import pytest

from bmnn.scanner import Verdict, scan_bytes
from bmnn.scanner.encodings import decode_text, encode_cp1258, encode_tcvn3, encode_vni

TEXT = (
    "TỐI MẬT\nBáo cáo của Ủy ban nhân dân về việc bảo vệ bí mật nhà nước trong năm, người được giao nhiệm vụ."
)


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (encode_cp1258, "cp1258"),
        (encode_tcvn3, "tcvn3"),
        (encode_vni, "vni"),
    ],
)
def test_each_encoding_is_recognised(encode, name):
    text, detected = decode_text(encode(TEXT))
    assert detected == name
    assert "bảo vệ bí mật nhà nước" in text.lower()


@pytest.mark.parametrize("encode", [encode_cp1258, encode_tcvn3, encode_vni, lambda t: t.encode("utf-16")])
def test_a_stamp_in_a_legacy_encoding_is_found(encode):
    result = scan_bytes("cu.txt", encode(TEXT))
    assert result.verdict == Verdict.SECRET


def test_unrecognisable_eight_bit_text_cannot_be_verified():
    data = bytes(range(0x80, 0x100)) * 20
    result = scan_bytes("la.txt", data)
    assert result.verdict == Verdict.CANNOT_VERIFY
    assert result.problems[0].code == "encoding"
