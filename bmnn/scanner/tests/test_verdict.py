from bmnn.scanner import ScanOptions, Verdict, scan_bytes
from bmnn.scanner.model import Effect, Finding, Level, Problem
from bmnn.scanner.verdict import decide


def finding(effect, conf=0.9, level=None):
    return Finding("r", effect, conf, ("f",), "s", "m", "msg", level)


BLOCKING = Problem("corrupt", "hỏng")


def test_secret_wins_over_an_unreadable_part():
    assert decide([finding(Effect.SECRET, level=Level.SECRET)], [BLOCKING]) == (Verdict.SECRET, Level.SECRET)


def test_an_unreadable_part_is_never_clean_nor_merely_suspect():
    assert decide([], [BLOCKING])[0] == Verdict.CANNOT_VERIFY
    assert decide([finding(Effect.SUSPECT, 0.6)], [BLOCKING])[0] == Verdict.CANNOT_VERIFY


def test_a_non_blocking_problem_alone_leaves_the_file_clean():
    note = Problem("image_unchecked", "ảnh", blocking=False)
    assert decide([], [note])[0] == Verdict.CLEAN


def test_a_weak_secret_finding_is_only_suspect():
    assert decide([finding(Effect.SECRET, 0.6)], [])[0] == Verdict.SUSPECT


def test_an_allow_listed_finding_no_longer_counts():
    text = "UBND\nTối mật\nBáo cáo".encode()
    first = scan_bytes("a.txt", text)
    assert first.verdict == Verdict.SUSPECT
    again = scan_bytes("a.txt", text, ScanOptions(allow_list=frozenset({first.findings[0].fingerprint})))
    assert again.verdict == Verdict.CLEAN
    assert again.findings[0].allowed


def test_catalog_resemblance_is_only_ever_suspect():
    def matcher(text):
        return [("Mục 1b: Đề án thành lập mới, sáp nhập bộ", 0.97)] if "sáp nhập" in text else []

    result = scan_bytes("a.txt", "Đề án sáp nhập các cơ quan".encode(), ScanOptions(catalog=matcher))
    assert result.verdict == Verdict.SUSPECT
    assert result.findings[0].rule_id == "catalog.resemblance"
    assert result.findings[0].confidence < 0.8
