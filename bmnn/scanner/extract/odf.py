"""OpenDocument (odt, ods, odp): content, styles (page headers/footers, master pages) and meta."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from bmnn.scanner.extract.base import Extraction, Unreadable
from bmnn.scanner.extract.ooxml import NestedScan
from bmnn.scanner.extract.xmlsafe import local, parse
from bmnn.scanner.extract.zipsafe import members, read_member

_PARTS = {"content.xml": ("nội dung", "body"), "styles.xml": ("kiểu trang, đầu/chân trang", "margin")}
_CONTAINERS = {"table": "bảng", "page": "trang chiếu", "frame": "khung"}


def _para_text(elem: ET.Element) -> str:
    out: list[str] = [elem.text or ""]
    for child in elem:
        name = local(child.tag)
        if name == "s":
            out.append(" " * int(child.get("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}c", "1") or 1))
        elif name == "tab":
            out.append("\t")
        elif name == "line-break":
            out.append("\n")
        elif name not in ("note", "annotation"):
            out.append(_para_text(child))
        out.append(child.tail or "")
    return "".join(out)


class _OdfWalker:
    def __init__(self, ex: Extraction, loc: tuple[str, ...], kind: str) -> None:
        self.ex, self.loc, self.kind = ex, loc, kind
        self.order = 0

    def walk(self, elem: ET.Element, where: tuple[str, ...], kind: str) -> None:
        for child in elem:
            name = local(child.tag)
            if name in ("p", "h"):
                self.ex.check()
                self.order += 1
                self.ex.add(_para_text(child), (*self.loc, *where, f"đoạn {self.order}"), kind, self.order)
                self.walk_notes(child, where)
            elif name in ("header", "footer", "header-left", "footer-left"):
                self.walk(child, (*where, name), "margin")
            elif name in ("annotation", "note"):
                self.walk(child, (*where, "ghi chú"), "comment")
            elif name in _CONTAINERS:
                label = f"{_CONTAINERS[name]} '{_attr(child, 'name')}'"
                self.walk(child, (*where, label), "box" if name == "frame" else kind)
            else:
                self.walk(child, where, kind)

    def walk_notes(self, para: ET.Element, where: tuple[str, ...]) -> None:
        for child in para.iter():
            if local(child.tag) in ("note", "annotation"):
                self.walk(child, (*where, "ghi chú"), "note")


def _attr(elem: ET.Element, name: str) -> str:
    return next((v for k, v in elem.attrib.items() if local(k) == name), "")


def extract_odf(zf: zipfile.ZipFile, ex: Extraction, loc: tuple[str, ...], nested: NestedScan) -> str:
    fmt = "odf"
    for info in members(zf, ex):
        name = info.filename
        here = (*loc, name)
        try:
            data = read_member(zf, info, ex, here)
            if name == "mimetype":
                fmt = {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}.get(
                    data.decode("ascii", "replace").rsplit(".", 1)[-1].split("-")[0], "odf"
                )
            elif name in _PARTS:
                label, kind = _PARTS[name]
                _OdfWalker(ex, (*loc, label), kind).walk(parse(data), (), kind)
            elif name == "meta.xml":
                for elem in parse(data).iter():
                    if elem.text and elem.text.strip() and len(elem) == 0:
                        ex.add(elem.text, (*loc, "thuộc tính tài liệu", local(elem.tag)), kind="meta")
            elif (
                not name.endswith(".xml")
                and name != "manifest.rdf"
                and not name.startswith(("META-INF", "Thumbnails/"))
            ):
                nested(name, data, loc)
        except Unreadable as exc:
            ex.problem(exc.code, exc.message, here)
    return fmt
