"""The prefilter only decides which lines the rules look at: it must never hide a line a rule would confirm.

Proof by comparison: every file is scanned twice, once with the real prefilter and once with one that
sends every line to the rules; the findings must be the same. Plain UTF-8 files go through the bytes path
(``Utf8Chunk``), UTF-16 and the legacy encodings through the text path, office files through joined chunks.
"""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bmnn.scanner import ScanOptions, scan_bytes
from bmnn.scanner import rules as rules_module
from bmnn.scanner.corpus import generate
from bmnn.scanner.encodings import encode_cp1258, encode_tcvn3, encode_vni, is_plain_utf8
from bmnn.scanner.model import Utf8Chunk
from bmnn.scanner.rules.prefilter import PREFILTER, skeleton

from .helpers import docx, para, run


class EveryLine:
    """A prefilter that finds nothing to skip."""

    @staticmethod
    def hits(text: str) -> list[int]:
        return [0] * bool(text) + [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]

    @staticmethod
    def byte_hits(utf8: bytes) -> list[int]:
        return [0] * bool(utf8) + [i + 1 for i, b in enumerate(utf8) if b == 0x0A and i + 1 < len(utf8)]


def findings(name: str, data: bytes, monkeypatch: pytest.MonkeyPatch | None = None, every: bool = False):
    options = ScanOptions(ocr=False)
    if every:
        assert monkeypatch is not None
        with monkeypatch.context() as m:
            m.setattr(rules_module, "PREFILTER", EveryLine())
            result = scan_bytes(name, data, options)
    else:
        result = scan_bytes(name, data, options)
    return result.verdict, sorted(
        (f.rule_id, f.loc, f.match, f.level or "", f.effect) for f in result.findings
    )


def same_with_every_line(name: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert findings(name, data) == findings(name, data, monkeypatch, every=True), name


HEAD = "UBND TỈNH HÒA BÌNH\nSỞ Y TẾ\n"
BODY = "\nBÁO CÁO\nNội dung báo cáo công tác năm 2025.\n"
TRICKY = [
    "TỐI MẬT",
    "tối mật",
    "Tối\u00a0mật",
    "T Ố I  M Ậ T",
    "T\u00a0Ố\u00a0I  M\u00a0Ậ\u00a0T",
    "TỐI\u200bMẬT",
    "M\u200b\u200bẬT",
    "TỐI\nMẬT",
    "tUyỆt MậT",
    "Độ mật: Tối mật",
    "ĐỘ\u2002MẬT : MẬT",
    "- Lưu: VT, TM.",
    "LƯU  : VT; M",
    "\u00a0•\u00a0lưu:\u00a0TM",
    "Lưu: VT.\n\n\nTuM",
    "Lưu: VT, VP.",
    "L Ư U: VT, TM",
    "tHờI hạN bẢo Vệ: 10 năm",
    "Thời hạn bảo vệ bí mật nhà nước đến ngày 01/01/2035",
    "GIA HẠN ĐẾN 2040",
    "Gia\u00a0hạn thời hạn bảo vệ: 5 năm",
    "GIẢI MẬT",
    "Đã giải mật theo Quyết định số 12/QĐ-UBND",
    "TÀI LIỆU THU HỒI",
    "T À I  L I Ệ U  T H U  H Ồ I",
    "CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ",
    "Số: 12/BC-SYT Hà Nội, ngày 2/3/2025 CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ",
    "Bản số: 02",
    "BẢN SAO SỐ 3/5",
    "B Ả N  S Ố : 1",
    "BẢN SAO BÍ MẬT NHÀ NƯỚC",
    "Ghi ngoài phong bì:\nB",
    "NGOÀI BÌ GHI\n(C)",
    "B",
    "mật khẩu, mật độ, mật ong, thân mật, bảo mật, bí mật kinh doanh",
    "Các độ mật\nTuyệt mật\nTối mật\nMật",
]


@pytest.mark.parametrize("line", TRICKY)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1258", "tcvn3", "vni"])
def test_a_tricky_line_gives_the_same_findings_as_when_every_line_is_read(line, encoding, monkeypatch):
    text = HEAD + line + BODY
    data = {
        "utf-8": lambda t: t.encode("utf-8"),
        "utf-16": lambda t: t.encode("utf-16"),
        "cp1258": encode_cp1258,
        "tcvn3": encode_tcvn3,
        "vni": encode_vni,
    }[encoding](text)
    same_with_every_line("vb.txt", data, monkeypatch)


@pytest.mark.parametrize("line", TRICKY[:12])
def test_a_tricky_line_in_a_docx_gives_the_same_findings_as_when_every_line_is_read(line, monkeypatch):
    body = "".join(para(run(part)) for part in (HEAD + line + BODY).split("\n"))
    same_with_every_line("vb.docx", docx(body), monkeypatch)


def test_the_generated_corpus_gives_the_same_findings_as_when_every_line_is_read(tmp_path, monkeypatch):
    generate(tmp_path, seed=23)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file() and p.name != "manifest.json")
    assert len(files) > 200
    for path in files:
        same_with_every_line(path.name, path.read_bytes(), monkeypatch)


