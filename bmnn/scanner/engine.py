"""The Python API: ``scan_bytes`` for one file in memory, ``scan_paths`` for files and folders.

Read-only: nothing is executed (no macros), no link is followed, no network is used. Every failure is
caught and becomes a CANNOT_VERIFY result with its reason, so one corrupt file never stops a scan.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from bmnn.scanner.extract import Extraction, Limits, ScanTimeout, Unreadable, extract_into
from bmnn.scanner.knownnumbers import KnownNumbers
from bmnn.scanner.model import FileResult, Problem, ScanReport, Verdict
from bmnn.scanner.rules import CatalogMatcher, detect
from bmnn.scanner.verdict import decide

Progress = Callable[[int, int, FileResult], None]


@dataclass(frozen=True)
class ScanOptions:
    limits: Limits = field(default_factory=Limits)
    ocr: bool = True
    known_numbers: KnownNumbers | None = None
    catalog: CatalogMatcher | None = None  # must be picklable when jobs > 1
    redact: bool = False
    allow_list: frozenset[str] = frozenset()


def scan_bytes(name: str, data: bytes, options: ScanOptions | None = None) -> FileResult:
    """Scan one file given as bytes; never raises for bad content."""
    options = options or ScanOptions()
    started = time.monotonic()
    display = name.replace("\\", "/").rsplit("/", 1)[-1] or name
    ex = Extraction(limits=options.limits, ocr=options.ocr)
    fmt = ""
    try:
        if len(data) > options.limits.max_file_bytes:
            raise Unreadable("too_large", f"Tệp quá lớn ({len(data)} byte), vượt giới hạn quét")
        fmt = extract_into(display, data, ex, (display,))
    except ScanTimeout:
        ex.problem("timeout", "Hết thời gian quét cho phép đối với tệp này", (display,))
    except Unreadable as exc:
        ex.problem(exc.code, exc.message, (display,))
    except (RecursionError, MemoryError) as exc:
        ex.problem("corrupt", f"Cấu trúc tệp bất thường: {type(exc).__name__}", (display,))
    except Exception as exc:
        ex.problem("corrupt", f"Không đọc được tệp ({type(exc).__name__}: {str(exc)[:200]})", (display,))
    findings = detect(ex.chunks, display, options.known_numbers, options.catalog, options.redact)
    for f in findings:
        f.allowed = f.fingerprint in options.allow_list
    verdict, level = decide(findings, ex.problems)
    return FileResult(
        path=name,
        verdict=verdict,
        level=level,
        findings=findings,
        problems=list(ex.problems),
        format=fmt or (ex.formats[0] if ex.formats else ""),
        size=len(data),
        elapsed_ms=(time.monotonic() - started) * 1000,
    )


def scan_file(path: str | Path, options: ScanOptions | None = None) -> FileResult:
    options = options or ScanOptions()
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > options.limits.max_file_bytes:
            problem = Problem("too_large", f"Tệp quá lớn ({size} byte), vượt giới hạn quét", (path.name,))
            return FileResult(str(path), Verdict.CANNOT_VERIFY, problems=[problem], size=size)
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem("unreadable", f"Không mở được tệp: {exc.strerror or exc}", (path.name,))
        return FileResult(str(path), Verdict.CANNOT_VERIFY, problems=[problem])
    result = scan_bytes(path.name, data, options)
    result.path = str(path)
    return result


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under ``paths``, folders walked recursively in a stable order; symlinks not followed."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    yield Path(root) / name
        else:
            yield path


def scan_paths(
    paths: Iterable[str | Path],
    options: ScanOptions | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> ScanReport:
    options = options or ScanOptions()
    report = ScanReport()
    files = list(iter_files(paths))
    for missing in [p for p in files if not p.exists()]:
        report.errors.append(f"Không tìm thấy: {missing}")
    files = [p for p in files if p.exists()]
    results = _run_parallel(files, options, jobs, progress) if jobs > 1 and len(files) > 1 else None
    if results is None:
        results = []
        for done, path in enumerate(files, 1):
            results.append(scan_file(path, options))
            if progress:
                progress(done, len(files), results[-1])
    report.files = results
    return report


def _scan_batch(paths: list[Path], options: ScanOptions) -> list[FileResult]:
    return [scan_file(path, options) for path in paths]


def _run_parallel(
    files: list[Path], options: ScanOptions, jobs: int, progress: Progress | None
) -> list[FileResult]:
    """Process pool fed with small batches (one file per task costs more in overhead than in work);
    a batch stuck past twice its files' timeouts is reported as CANNOT_VERIFY, not waited for."""
    queue = _batches(files, jobs)
    results: dict[int, FileResult] = {}
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: dict[Future[list[FileResult]], tuple[list[int], float]] = {}
    stuck = False
    try:
        while queue or pending:
            while queue and len(pending) < jobs * 2:
                batch = queue.pop(0)
                fut = pool.submit(_scan_batch, [files[i] for i in batch], options)
                pending[fut] = (batch, time.monotonic())
            done, _ = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
            for fut in done:
                batch, _start = pending.pop(fut)
                for index, result in zip(batch, _results_of(fut, [files[i] for i in batch]), strict=True):
                    results[index] = result
                    if progress:
                        progress(len(results), len(files), result)
            stuck = _expire(pending, files, results, options.limits.timeout_s * 2 + 30) or stuck
    finally:
        _shutdown(pool, stuck)
    return [results[i] for i in range(len(files))]


