"""This agency's Ed25519 key pair, kept in the data folder.

The private key is a 32-byte seed in an owner-only file, created on first use exactly like the ledger
key (``bmnn.lib.datadir``), one file per agency because one installation may hold several (the demo).
It never enters the database: a stolen DB dump cannot sign reports. The public key travels as one line
(``bmnn-ed25519 <base64> <tên cơ quan>``, like an SSH key) for the level above to register once.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bmnn.lib import datadir
from bmnn.plans.rollup.package import PackageError, display_fingerprint, fingerprint, raw_public_key

KEY_PREFIX = "bmnn-ed25519"
SEED_BYTES = 32


def key_path(agency_id: int, folder: Path | None = None) -> Path:
    return (folder or datadir.data_dir()) / f"report_signing_{agency_id}.key"


def signing_key(agency_id: int, *, create: bool = True, folder: Path | None = None) -> Ed25519PrivateKey:
    """Load (or create, owner-only) the agency's private key. Raises ``datadir.DataDirError``."""
    seed = datadir.read_or_create_secret(key_path(agency_id, folder), nbytes=SEED_BYTES, create=create)
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed))


@dataclass(frozen=True)
class PublicKeyInfo:
    raw: bytes
    name: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    @property
    def display(self) -> str:
        return display_fingerprint(self.fingerprint)

    def line(self) -> str:
        return f"{KEY_PREFIX} {base64.b64encode(self.raw).decode('ascii')} {self.name}".strip()


def public_key_info(agency_id: int, name: str, *, folder: Path | None = None) -> PublicKeyInfo:
    return PublicKeyInfo(raw_public_key(signing_key(agency_id, folder=folder).public_key()), name)


def parse_public_key(text: str) -> PublicKeyInfo:
    """Read the one-line public key a subordinate sent. Raises ``PackageError`` in Vietnamese."""
    parts = unicodedata.normalize("NFC", text).strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] != KEY_PREFIX:
        raise PackageError(
            "bad_public_key", f"Khóa công khai phải có dạng “{KEY_PREFIX} <mã base64> <tên cơ quan>”."
        )
    try:
        raw = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PackageError("bad_public_key", "Khóa công khai bị hỏng (mã base64 không hợp lệ).") from exc
    if len(raw) != SEED_BYTES:
        raise PackageError("bad_public_key", "Khóa công khai bị hỏng (sai độ dài, cần 32 byte).")
    return PublicKeyInfo(raw, parts[2].strip() if len(parts) > 2 else "")
