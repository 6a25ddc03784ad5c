"""Hostile-input harness: mutate real inputs and feed them to every parser of outside files.

Each target names the exceptions that are its *documented* refusal (a clean Vietnamese message);
anything else raised, a run longer than ``TIMEOUT`` seconds, is a crash. Used by the test suite
(a few hundred executions) and by ``bench/fuzz.py`` (as many as you like, with counts printed).
"""

from __future__ import annotations

import io
import random
import signal
import tempfile
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIMEOUT = 20


@dataclass
class Target:
    name: str
    seeds: list[bytes]
    run: Callable[[bytes], Any]
    refusals: tuple[type[BaseException], ...] = ()


@dataclass
class Outcome:
    target: str
    executions: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Hang(Exception):
    pass


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: flip bits, cut, splice in junk, duplicate a slice, or corrupt a zip member."""
    if not data:
        return rng.randbytes(rng.randint(1, 64))
    choice = rng.randrange(6)
    buf = bytearray(data)
    if choice == 0:
        for _ in range(rng.randint(1, 16)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    elif choice == 1:
        del buf[rng.randrange(len(buf)) :]
    elif choice == 2:
        at = rng.randrange(len(buf))
        buf[at:at] = rng.randbytes(rng.randint(1, 256))
    elif choice == 3:
        a = rng.randrange(len(buf))
        b = min(len(buf), a + rng.randint(1, 4096))
        buf[a:a] = buf[a:b] * rng.randint(1, 8)
    elif choice == 4 and data[:2] == b"PK":
        return _corrupt_member(data, rng)
    else:
        return rng.randbytes(rng.randint(0, 2048))
    return bytes(buf)


def _corrupt_member(data: bytes, rng: random.Random) -> bytes:
    """Rewrite a valid zip (docx/xlsx/odt) with one member's content damaged: the container opens,
    the XML inside does not parse, which reaches deeper code than random bytes do."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            victim = rng.choice(src.namelist())
            for name in src.namelist():
                body = src.read(name)
                if name == victim and body:
                    cut = rng.randrange(len(body))
                    body = (
                        body[:cut]
                        + rng.choice([b"<", b"&#xFFFF;", b"\x00", b"<!DOCTYPE x [<!ENTITY a 'b'>]>"])
                        + body[cut:]
                    )
                dst.writestr(name, body)
        return out.getvalue()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, zlib.error):
        return data  # a seed already damaged by an earlier mutation: keep it as it is


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang


def run_target(target: Target, executions: int, seed: int = 2026) -> Outcome:
    rng = random.Random(f"{seed}:{target.name}")  # noqa: S311  (reproducible mutations, not crypto)
    outcome = Outcome(target.name)
    use_alarm = hasattr(signal, "SIGALRM")
    previous = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    started = time.perf_counter()
    try:
        for i in range(executions):
            data = rng.choice(target.seeds)
            for _ in range(rng.randint(1, 3)):
                data = mutate(data, rng)
            _one(target, data, i, outcome, use_alarm)
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _one(target: Target, data: bytes, i: int, outcome: Outcome, use_alarm: bool) -> None:
    outcome.executions += 1
    if use_alarm:
        signal.alarm(TIMEOUT)
    try:
        target.run(data)
    except target.refusals:
        outcome.refused += 1
    except Hang:
        outcome.crashes.append(f"#{i}: quá {TIMEOUT} s (treo)")
    except Exception:
        outcome.crashes.append(f"#{i}: " + traceback.format_exc(limit=3).strip().splitlines()[-1])
    finally:
        if use_alarm:
            signal.alarm(0)


def _as_file(suffix: str, data: bytes, fn: Callable[[Path], Any]) -> Any:
    with tempfile.TemporaryDirectory(prefix="bmnn-fuzz-") as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        return fn(path)


