"""Receiving uploaded files for a scan: straight into a private temporary folder, never into memory
buffers shared with other requests and never into the database; the caller deletes the folder.

The size limit is a setting (``BMNN_SCAN_MAX_UPLOAD_MB``, default 50 MB for one upload, all files
together): it is a matter of the server's resources, not of law, and the command ``bmnn scan`` on the
user's own machine has no such limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

DEFAULT_MAX_UPLOAD_MB = 50
MAX_FILES = 50


def max_upload_bytes() -> int:
    return int(getattr(settings, "BMNN_SCAN_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024


def too_large_message() -> str:
    mb = max_upload_bytes() // (1024 * 1024)
    return (
        f"Tệp tải lên: tổng dung lượng vượt giới hạn {mb} MB cho một lần rà soát trên máy chủ. "
        "Hãy chọn ít tệp hơn, hoặc rà soát trên máy bằng lệnh “bmnn scan”."
    )


def too_many_message() -> str:
    return f"Tệp tải lên: mỗi lần rà soát nhận tối đa {MAX_FILES} tệp (có thể nén nhiều tệp vào một tệp zip)."


class TempUpload(UploadedFile):
    """An uploaded file written to ``temp_path`` inside the scan's private folder."""

    temp_path: Path


class TempDirUploadHandler(FileUploadHandler):
    """Writes each file under a neutral name (000, 001, …) in ``folder``; stops past ``limit`` bytes."""

    def __init__(self, request: HttpRequest, folder: Path, limit: int) -> None:
        super().__init__(request)
        self.folder, self.limit = folder, limit
        self.total, self.count, self.exceeded = 0, 0, False
        self._out: IO[bytes] | None = None
        self._path: Path | None = None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self._path = self.folder / f"{self.count:03d}"
        self.count += 1
        self._out = self._path.open("wb")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.total += len(raw_data)
        if self.total > self.limit:
            self.exceeded = True
            self.upload_interrupted()  # closed now, so the folder can be deleted (Windows refuses open files)
            raise StopUpload(connection_reset=False)
        assert self._out is not None
        self._out.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> TempUpload | None:
        assert self._out is not None and self._path is not None
        self._out.close()
        upload = TempUpload(file=None, name=self.file_name, size=file_size)
        upload.temp_path = self._path
        return upload

    def upload_interrupted(self) -> None:
        if self._out is not None:
            self._out.close()


@dataclass(frozen=True)
class Received:
    name: str
    path: Path
    size: int


def install_handler(request: HttpRequest, folder: Path) -> TempDirUploadHandler:
    """Must run before anything reads ``request.POST``/``FILES`` (hence the csrf_exempt/csrf_protect pair)."""
    handler = TempDirUploadHandler(request, folder, max_upload_bytes())
    request.upload_handlers = [handler]
    return handler


def declared_too_large(request: HttpRequest) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > max_upload_bytes() + 1024 * 1024
    except ValueError:
        return False


def received_files(request: HttpRequest, field: str = "files") -> list[Received]:
    out = []
    for upload in request.FILES.getlist(field):
        path = getattr(upload, "temp_path", None)
        if path is not None:
            out.append(Received(name=upload.name or path.name, path=path, size=upload.size or 0))
    return out
