"""Parallel scanning: batches balanced by size, results in the input order whatever the --jobs."""

from bmnn.scanner import ScanOptions, scan_paths
from bmnn.scanner.engine import BATCH_FILES, _batches


def test_batches_cover_every_file_once_in_order(tmp_path):
    files = []
    for i in range(50):
        path = tmp_path / f"{i:02}.txt"
        path.write_bytes(b"x" * (10 if i % 7 else 200_000))
        files.append(path)
    batches = _batches(files, jobs=2)
    assert [i for batch in batches for i in batch] == list(range(50))
    assert all(len(batch) <= BATCH_FILES for batch in batches)


def test_a_big_file_gets_a_batch_of_its_own_while_small_ones_are_grouped(tmp_path):
    sizes = [100] * 20 + [5_000_000] + [100] * 20
    files = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i:02}.txt"
        path.write_bytes(b"x" * size)
        files.append(path)
    batches = _batches(files, jobs=2)
    big = next(batch for batch in batches if 20 in batch)
    assert big[-1] == 20  # nothing waits behind the big file in its batch
    assert max(len(batch) for batch in batches) > 1


def test_jobs_give_the_same_files_verdicts_and_order_as_one_process(tmp_path):
    for i in range(40):
        text = "UBND\nTỐI MẬT\nBáo cáo\n" if i % 5 == 0 else "Báo cáo thường.\n" * (1 + i * 50)
        (tmp_path / f"{i:02}.txt").write_text(text, encoding="utf-8")
    one = scan_paths([tmp_path], ScanOptions(ocr=False), jobs=1)
    two = scan_paths([tmp_path], ScanOptions(ocr=False), jobs=2)
    assert [(f.path, f.verdict, f.level) for f in one.files] == [
        (f.path, f.verdict, f.level) for f in two.files
    ]
    assert sum(f.verdict == "secret" for f in two.files) == 8
