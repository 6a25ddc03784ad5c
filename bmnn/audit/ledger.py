"""Writing and verifying the ledger.

hash = HMAC-SHA256(ledger key, prev_hash ‖ canonical bytes of the entry). Without
the key nobody can recompute a valid chain after editing, inserting, deleting
or reordering rows; truncating the newest rows is caught by comparing with a
head (``SEQ:HASH``) exported or printed earlier.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock, datadir

GENESIS = "0" * 64
_PG_LOCK_ID = 0x424D4E4E  # "BMNN": serialises ledger appends across processes on PostgreSQL


class LedgerKeyError(Exception):
    """The ledger key is missing or corrupt."""


@lru_cache(maxsize=4)
def _key_for(path: Path) -> bytes:
    try:
        value = datadir.read_or_create_secret(path, nbytes=datadir.LEDGER_KEY_BYTES, create=False)
    except datadir.DataDirError as exc:
        raise LedgerKeyError(str(exc)) from exc
    return bytes.fromhex(value)


def ledger_key() -> bytes:
    return _key_for(datadir.data_dir() / datadir.LEDGER_KEY_FILE)


def create_ledger_key() -> Path:
    """Create the ledger key file if absent (``bmnn init``); validate it if present."""
    path = datadir.data_dir() / datadir.LEDGER_KEY_FILE
    try:
        datadir.read_or_create_secret(path, nbytes=datadir.LEDGER_KEY_BYTES, create=True)
    except datadir.DataDirError as exc:
        raise LedgerKeyError(str(exc)) from exc
    _key_for.cache_clear()
    return path


def format_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_bytes(row: tuple[Any, ...]) -> bytes:
    """(seq, created_at, actor_id, actor_repr, event, subject_type, subject_id, subject_repr, payload)."""
    seq, created_at, actor_id, *rest = row
    fields = [seq, format_time(created_at), actor_id, *rest]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_hash(mac: hmac.HMAC, prev_hash: str, row: tuple[Any, ...]) -> str:
    h = mac.copy()
    h.update(prev_hash.encode("ascii"))
    h.update(canonical_bytes(row))
    return h.hexdigest()


def _nfc_tree(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc_tree(k): _nfc_tree(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc_tree(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def canonical_payload(payload: dict[str, Any] | None) -> str:
    return json.dumps(_nfc_tree(payload or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def describe_actor(actor: Any) -> str:
    if actor is None:
        return "(hệ thống)"
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return f"{actor.get_username()} ({full})" if full else str(actor.get_username())


def _lock_tail() -> tuple[int, str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_ID])
    last = LedgerEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    return last if last else (0, GENESIS)


def record(
    *,
    event: str,
    actor: Any,
    subject: Model | None = None,
    payload: dict[str, Any] | None = None,
    subject_repr: str | None = None,
) -> LedgerEntry:
    """Append one entry. The only writer of the ledger; call it inside the service's transaction."""
    if not event or event.count(".") < 1:
        raise ValueError(f"Ledger event codes are dotted: {event!r}")
    mac = hmac.new(ledger_key(), digestmod=hashlib.sha256)
    with transaction.atomic():
        last_seq, prev_hash = _lock_tail()
        entry = LedgerEntry(
            seq=last_seq + 1,
            created_at=clock.now(),
            actor=actor if actor is not None and getattr(actor, "pk", None) else None,
            actor_repr=unicodedata.normalize("NFC", describe_actor(actor))[:300],
            event=event,
            subject_type=subject._meta.label_lower if subject is not None else "",
            subject_id=str(subject.pk) if subject is not None else "",
            subject_repr=unicodedata.normalize("NFC", subject_repr or (str(subject) if subject else ""))[
                :500
            ],
            payload=canonical_payload(payload),
            prev_hash=prev_hash,
        )
        entry.hash = compute_hash(mac, prev_hash, _row_of(entry))
        entry.save()
    return entry


def _row_of(entry: LedgerEntry) -> tuple[Any, ...]:
    return (
        entry.seq,
        entry.created_at,
        entry.actor_id,
        entry.actor_repr,
        entry.event,
        entry.subject_type,
        entry.subject_id,
        entry.subject_repr,
        entry.payload,
    )


_ROW_FIELDS = (
    "seq",
    "created_at",
    "actor_id",
    "actor_repr",
    "event",
    "subject_type",
    "subject_id",
    "subject_repr",
    "payload",
    "prev_hash",
    "hash",
)