BATCH_FILES = 16  # at most: a result is sent back once per batch, and a worker never idles long
BATCHES_PER_JOB = 8  # enough batches that the last ones finish together


def _batches(files: list[Path], jobs: int) -> list[list[int]]:
    """Consecutive files grouped by *size*, not count: a folder lists its big documents together, and
    equal-count batches would leave one worker with all of them at the end."""
    sizes = []
    for path in files:
        try:
            sizes.append(max(1, path.stat().st_size))
        except OSError:
            sizes.append(1)
    target = max(64 * 1024, sum(sizes) // (jobs * BATCHES_PER_JOB))
    out: list[list[int]] = []
    batch: list[int] = []
    held = 0
    for index, size in enumerate(sizes):
        batch.append(index)
        held += size
        if held >= target or len(batch) >= BATCH_FILES:
            out.append(batch)
            batch, held = [], 0
    if batch:
        out.append(batch)
    return out


def _expire(
    pending: dict[Future[list[FileResult]], tuple[list[int], float]],
    files: list[Path],
    results: dict[int, FileResult],
    per_file: float,
) -> bool:
    stuck = False
    for fut, (batch, start) in list(pending.items()):
        if time.monotonic() - start > per_file * len(batch):
            pending.pop(fut)
            stuck = True
            for index in batch:
                problem = Problem("timeout", "Hết thời gian quét (tiến trình bị treo)", (files[index].name,))
                results[index] = FileResult(str(files[index]), Verdict.CANNOT_VERIFY, problems=[problem])
    return stuck


def _results_of(fut: Future[list[FileResult]], paths: list[Path]) -> list[FileResult]:
    try:
        return fut.result()
    except Exception as exc:  # a crashed worker means unverifiable files, not a crash
        problem = Problem("crash", f"Lỗi khi quét: {type(exc).__name__}", ())
        return [FileResult(str(p), Verdict.CANNOT_VERIFY, problems=[problem]) for p in paths]


def _shutdown(pool: ProcessPoolExecutor, kill: bool) -> None:
    if kill:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
    pool.shutdown(wait=not kill, cancel_futures=True)


def with_allow_list(options: ScanOptions, fingerprints: Iterable[str]) -> ScanOptions:
    return replace(options, allow_list=frozenset(options.allow_list | set(fingerprints)))


def log(message: str) -> None:
    print(message, file=sys.stderr)