def targets(samples: Path) -> list[Target]:
    """Every parser of files that come from outside; seeds are the shared real samples."""
    from bmnn.catalog.importing import parse_bytes
    from bmnn.ops import restore, sealed
    from bmnn.plans.importing import PlanImportError, import_plan_file
    from bmnn.plans.rollup.package import PackageError
    from bmnn.scanner.engine import scan_bytes

    plans = sorted((samples / "plans").glob("*"))
    catalog_txt = [p.read_bytes() for p in (samples / "catalogs").glob("*.txt")]
    out = [
        Target("catalog-txt", catalog_txt, lambda d: parse_bytes(d, "danh-muc.txt")),
        Target("plan-import-txt", [p.read_bytes() for p in plans if p.suffix == ".txt"],
               lambda d: _as_file(".txt", d, import_plan_file), (PlanImportError,)),
        Target("plan-import-docx", [p.read_bytes() for p in plans if p.suffix == ".docx"],
               lambda d: _as_file(".docx", d, import_plan_file), (PlanImportError,)),
        Target("plan-import-pdf", [p.read_bytes() for p in plans if p.suffix == ".pdf"],
               lambda d: _as_file(".pdf", d, import_plan_file), (PlanImportError,)),
        Target("scanner-docx", [p.read_bytes() for p in plans if p.suffix == ".docx"],
               lambda d: scan_bytes("tep.docx", d)),
        Target("scanner-pdf", [p.read_bytes() for p in plans if p.suffix == ".pdf"],
               lambda d: scan_bytes("tep.pdf", d)),
        Target("backup-unseal", [_sealed_seed()], lambda d: _as_file(".bmnnbak", d, _unseal), (sealed.SealError,)),
        Target("backup-payload", [_payload_seed()], lambda d: _as_file(".zip", d, lambda p: restore.check_payload(p, set())),
               (restore.RestoreError,)),
    ]  # fmt: skip
    out.append(Target("rollup-package", [_package_seed()], _open_and_verify_package, (PackageError,)))
    docx_catalog = _catalog_docx_seed(catalog_txt[0]) if catalog_txt else None
    if docx_catalog:
        out.append(Target("catalog-docx", [docx_catalog], lambda d: parse_bytes(d, "danh-muc.docx")))
    return [t for t in out if t.seeds]


_PACKAGE_KEY: list[bytes] = []


def _package_seed() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from bmnn.plans.rollup.package import raw_public_key, sign_package

    key = Ed25519PrivateKey.generate()
    _PACKAGE_KEY[:] = [raw_public_key(key.public_key())]
    payload = {
        "format": 1,
        "agency": "Sở Thử",
        "period": {"from": "2026-01-01", "to": "2026-06-30"},
        "statistics": {"acts": {"registry.item_classified": {"secret": 3}}},
        "narrative": {"a": "Tình hình"},
    }
    return sign_package(payload, key)


def _open_and_verify_package(data: bytes) -> None:
    """Roll-up import reads a USB file from a subordinate: open it, then check the signature."""
    from bmnn.plans.rollup.package import open_package, verify

    verify(open_package(data), _PACKAGE_KEY[0])


def _unseal(path: Path) -> None:
    from bmnn.ops import sealed

    sealed.unseal(path, path.with_suffix(".out"), "cụm mật khẩu thử nghiệm")


def _sealed_seed() -> bytes:
    from bmnn.ops import sealed

    with tempfile.TemporaryDirectory(prefix="bmnn-fuzz-") as tmp:
        src, dst = Path(tmp) / "p", Path(tmp) / "s"
        src.write_bytes(b"du lieu mau " * 500)
        cost, sealed.SCRYPT = sealed.SCRYPT, {"n": 2**10, "r": 8, "p": 1}  # cheap, so mutations run fast
        try:
            sealed.seal(src, dst, "cụm mật khẩu thử nghiệm")
        finally:
            sealed.SCRYPT = cost
        return dst.read_bytes()


def _payload_seed() -> bytes:
    import hashlib
    import json

    body = b'{"model": "audit.ledgerentry", "pk": 1, "fields": {}}\n'
    manifest = {
        "format": 1,
        "migrations": [],
        "files": {"data.bmnnjsonl": {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.bmnnjsonl", body)
        zf.writestr("manifest.json", json.dumps(manifest))
    return out.getvalue()


def _catalog_docx_seed(text: bytes) -> bytes | None:
    import docx

    document = docx.Document()
    for line in text.decode("utf-8", "replace").splitlines()[:80]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