_PIECES = st.sampled_from(
    [
        "mật", "MẬT", "Mật", "tối", "TỐI", "tuyệt", "TUYỆT", "độ", "ĐỘ", ":", "lưu", "LƯU", "TM", "TuM", "M",
        "thời", "hạn", "HẠN", "bảo", "vệ", "gia", "GIA", "giải", "GIẢI", "tài", "liệu", "thu", "hồi", "bản",
        "BẢN", "sao", "số", "bí", "nhà", "nước", "bóc", "bì", "BÌ", "phong", "ngoài", "B", "C", "A", "đến",
        "Ậ", "Ố", "T", "I", "L", "Ư", "U", " ", " ", "  ", "\u00a0", "\u200b", "\t", "\n", "\n", "-", "(",
        "12/QĐ",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_PIECES, min_size=1, max_size=30))
def test_random_marking_soup_gives_the_same_findings_as_when_every_line_is_read(pieces, monkeypatch):
    text = "".join(pieces)
    same_with_every_line("a.txt", text.encode("utf-8"), monkeypatch)  # bytes path
    same_with_every_line("b.txt", text.encode("utf-16"), monkeypatch)  # text path


def test_character_and_byte_offsets_of_hits_agree():
    rng = random.Random(3)
    words = ["TỐI MẬT", "Lưu: TM", "thời hạn bảo vệ: 5 năm", "chữ ở", "𝔸", "\u00a0", "\n", "GIẢI MẬT"]
    for _ in range(50):
        text = "".join(rng.choice(words) for _ in range(40))
        utf8 = text.encode("utf-8")
        chars = PREFILTER.hits(text)
        as_bytes = PREFILTER.byte_hits(utf8)
        assert [len(utf8[:b].decode("utf-8")) for b in as_bytes] == chars


def test_the_skeleton_keeps_byte_offsets_and_forgets_the_case_of_vietnamese_letters():
    upper, lower = "TỐI MẬT".encode(), "tối mật".encode()
    assert len(skeleton(upper)) == len(upper)
    assert skeleton(upper).replace(b"M", b"m") == skeleton(lower)


@pytest.mark.parametrize(
    ("data", "plain"),
    [
        ("TỐI MẬT\n".encode(), True),
        (b"plain ascii", True),
        ("\ufeffTỐI MẬT".encode(), False),  # BOM: decoded by decode_text
        ("TỐI MẬT".encode("utf-16-le"), False),
        (b"abc\x00def", False),
        ("TỐI MẬT".encode()[:-3] + b"\xff", False),
        ("to\u0302\u0301i".encode(), False),  # decomposed: NFC would change it
        (encode_tcvn3("Tối mật của nhà nước"), False),
        ("ậ".encode() * 20000 + b"\xe1\xba", False),  # cut in the middle of the last character
    ],
)
def test_only_plain_nfc_utf8_is_searched_as_bytes(data, plain):
    assert is_plain_utf8(data) is plain


def test_a_plain_text_is_decoded_whole_only_when_asked():
    chunk = Utf8Chunk("Tối mật\n".encode(), ("a.txt",))
    assert "text" not in chunk.__dict__
    assert chunk.text == "Tối mật\n"
