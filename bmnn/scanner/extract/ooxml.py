"""Word, Excel and PowerPoint (OOXML) packages, read part by part from the raw XML.

python-docx and openpyxl skip much of what can carry a stamp: text boxes, headers of later sections,
footnotes, comments, tracked deletions, hidden runs, field codes. Reading every XML part directly sees
them all; any part not specifically understood still has its text read (nothing silently dropped).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable

from bmnn.scanner.extract.base import Extraction, Unreadable
from bmnn.scanner.extract.xmlsafe import local, parse
from bmnn.scanner.extract.zipsafe import members, read_member

NestedScan = Callable[[str, bytes, tuple[str, ...]], None]
_NUM = re.compile(r"(\d+)")
_SKIP_PART = re.compile(
    r"(\.rels$|^\[Content_Types\]\.xml$|theme/|styles\.xml$|calcChain\.xml$|fontTable|settings\.xml$|webSettings|numbering\.xml$|presProps|viewProps|tableStyles)"
)
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf")


def _natural(name: str) -> list[object]:
    return [int(p) if p.isdigit() else p for p in _NUM.split(name)]


class _WordWalker:
    """Turns a WordprocessingML part into one chunk per paragraph (table cells and boxes included)."""

    def __init__(self, ex: Extraction, loc: tuple[str, ...], kind: str) -> None:
        self.ex, self.loc, self.kind = ex, loc, kind
        self.paras = 0
        self.tables = 0

    def walk(self, elem: ET.Element, kind: str, cell: tuple[str, ...] = ()) -> None:
        for child in elem:
            name = local(child.tag)
            if name == "p":
                self._para(child, kind, cell)
            elif name == "tbl":
                self._table(child, kind)
            elif name != "Fallback":
                self.walk(child, kind, cell)

    def _table(self, tbl: ET.Element, kind: str) -> None:
        self.tables += 1
        rows = [r for r in tbl if local(r.tag) == "tr"]
        for r_i, row in enumerate(rows, 1):
            cells = [c for c in row if local(c.tag) == "tc"]
            for c_i, cell in enumerate(cells, 1):
                self.walk(cell, kind, (f"bảng {self.tables}", f"hàng {r_i}, ô {c_i}"))

    def _para(self, p: ET.Element, kind: str, cell: tuple[str, ...]) -> None:
        self.ex.check()
        buf: list[str] = []
        flags: set[str] = set()
        boxes: list[ET.Element] = []
        _collect(p, buf, flags, boxes)
        self.paras += 1
        where = (*cell, f"đoạn {self.paras}") if cell else (f"đoạn {self.paras}",)
        notes = [
            n for n, f in (("(chữ ẩn)", "hidden"), ("(đã xóa, theo dõi thay đổi)", "deleted")) if f in flags
        ]
        if notes:
            where = (*where, " ".join(notes))
        self.ex.add("".join(buf), self.loc + where, kind=kind, order=self.paras)
        for box in boxes:
            self.walk(box, "box", ("hộp văn bản",))


def _collect(elem: ET.Element, buf: list[str], flags: set[str], boxes: list[ET.Element]) -> None:
    for child in elem:
        name = local(child.tag)
        if name in ("t", "instrText", "delText", "delInstrText"):
            buf.append(child.text or "")
            if name.startswith("del"):
                flags.add("deleted")
        elif name == "tab":
            buf.append("\t")
        elif name in ("br", "cr"):
            buf.append("\n")
        elif name == "vanish":
            flags.add("hidden")
        elif name == "txbxContent":
            boxes.append(child)
        elif name != "Fallback":
            _collect(child, buf, flags, boxes)


def _drawing_paras(root: ET.Element, ex: Extraction, loc: tuple[str, ...], kind: str) -> None:
    """DrawingML / generic parts: one chunk per <a:p> (or per text-bearing element if none)."""
    order = 0
    paras = [e for e in root.iter() if local(e.tag) == "p"]
    if not paras:
        for elem in root.iter():
            if elem.text and elem.text.strip():
                order += 1
                ex.add(elem.text, (*loc, local(elem.tag)), kind=kind, order=order)
        return
    for para in paras:
        ex.check()
        parts = [
            (e.text or "") if local(e.tag) == "t" else "\n"
            for e in para.iter()
            if local(e.tag) in ("t", "br")
        ]
        order += 1
        ex.add("".join(parts), (*loc, f"đoạn {order}"), kind=kind, order=order)


def _properties(root: ET.Element, ex: Extraction, loc: tuple[str, ...]) -> None:
    for elem in root.iter():
        if elem.text and elem.text.strip() and len(elem) == 0:
            ex.add(elem.text, (*loc, f"thuộc tính {local(elem.tag)}"), kind="meta")


def _word_part(name: str) -> tuple[str, str] | None:
    """(label, kind) for a WordprocessingML part, or None if it is not one."""
    base = name.rsplit("/", 1)[-1]
    table = (
        ("document", "nội dung", "body"),
        ("header", "đầu trang", "margin"),
        ("footer", "chân trang", "margin"),
        ("footnotes", "chú thích cuối trang", "note"),
        ("endnotes", "chú thích cuối văn bản", "note"),
        ("comments", "nhận xét", "comment"),
    )
    if not name.startswith("word/"):
        return None
    for prefix, label, kind in table:
        if base.startswith(prefix) and base.endswith(".xml"):
            return (label if prefix == "document" else f"{label} ({base})", kind)
    return None


def _pptx_part(name: str) -> tuple[str, str] | None:
    patterns = (
        (r"ppt/slides/slide(\d+)\.xml$", "trang chiếu {}", "body"),
        (r"ppt/notesSlides/notesSlide(\d+)\.xml$", "ghi chú trang chiếu {}", "note"),
        (r"ppt/slideMasters/slideMaster(\d+)\.xml$", "trang chiếu cái {}", "margin"),
        (r"ppt/slideLayouts/slideLayout(\d+)\.xml$", "bố cục {}", "margin"),
        (r"ppt/comments/.*?(\d*)\.xml$", "nhận xét {}", "comment"),
    )
    for pattern, label, kind in patterns:
        m = re.match(pattern, name)
        if m:
            return label.format(m.group(1)).strip(), kind
    return None


def extract_ooxml(zf: zipfile.ZipFile, ex: Extraction, loc: tuple[str, ...], nested: NestedScan) -> str:
    """Read every part of a docx/xlsx/pptx package; return the format name."""
    infos = members(zf, ex)
    names = {i.filename for i in infos}
    fmt = "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else "pptx"
    if "xl/workbook.xml" in names:
        from bmnn.scanner.extract.xlsx import extract_xlsx

        handled = extract_xlsx(zf, ex, loc)
    else:
        handled = set()
    for info in sorted(infos, key=lambda i: _natural(i.filename)):
        if info.filename in handled:
            continue
        _ooxml_member(zf, info, ex, loc, nested)
    return fmt


def _ooxml_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, ex: Extraction, loc: tuple[str, ...], nested: NestedScan
) -> None:
    name = info.filename
    here = (*loc, name)
    lower = name.lower()
    if _SKIP_PART.search(name) or lower.startswith("docprops/thumbnail"):
        return  # a thumbnail renders page 1, whose text is read anyway
    try:
        data = read_member(zf, info, ex, here)
        if lower.endswith(_IMAGE_EXT) or "/embeddings/" in lower or not lower.endswith((".xml", ".vml")):
            nested(name, data, loc)
        else:
            _xml_part(name, parse(data), ex, loc)
    except Unreadable as exc:
        ex.problem(exc.code, exc.message, here)


def _xml_part(name: str, root: ET.Element, ex: Extraction, loc: tuple[str, ...]) -> None:
    word = _word_part(name)
    if word:
        label, kind = word
        _WordWalker(ex, (*loc, label), kind).walk(root, kind)
        return
    if name.startswith("docProps/"):
        _properties(root, ex, (*loc, "thuộc tính tài liệu"))
        return
    slide = _pptx_part(name)
    if slide:
        label, kind = slide
        _drawing_paras(root, ex, (*loc, label), kind)
        return
    kind = "box" if "drawings/" in name or "diagrams/" in name else "body"
    _drawing_paras(root, ex, (*loc, name), kind)
