"""Small builders of office packages for the tests (raw XML, so every part can be placed)."""

from __future__ import annotations

import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_bytes(parts: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return buf.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def run(text: str, hidden: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def word_part(root: str, body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {W}>{body}</w:{root}>'


def docx(body: str, **parts: str) -> bytes:
    """A docx whose document body is ``body``; extra parts by file name (header2.xml=..., ...)."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="x"/>',
        "word/document.xml": word_part("document", f"<w:body>{body}</w:body>"),
    }
    for name, xml in parts.items():
        files[f"word/{name.replace('_', '.')}"] = xml
    return zip_bytes(files)


PLAIN_BODY = para(run("Báo cáo tình hình công tác năm 2025.")) + para(run("Nội dung bình thường."))
