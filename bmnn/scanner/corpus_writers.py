"""Writers of the test corpus: one function per format, turning a generated document into bytes.

A document is a list of lines plus an optional stamp and where to put it. Office formats that no
installed library writes (pptx, odt/ods/odp, rtf) are assembled from their minimal XML.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

from bmnn.scanner.encodings import encode_cp1258, encode_tcvn3, encode_vni

# A TrueType font with Vietnamese letters is needed to write PDFs and pictures (Debian: fonts-dejavu-core).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
FONT = next((f for f in FONT_CANDIDATES if Path(f).exists()), "")


@dataclass
class Doc:
    lines: list[str]
    stamp: str | None = None  # text of the marking, inserted according to ``place``
    place: str = (
        "top"  # top | tabbed | header | box | split_runs | hidden | bottom | notes | master | hidden_sheet
    )
    extra: list[str] = field(default_factory=list)  # more stamp lines (e.g. "GIẢI MẬT") placed like ``stamp``

    def body_lines(self) -> list[str]:
        """Lines with the stamp(s) inline where the format has no better place for them."""
        marks = [m for m in [self.stamp, *self.extra] if m]
        if not marks or self.place in ("header", "box", "notes", "master", "hidden_sheet", "annotation"):
            return list(self.lines)
        if self.place == "bottom":
            return [*self.lines, *marks]
        if self.place == "tabbed":
            first = f"{self.lines[2]}\t\t\t{marks[0]}"
            return [*self.lines[:2], first, *marks[1:], *self.lines[3:]]
        return [*self.lines[:3], *marks, *self.lines[3:]]

    def marks(self) -> list[str]:
        return [m for m in [self.stamp, *self.extra] if m]


def write_txt(doc: Doc, encoding: str = "utf-8") -> bytes:
    text = "\n".join(doc.body_lines() + (doc.marks() if doc.place in ("header", "box") else []))
    if encoding == "tcvn3":
        return encode_tcvn3(text)
    if encoding == "vni":
        return encode_vni(text)
    if encoding == "cp1258":
        return encode_cp1258(text)
    if encoding == "utf-16":
        return text.encode("utf-16")
    return text.encode(encoding)


def write_html(doc: Doc) -> bytes:
    paras = "".join(f"<p>{escape(line)}</p>\n" for line in doc.body_lines())
    head = (
        "".join(f'<div class="dau-mat" style="color:red">{escape(m)}</div>' for m in doc.marks())
        if doc.place in ("header", "box")
        else ""
    )
    return f'<!doctype html><html><head><meta charset="utf-8"><title>Văn bản</title></head><body>{head}{paras}</body></html>'.encode()


def write_docx(doc: Doc) -> bytes:
    import docx
    from docx.shared import RGBColor

    d = docx.Document()
    marks = doc.marks()
    lines = doc.body_lines() if doc.place not in ("split_runs", "hidden") else list(doc.lines)
    for i, line in enumerate(lines):
        d.add_paragraph(line)
        if i == 2 and doc.place in ("split_runs", "hidden"):
            for mark in marks:
                p = d.add_paragraph()
                pieces = [mark[:2], mark[2:5], mark[5:]] if doc.place == "split_runs" else [mark]
                for piece in pieces:
                    run = p.add_run(piece)
                    run.font.color.rgb = RGBColor(0xC0, 0, 0)
                    run.font.hidden = doc.place == "hidden"
    if doc.place == "header":
        header = d.sections[0].header
        header.paragraphs[0].text = marks[0]
        for mark in marks[1:]:
            header.add_paragraph(mark)
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    return _docx_add_textbox(data, marks) if doc.place == "box" else data


_TEXTBOX = (
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
    '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
    "{paras}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>{paras}</w:txbxContent>'
    "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def _docx_add_textbox(data: bytes, marks: list[str]) -> bytes:
    paras = "".join(f"<w:p><w:r><w:t>{escape(m)}</w:t></w:r></w:p>" for m in marks)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:body>", b"<w:body>" + _TEXTBOX.format(paras=paras).encode(), 1)
            dst.writestr(info, part)
    return out.getvalue()


def write_xlsx(doc: Doc) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    for i, line in enumerate(doc.lines, 1):
        ws.cell(row=i, column=1, value=line)
    marks = doc.marks()
    if marks and doc.place == "header":
        ws.oddHeader.right.text = marks[0]
    elif marks and doc.place == "hidden_sheet":
        hidden = wb.create_sheet("Ghi chú")
        hidden.sheet_state = "hidden"
        for i, mark in enumerate(marks, 1):
            hidden.cell(row=i, column=2, value=mark)
    elif marks:
        for i, mark in enumerate(marks, 1):
            ws.cell(row=i, column=5, value=mark)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _pptx_shape_xml(root: str, lines: list[str]) -> str:
    paras = "".join(f"<a:p><a:r><a:t>{escape(line)}</a:t></a:r></a:p>" for line in lines)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><p:{root} xmlns:p="{_P}" xmlns:a="{_A}"><p:cSld><p:spTree>'
        f"<p:sp><p:txBody>{paras}</p:txBody></p:sp></p:spTree></p:cSld></p:{root}>"
    )


def write_pptx(doc: Doc) -> bytes:
    marks = doc.marks()
    slide_lines = doc.body_lines() if doc.place not in ("notes", "master") else list(doc.lines)
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "ppt/presentation.xml": f'<?xml version="1.0"?><p:presentation xmlns:p="{_P}"/>',
        "ppt/slides/slide1.xml": _pptx_shape_xml("sld", slide_lines[: len(slide_lines) // 2]),
        "ppt/slides/slide2.xml": _pptx_shape_xml("sld", slide_lines[len(slide_lines) // 2 :]),
        "ppt/slideMasters/slideMaster1.xml": _pptx_shape_xml(
            "sldMaster", marks if doc.place == "master" else []
        ),
    }
    if doc.place == "notes":
        parts["ppt/notesSlides/notesSlide1.xml"] = _pptx_shape_xml("notes", marks)
    return _zip(parts)


def _zip(parts: dict[str, str | bytes], first_stored: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        if first_stored:
            zf.writestr(
                zipfile.ZipInfo(first_stored), parts.pop(first_stored), compress_type=zipfile.ZIP_STORED
            )
        for name, content in parts.items():
            zf.writestr(name, content)
    return buf.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def write_odf(doc: Doc, kind: str) -> bytes:
    lines = doc.body_lines() if doc.place != "header" else list(doc.lines)
    paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    if kind == "ods":
        rows = "".join(
            f"<table:table-row><table:table-cell><text:p>{escape(x)}</text:p></table:table-cell></table:table-row>"
            for x in lines
        )
        body = (
            f'<office:spreadsheet><table:table table:name="Trang1">{rows}</table:table></office:spreadsheet>'
        )
    elif kind == "odp":
        body = f'<office:presentation><draw:page draw:name="Trang 1"><draw:frame><draw:text-box>{paras}</draw:text-box></draw:frame></draw:page></office:presentation>'
    else:
        body = f"<office:text>{paras}</office:text>"
    header = "".join(f"<text:p>{escape(m)}</text:p>" for m in doc.marks()) if doc.place == "header" else ""
    mime = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}[kind]
    parts: dict[str, str | bytes] = {
        "mimetype": f"application/vnd.oasis.opendocument.{mime}",
        "content.xml": f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}><office:body>{body}</office:body></office:document-content>',
        "styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODF_NS}><office:master-styles><style:master-page><style:header>{header}</style:header></style:master-page></office:master-styles></office:document-styles>',
    }
    return _zip(parts, first_stored="mimetype")


def write_pdf(doc: Doc, pages: int = 1) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    lines = doc.body_lines() if doc.place != "annotation" else list(doc.lines)
    for page in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line.replace("\t", "    "), new_x="LMARGIN", new_y="NEXT")
        if doc.place == "annotation" and page == 0:
            for mark in doc.marks():
                pdf.text_annotation(150, 20, mark)
    return bytes(pdf.output())


def write_rtf(doc: Doc) -> bytes:
    def enc(line: str) -> str:
        return "".join(
            c if ord(c) < 128 and c not in "\\{}" else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
            for c in line
        )

    body = "".join(enc(line) + "\\par\n" for line in doc.body_lines())
    header = (
        "{\\header " + "".join(enc(m) + "\\par " for m in doc.marks()) + "}" if doc.place == "header" else ""
    )
    return (
        "{\\rtf1\\ansi\\ansicpg1258\\uc1{\\fonttbl{\\f0 Times New Roman;}}" + header + "\\f0 " + body + "}"
    ).encode("ascii")


def write_eml(body: str, attachment_name: str, attachment: bytes) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "Gửi tài liệu"
    msg["From"] = "vanthu@example.invalid"
    msg["To"] = "nhan@example.invalid"
    msg.set_content(body)
    msg.add_attachment(attachment, maintype="application", subtype="octet-stream", filename=attachment_name)
    return bytes(msg)


def write_zip(members: dict[str, bytes]) -> bytes:
    return _zip(dict(members))