def head() -> str | None:
    last = LedgerEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    return f"{last[0]}:{last[1]}" if last else None


@dataclass
class Problem:
    seq: int
    code: str
    message: str


@dataclass
class VerifyResult:
    count: int = 0
    head: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "count": self.count,
            "head": self.head,
            "problems": [p.__dict__ for p in self.problems],
        }


def parse_head(text: str) -> tuple[int, str]:
    seq, sep, digest = text.strip().partition(":")
    if not sep or not seq.isdigit() or len(digest) != 64:
        raise ValueError(f"Đầu chuỗi '{text}' không đúng dạng SỐ:MÃ_BĂM (64 ký tự hex).")
    return int(seq), digest.lower()


def iter_rows(chunk: int = 20000) -> Iterator[tuple[Any, ...]]:
    yield from LedgerEntry.objects.order_by("seq").values_list(*_ROW_FIELDS).iterator(chunk_size=chunk)


def verify(
    *,
    expect_head: str | None = None,
    rows: Iterable[tuple[Any, ...]] | None = None,
    progress: Callable[[int], None] | None = None,
    max_problems: int = 100,
) -> VerifyResult:
    """Re-check the whole chain; say where it breaks."""
    mac = hmac.new(ledger_key(), digestmod=hashlib.sha256)
    result = VerifyResult()
    expected_prev, expected_seq = GENESIS, 1
    hashes_by_seq: dict[int, str] = {}
    want = parse_head(expect_head) if expect_head else None
    for row in rows if rows is not None else iter_rows():
        seq, stored_hash = row[0], row[10]
        _check_row(result, row, expected_seq, expected_prev, mac)
        if want and seq == want[0]:
            hashes_by_seq[seq] = stored_hash
        expected_prev, expected_seq = stored_hash, seq + 1
        result.count += 1
        result.head = f"{seq}:{stored_hash}"
        if progress and result.count % 10000 == 0:
            progress(result.count)
        if len(result.problems) >= max_problems:
            break
    if want:
        _check_expected_head(result, want, hashes_by_seq, expected_seq - 1)
    return result


def _check_row(result: VerifyResult, row: tuple[Any, ...], seq_want: int, prev_want: str, mac: Any) -> None:
    seq, stored_prev, stored_hash = row[0], row[9], row[10]
    if seq != seq_want:
        kind = "missing_rows" if seq > seq_want else "seq_out_of_order"
        result.problems.append(
            Problem(seq, kind, f"Số thứ tự nhảy từ {seq_want - 1} sang {seq}: có bản ghi bị xóa hoặc chèn.")
        )
    if stored_prev != prev_want:
        result.problems.append(
            Problem(
                seq,
                "broken_link",
                f"Bản ghi #{seq} không nối với bản ghi trước: chuỗi bị cắt, chèn hoặc đổi thứ tự.",
            )
        )
    if compute_hash(mac, stored_prev, row[:9]) != stored_hash:
        result.problems.append(
            Problem(seq, "bad_hash", f"Bản ghi #{seq} đã bị sửa (mã HMAC không khớp với nội dung).")
        )


def _check_expected_head(
    result: VerifyResult, want: tuple[int, str], seen: dict[int, str], last: int
) -> None:
    seq, digest = want
    if last < seq:
        result.problems.append(
            Problem(
                last,
                "truncated",
                f"Sổ nhật ký chỉ còn đến #{last}, nhưng đầu chuỗi đã in là #{seq}: các bản ghi mới nhất đã bị xóa.",
            )
        )
    elif seen.get(seq) != digest:
        result.problems.append(
            Problem(seq, "head_mismatch", f"Bản ghi #{seq} không khớp với đầu chuỗi đã in/xuất trước đó.")
        )


# Clocks of office PCs drift by minutes; an hour earlier than the last entry is a rollback.
CLOCK_TOLERANCE = dt.timedelta(minutes=5)


def clock_rollback(now: dt.datetime) -> dt.timedelta | None:
    """How far ``now`` lies before the newest ledger entry, when it does by more than the tolerance.

    A server clock set back would date acts (registrations, decisions) before acts already
    recorded; the ledger's own times reveal it.
    """
    last = LedgerEntry.objects.order_by("-seq").values_list("created_at", flat=True).first()
    if last is None or now >= last - CLOCK_TOLERANCE:
        return None
    return last - now
