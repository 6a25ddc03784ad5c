"""Optional OCR of scanned PDFs with the tesseract command and its Vietnamese data ("vie").

Detected at run time; never required. Pages are rendered by pypdfium2 (and
Pillow). OCR text is error-prone, so the plan carries a warning to review it.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

OCR_DPI = 300
OCR_TIMEOUT_SECONDS = 120


@functools.cache
def ocr_available() -> bool:
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return False
    try:
        import PIL  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    listed = subprocess.run(
        [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    return "vie" in (listed.stdout + listed.stderr).split()


def ocr_pdf(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    tesseract = shutil.which("tesseract") or "tesseract"
    document = pdfium.PdfDocument(data)
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bmnn-ocr-") as folder:
        for index in range(len(document)):
            image_path = Path(folder) / f"page-{index}.png"
            document[index].render(scale=OCR_DPI / 72).to_pil().save(image_path)
            result = subprocess.run(
                [tesseract, str(image_path), "stdout", "-l", "vie"],
                capture_output=True,
                text=True,
                timeout=OCR_TIMEOUT_SECONDS,
                check=False,
            )
            texts.append(result.stdout)
    document.close()
    return texts
