"""Sealed files: a stream encrypted and authenticated with AES-256-GCM under a passphrase.

Layout: ``MAGIC`` · header line (JSON: format, scrypt parameters and salt, chunk size) · chunks, each
``u32 length ‖ 12-byte nonce ‖ ciphertext+tag``. Every chunk is bound to the header, its index and
whether it is the last one (additional data), so reordering, dropping, truncating or appending
chunks fails authentication, as does any flipped bit.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"BMNN-SEALED-1\n"
CHUNK = 1 << 20
SCRYPT = {"n": 2**17, "r": 8, "p": 1}
MAX_HEADER = 4096


class SealError(Exception):
    """The sealed file is not ours, was altered, or the passphrase is wrong (message in Vietnamese)."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.strip().encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 << 20, dklen=32
    )


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">Q?", index, last)


def seal(source: Path, target: Path, passphrase: str) -> None:
    salt = secrets.token_bytes(16)
    params = dict(SCRYPT)
    header = json.dumps({"format": 1, "kdf": "scrypt", **params, "salt": salt.hex(), "chunk": CHUNK}).encode()
    aes = AESGCM(_key(passphrase, salt, **params))
    tmp = target.with_name(f".{target.name}.part")
    with source.open("rb") as src, tmp.open("wb") as out:
        out.write(MAGIC + header + b"\n")
        index, block = 0, src.read(CHUNK)
        while True:
            following = src.read(CHUNK)
            last = not following
            nonce = secrets.token_bytes(12)
            sealed = aes.encrypt(nonce, block, _aad(header, index, last))
            out.write(struct.pack(">I", len(sealed)) + nonce + sealed)
            if last:
                break
            index, block = index + 1, following
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(target)


def _read_header(src: BinaryIO) -> tuple[bytes, dict[str, Any]]:
    if src.read(len(MAGIC)) != MAGIC:
        raise SealError("Tệp không phải bản sao lưu bmnn (sai định dạng).")
    header = src.readline(MAX_HEADER).rstrip(b"\n")
    try:
        meta = json.loads(header)
        assert meta["format"] == 1 and meta["kdf"] == "scrypt"
        n, r, p, chunk = int(meta["n"]), int(meta["r"]), int(meta["p"]), int(meta["chunk"])
        bytes.fromhex(str(meta["salt"]))
        # Bounds keep a crafted header from asking for gigabytes of scrypt memory or huge chunks.
        assert 2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16
        assert 1 <= chunk <= 16 << 20
    except (ValueError, KeyError, TypeError, AssertionError) as exc:
        raise SealError("Phần đầu của bản sao lưu bị hỏng.") from exc
    return header, meta


def _chunks(src: BinaryIO, limit: int) -> Iterator[tuple[bytes, bytes]]:
    while True:
        raw = src.read(4)
        if not raw:
            return
        if len(raw) < 4:
            raise SealError("Bản sao lưu bị cắt cụt.")
        (length,) = struct.unpack(">I", raw)
        if length > limit + 16:
            raise SealError("Bản sao lưu có khối dữ liệu bất thường.")
        nonce, body = src.read(12), src.read(length)
        if len(nonce) < 12 or len(body) < length:
            raise SealError("Bản sao lưu bị cắt cụt.")
        yield nonce, body


def unseal(source: Path, target: Path, passphrase: str) -> None:
    """Decrypt and authenticate everything into ``target``; on any doubt, ``target`` is removed."""
    try:
        with source.open("rb") as src, target.open("wb") as out:
            header, meta = _read_header(src)
            chunk = int(meta["chunk"])
            aes = AESGCM(
                _key(
                    passphrase,
                    bytes.fromhex(str(meta["salt"])),
                    int(meta["n"]),
                    int(meta["r"]),
                    int(meta["p"]),
                )
            )
            finished = False
            for index, (nonce, body) in enumerate(_chunks(src, chunk)):
                if finished:
                    raise SealError("Bản sao lưu có dữ liệu thừa sau khối cuối.")
                try:
                    out.write(aes.decrypt(nonce, body, _aad(header, index, False)))
                except InvalidTag:
                    try:
                        out.write(aes.decrypt(nonce, body, _aad(header, index, True)))
                    except InvalidTag:
                        raise SealError(
                            "Không giải mã được bản sao lưu: sai cụm mật khẩu hoặc tệp đã bị sửa."
                        ) from None
                    finished = True
            if not finished:
                raise SealError("Bản sao lưu bị cắt cụt (thiếu khối cuối).")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
