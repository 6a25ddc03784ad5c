"""Optional OCR through the tesseract program with Vietnamese data ("vie"), detected at run time.

Without it, images and image-only PDF pages are CANNOT_VERIFY: a scanned secret document must never
pass as clean just because it has no text layer.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

OCR_TIMEOUT_S = 60


@functools.lru_cache(maxsize=1)
def ocr_available() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (out.stdout + out.stderr).split()


def ocr_image(data: bytes, suffix: str = ".png") -> str:
    """Text of an image; raises OSError/SubprocessError on failure."""
    exe = shutil.which("tesseract") or "tesseract"
    with tempfile.TemporaryDirectory(prefix="bmnn-ocr-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        out = subprocess.run(
            [exe, str(src), "stdout", "-l", "vie", "--psm", "3"],
            capture_output=True,
            timeout=OCR_TIMEOUT_S,
            check=True,
        )
    return out.stdout.decode("utf-8", errors="replace")
