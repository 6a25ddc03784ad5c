"""The key of an encrypted embedded database (SQLCipher), wrapped so it never lies on disk in clear.

A random 256-bit data key encrypts the database. It is stored only wrapped, twice, in
``encryption.json`` in the data folder:

* under a key derived from the passphrase (scrypt), so the passphrase can change without
  re-encrypting the database;
* under a key derived from a random recovery code, printed once at ``bmnn init --encrypt`` and kept
  on paper in the safe, so a forgotten passphrase does not lose the registers.

Wrapping is encrypt-then-MAC with HMAC-SHA256 as the PRF (stdlib only, so it works offline on
Windows without a compiled crypto package): keystream = HMAC(kek, "enc" ‖ nonce), tag =
HMAC(HMAC(kek, "mac"), nonce ‖ ciphertext). A wrong passphrase fails the tag check before anything
touches the database.

Where the running process gets the key, in order: a key set in memory by the command that asked
for the passphrase; ``BMNN_DB_KEY_FILE`` (hex data key in an owner-only file, for unattended
service); ``BMNN_DB_PASSPHRASE_FILE``. No Django here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

ENCRYPTION_FILE = "encryption.json"
KEY_BYTES = 32
# scrypt cost: ~0.1–0.3 s on an office PC, 32 MiB of memory (OWASP's minimum is N=2**17 with r=8
# for interactive logins; the passphrase is asked once per server start, so we take N=2**17).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_MAXMEM = 256 * 1024 * 1024
_session_key: bytes | None = None


class KeyError_(Exception):
    """The database key cannot be obtained or does not open the database (message in Vietnamese)."""


@dataclass(frozen=True)
class Created:
    data_key: bytes
    recovery_code: str


def encryption_file(data_dir: Path) -> Path:
    return data_dir / ENCRYPTION_FILE


def is_encrypted(data_dir: Path) -> bool:
    return encryption_file(data_dir).exists()


def _kdf(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    material = secret.strip().encode("utf-8")
    return hashlib.scrypt(material, salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=KEY_BYTES)


def _wrap(kek: bytes, data_key: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(16)
    stream = hmac.new(kek, b"enc" + nonce, hashlib.sha256).digest()
    ciphertext = bytes(a ^ b for a, b in zip(data_key, stream, strict=True))
    mac_key = hmac.new(kek, b"mac", hashlib.sha256).digest()
    tag = hmac.new(mac_key, nonce + ciphertext, hashlib.sha256).digest()
    return {"nonce": nonce.hex(), "ciphertext": ciphertext.hex(), "tag": tag.hex()}


def _unwrap(kek: bytes, slot: dict[str, str]) -> bytes | None:
    nonce, ciphertext = bytes.fromhex(slot["nonce"]), bytes.fromhex(slot["ciphertext"])
    mac_key = hmac.new(kek, b"mac", hashlib.sha256).digest()
    expected = hmac.new(mac_key, nonce + ciphertext, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, bytes.fromhex(slot["tag"])):
        return None
    stream = hmac.new(kek, b"enc" + nonce, hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(ciphertext, stream, strict=True))


def _slot(secret: str, data_key: bytes) -> dict[str, object]:
    salt = secrets.token_bytes(16)
    kek = _kdf(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": salt.hex(),
        **_wrap(kek, data_key),
    }


def new_recovery_code() -> str:
    """25 base32 characters in groups of five: easy to copy by hand, 125 bits."""
    raw = base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")[:25]
    return "-".join(raw[i : i + 5] for i in range(0, 25, 5))


def check_passphrase_strength(passphrase: str) -> str | None:
    if len(passphrase.strip()) < 12:
        return "Cụm mật khẩu cơ sở dữ liệu phải có ít nhất 12 ký tự."
    return None


def _write(path: Path, doc: dict[str, object]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(doc, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


def create(data_dir: Path, passphrase: str) -> Created:
    """Make a new data key for a new encrypted database; refuse to replace an existing one."""
    path = encryption_file(data_dir)
    if path.exists():
        raise KeyError_(f"Đã có khóa mã hóa tại {path}: không tạo lại (sẽ mất dữ liệu).")
    problem = check_passphrase_strength(passphrase)
    if problem:
        raise KeyError_(problem)
    data_key, code = secrets.token_bytes(KEY_BYTES), new_recovery_code()
    doc = {
        "version": 1,
        "cipher": "sqlcipher4",
        "passphrase": _slot(passphrase, data_key),
        "recovery": _slot(code, data_key),
    }
    _write(path, doc)
    return Created(data_key=data_key, recovery_code=code)


def _load(data_dir: Path) -> dict[str, dict[str, str]]:
    path = encryption_file(data_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["version"] == 1
        return {"passphrase": doc["passphrase"], "recovery": doc["recovery"]}
    except (OSError, ValueError, KeyError, AssertionError) as exc:
        raise KeyError_(f"Tệp khóa mã hóa {path} hỏng hoặc không đọc được.") from exc


def _open_slot(slot: dict[str, str], secret: str) -> bytes | None:
    kek = _kdf(secret, bytes.fromhex(slot["salt"]), int(slot["n"]), int(slot["r"]), int(slot["p"]))
    return _unwrap(kek, slot)


def unlock(data_dir: Path, passphrase: str) -> bytes:
    key = _open_slot(_load(data_dir)["passphrase"], passphrase)
    if key is None:
        raise KeyError_("Cụm mật khẩu cơ sở dữ liệu không đúng.")
    return key


def recover(data_dir: Path, recovery_code: str, new_passphrase: str) -> bytes:
    """Open with the printed recovery code and set a new passphrase."""
    slots = _load(data_dir)
    code = recovery_code.strip().upper().replace(" ", "")
    key = _open_slot(slots["recovery"], code)
    if key is None:
        raise KeyError_("Mã khôi phục không đúng.")
    _rewrap_passphrase(data_dir, slots, key, new_passphrase)
    return key


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    slots = _load(data_dir)
    key = _open_slot(slots["passphrase"], old)
    if key is None:
        raise KeyError_("Cụm mật khẩu hiện tại không đúng.")
    _rewrap_passphrase(data_dir, slots, key, new)


def _rewrap_passphrase(data_dir: Path, slots: dict[str, dict[str, str]], key: bytes, new: str) -> None:
    problem = check_passphrase_strength(new)
    if problem:
        raise KeyError_(problem)
    doc = {"version": 1, "cipher": "sqlcipher4", "passphrase": _slot(new, key), "recovery": slots["recovery"]}
    _write(encryption_file(data_dir), doc)


def set_session_key(key: bytes | None) -> None:
    global _session_key
    _session_key = key


def _read_owner_only(path: Path, what: str) -> str:
    try:
        if sys.platform != "win32" and path.stat().st_mode & 0o077:
            raise KeyError_(f"Tệp {what} {path} phải chỉ chủ sở hữu đọc được (chmod 600).")
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise KeyError_(f"Không đọc được tệp {what} {path}: {exc.strerror}.") from exc


def database_key(data_dir: Path) -> bytes:
    """The data key for this process, from memory, a key file or a passphrase file (see module doc)."""
    global _session_key
    if _session_key is not None:
        return _session_key
    key_file = os.environ.get("BMNN_DB_KEY_FILE")
    if key_file:
        value = _read_owner_only(Path(key_file), "khóa cơ sở dữ liệu")
        try:
            key = bytes.fromhex(value)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise KeyError_(f"Tệp khóa {key_file} không chứa khóa hợp lệ (64 ký tự hex).")
        _session_key = key
        return key
    pass_file = os.environ.get("BMNN_DB_PASSPHRASE_FILE")
    if pass_file:
        _session_key = unlock(data_dir, _read_owner_only(Path(pass_file), "cụm mật khẩu"))
        return _session_key
    raise KeyError_(
        "Cơ sở dữ liệu đã mã hóa: cần cụm mật khẩu. Chạy lệnh trong cửa sổ dòng lệnh để được hỏi, "
        "hoặc đặt BMNN_DB_PASSPHRASE_FILE / BMNN_DB_KEY_FILE trỏ tới tệp chỉ chủ sở hữu đọc được."
    )
