"""The report package file: canonical JSON of the payload, signed with Ed25519.

Pure Python (no Django) so the format can be checked by a small script at any level. The file is one
UTF-8 JSON object, small enough for any USB stick::

    {"format": "bmnn-report-package", "version": 1, "payload": {...},
     "public_key": "<base64 raw 32 bytes>", "signature": "<base64 64 bytes>"}

The signature covers ``canonical_json(payload)`` only; ``public_key`` in the file is a hint that names the
signer, never trusted by itself: the receiver verifies with the key it registered beforehand.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "bmnn-report-package"
VERSION = 1
SUFFIX = ".bmnnbc"  # "bmnn báo cáo"
MAX_BYTES = 5 * 1024 * 1024  # a report with statistics is a few KB; refuse anything absurd


class PackageError(Exception):
    """The package cannot be accepted; ``message_vi`` says why, ``code`` is stable for tests and API."""

    def __init__(self, code: str, message_vi: str) -> None:
        super().__init__(message_vi)
        self.code = code
        self.message_vi = message_vi


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    if isinstance(value, float):
        # Floats have no single canonical text form; statistics are counts.
        raise TypeError("Gói báo cáo chỉ chứa số nguyên, không chứa số thực.")
    return value


def canonical_json(payload: dict[str, Any]) -> bytes:
    """Sorted keys, no spaces, UTF-8, NFC strings: the same bytes on every machine."""
    return json.dumps(_nfc(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """SHA-256 of the raw public key, hex; read aloud in groups (``display_fingerprint``) to compare."""
    return hashlib.sha256(public_key).hexdigest()


def display_fingerprint(hex_digest: str) -> str:
    """First 128 bits in eight groups of four, upper case: enough to compare by phone or on paper."""
    head = hex_digest[:32].upper()
    return "-".join(head[i : i + 4] for i in range(0, 32, 4))


def sign_package(payload: dict[str, Any], private_key: Ed25519PrivateKey) -> bytes:
    """The package file's bytes."""
    body = canonical_json(payload)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "payload": json.loads(body),
        "public_key": base64.b64encode(raw_public_key(private_key.public_key())).decode("ascii"),
        "signature": base64.b64encode(private_key.sign(body)).decode("ascii"),
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"


@dataclass(frozen=True)
class OpenedPackage:
    """A package whose format is right; ``signer`` is the fingerprint it claims, not yet verified."""

    payload: dict[str, Any]
    body: bytes
    signature: bytes
    signer: str

    @property
    def digest(self) -> str:
        """Identity of this exact signed report: two imports of the same file share it."""
        return hashlib.sha256(self.body + self.signature).hexdigest()


def open_package(data: bytes) -> OpenedPackage:
    """Read the file's structure. Raises ``PackageError`` for anything that is not a package."""
    if len(data) > MAX_BYTES:
        raise PackageError("too_large", "Tệp quá lớn, không phải gói báo cáo của bmnn.")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError("not_a_package", "Tệp không phải gói báo cáo của bmnn (không đọc được).") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PackageError("not_a_package", "Tệp không phải gói báo cáo của bmnn.")
    if document.get("version") != VERSION:
        raise PackageError(
            "unknown_version", f"Gói báo cáo phiên bản {document.get('version')!r} chưa được hỗ trợ."
        )
    payload = document.get("payload")
    try:
        key = base64.b64decode(str(document.get("public_key", "")), validate=True)
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PackageError("malformed", "Gói báo cáo bị hỏng: khóa hoặc chữ ký không đúng dạng.") from exc
    if not isinstance(payload, dict) or len(key) != 32 or len(signature) != 64:
        raise PackageError("malformed", "Gói báo cáo bị hỏng: thiếu nội dung, khóa hoặc chữ ký.")
    try:
        body = canonical_json(payload)
    except TypeError as exc:
        raise PackageError("malformed", f"Gói báo cáo bị hỏng: {exc}") from exc
    return OpenedPackage(payload=payload, body=body, signature=signature, signer=fingerprint(key))


def verify(opened: OpenedPackage, registered_key: bytes) -> None:
    """Check the signature with the key the receiver registered (never the one in the file)."""
    try:
        Ed25519PublicKey.from_public_bytes(registered_key).verify(opened.signature, opened.body)
    except (InvalidSignature, ValueError) as exc:
        raise PackageError(
            "bad_signature",
            "Chữ ký không khớp: gói báo cáo đã bị sửa sau khi ký (hoặc không phải do đơn vị này ký). "
            "Không nhập; đề nghị đơn vị gửi lại gói.",
        ) from exc
