"""Excel workbooks: every sheet (hidden and very hidden too), cells, headers/footers, comments."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile

from bmnn.scanner.extract.base import Extraction, Unreadable
from bmnn.scanner.extract.xmlsafe import local, parse
from bmnn.scanner.extract.zipsafe import read_member

_HF_CODES = re.compile(r'&"[^"]*"|&\d+|&[A-Za-z&]')
_HF_SECTION = re.compile(r"&[LCR]")
_STATE = {"hidden": " (ẩn)", "veryHidden": " (ẩn sâu)"}


def _read(zf: zipfile.ZipFile, name: str, ex: Extraction, loc: tuple[str, ...]) -> ET.Element | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    return parse(read_member(zf, info, ex, (*loc, name)))


def _shared_strings(root: ET.Element | None) -> list[str]:
    if root is None:
        return []
    out = []
    for si in root:
        out.append(
            "".join(t.text or "" for t in si.iter() if local(t.tag) == "t" and not _in_phonetic(si, t))
        )
    return out


def _in_phonetic(si: ET.Element, target: ET.Element) -> bool:
    return any(target in list(r.iter()) for r in si if local(r.tag) == "rPh")


def _sheet_targets(zf: zipfile.ZipFile, ex: Extraction, loc: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """[(sheet name with state, part path, rid)] in workbook order."""
    wb = _read(zf, "xl/workbook.xml", ex, loc)
    rels = _read(zf, "xl/_rels/workbook.xml.rels", ex, loc)
    targets: dict[str, str] = {}
    for rel in rels if rels is not None else []:
        target = rel.get("Target", "")
        path = (
            target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        )
        targets[rel.get("Id", "")] = path
    out = []
    for elem in wb.iter() if wb is not None else []:
        if local(elem.tag) == "sheet":
            rid = next((v for k, v in elem.attrib.items() if local(k) == "id"), "")
            label = f"trang tính '{elem.get('name', '?')}'{_STATE.get(elem.get('state', ''), '')}"
            out.append((label, targets.get(rid, ""), rid))
    return out


def _cell_text(cell: ET.Element, shared: list[str]) -> str:
    kind = cell.get("t", "")
    parts: list[str] = []
    for child in cell:
        name = local(child.tag)
        if name == "v" and child.text:
            if kind == "s" and child.text.strip().isdigit():
                idx = int(child.text)
                parts.append(shared[idx] if idx < len(shared) else "")
            else:
                parts.append(child.text)
        elif name == "is":
            parts.append("".join(t.text or "" for t in child.iter() if local(t.tag) == "t"))
        elif name == "f" and child.text:
            parts.append(" =" + child.text)
    return "".join(parts)


def _sheet(root: ET.Element, shared: list[str], ex: Extraction, loc: tuple[str, ...]) -> None:
    row_no = 0
    for elem in root.iter():
        name = local(elem.tag)
        if name == "row":
            ex.check()
            row_no = int(elem.get("r", row_no + 1) or row_no + 1)
        elif name == "c":
            ex.add(_cell_text(elem, shared), (*loc, f"ô {elem.get('r', '?')}"), order=row_no)
        elif name in ("oddHeader", "evenHeader", "firstHeader", "oddFooter", "evenFooter", "firstFooter"):
            text = _HF_CODES.sub("", _HF_SECTION.sub("\t", elem.text or ""))
            ex.add(text, (*loc, "đầu/chân trang in"), kind="margin")


def extract_xlsx(zf: zipfile.ZipFile, ex: Extraction, loc: tuple[str, ...]) -> set[str]:
    """Read sheets through the workbook; return the parts handled here."""
    handled = {"xl/workbook.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels"}
    shared = _shared_strings(_read(zf, "xl/sharedStrings.xml", ex, loc))
    for label, path, _rid in _sheet_targets(zf, ex, loc):
        if not path.endswith(".xml"):
            continue
        handled.add(path)
        try:
            root = _read(zf, path, ex, loc)
        except Unreadable as exc:
            ex.problem(exc.code, exc.message, (*loc, label))
            continue
        if root is not None:
            _sheet(root, shared, ex, (*loc, label))
    return handled
