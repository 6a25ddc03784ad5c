"""Bounded reads from zip packages: zip-bomb, size, encryption and member-count defences."""

from __future__ import annotations

import zipfile
import zlib

from bmnn.scanner.extract.base import Extraction, Unreadable

_BOMB_FLOOR = 1024 * 1024  # ratios only matter once a member is big


def open_zip(data: bytes) -> zipfile.ZipFile:
    import io

    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Unreadable("corrupt", f"Tệp nén hỏng: {exc}") from exc


def members(zf: zipfile.ZipFile, ex: Extraction) -> list[zipfile.ZipInfo]:
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > ex.limits.max_members:
        raise Unreadable("too_large", f"Tệp nén có quá nhiều thành phần ({len(infos)})")
    return infos


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, ex: Extraction, loc: tuple[str, ...]) -> bytes:
    """Read one member, refusing encrypted, oversized and suspiciously compressed ones."""
    ex.check()
    cap = ex.limits.max_member_bytes
    if info.flag_bits & 0x1:
        raise Unreadable("encrypted", "Thành phần được mã hóa bằng mật khẩu")
    if info.file_size > cap:
        raise Unreadable("too_large", f"Thành phần quá lớn ({info.file_size} byte)")
    ratio = info.file_size / max(1, info.compress_size)
    if info.file_size > _BOMB_FLOOR and ratio > ex.limits.max_ratio:
        raise Unreadable("too_large", f"Tỷ lệ nén bất thường ({ratio:.0f}:1), nghi bom nén")
    try:
        with zf.open(info) as fh:
            data = fh.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise Unreadable("corrupt", f"Không giải nén được: {exc}") from exc
    if len(data) > cap:
        raise Unreadable("too_large", "Thành phần vượt giới hạn dung lượng khi giải nén")
    ex.count_unpacked(len(data), loc)
    return data
