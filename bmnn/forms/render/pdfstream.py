"""A PDF writer that streams pages to the output as they are finished (pure Python + fontTools).

fpdf2 keeps every page of a document in memory until ``output()``; a register book of 50,000 rows
would grow to hundreds of MiB that way. This writer holds one page at a time: each finished page is
compressed and written at once, and only its object offset is kept. Fonts are embedded at the end as
subsets of the glyphs actually used (glyph ids kept, so pages written earlier stay valid). The page
count, unknown until the last row, is a form XObject written last and referenced by every footer.

Coordinates are in millimetres from the top-left corner, like fpdf2, and converted here.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fontTools import subset
from fontTools.ttLib import TTFont

MM = 72 / 25.4  # points per millimetre
SUBSET_TAG = "BMNNAA"
# The subsetter warns about FontForge's private timestamp table (FFTM), which a PDF never needs.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


@dataclass
class _Font:
    """One embedded TrueType font: advance widths and glyph ids per character, and the glyphs used."""

    name: str
    path: Path
    object_id: int
    advances: dict[int, float] = field(default_factory=dict)  # code point → advance per 1 pt of size
    gids: dict[int, int] = field(default_factory=dict)
    used: dict[int, int] = field(default_factory=dict)  # glyph id → code point (for ToUnicode)

    def load(self) -> None:
        font = TTFont(str(self.path), lazy=True)
        upm = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        for code, glyph in font.getBestCmap().items():
            self.gids[code] = font.getGlyphID(glyph)
            self.advances[code] = metrics[glyph][0] / upm
        self._notdef = metrics[font.getGlyphOrder()[0]][0] / upm
        font.close()

    def width_pt(self, text: str, size: float) -> float:
        get, notdef = self.advances.get, self._notdef
        return sum(get(ord(ch), notdef) for ch in text) * size

    def encode(self, text: str) -> bytes:
        out = []
        for ch in text:
            code = ord(ch)
            gid = self.gids.get(code, 0)
            if gid:
                self.used.setdefault(gid, code)
            out.append(f"{gid:04X}")
        return ("<" + "".join(out) + ">").encode("ascii")


class StreamPdf:
    """Pages drawn one at a time and written at once; call ``close()`` to finish the file."""

    def __init__(self, out: BinaryIO, *, width_mm: float, height_mm: float, fonts: dict[str, Path],
                 title: str = "") -> None:  # fmt: skip
        self._out, self._pos = out, 0
        self.w, self.h = width_mm, height_mm
        self._offsets: dict[int, int] = {}
        self._next_id = 1
        self._pages: list[int] = []
        self._ops: list[bytes] | None = None
        self.title = title
        self._total_at: tuple[float, float, str, float] | None = None
        self.pages_id, self.resources_id, self.total_id = self._reserve(), self._reserve(), self._reserve()
        self.fonts = {
            style: _Font(f"F{i}", path, self._reserve()) for i, (style, path) in enumerate(fonts.items())
        }
        for font in self.fonts.values():
            font.load()
        self._emit(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # -- low-level output -------------------------------------------------------------------------
    def _reserve(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _emit(self, data: bytes) -> None:
        self._out.write(data)
        self._pos += len(data)

    def _object(self, object_id: int, body: bytes, stream: bytes | None = None) -> None:
        self._offsets[object_id] = self._pos
        self._emit(f"{object_id} 0 obj\n".encode())
        if stream is None:
            self._emit(body + b"\nendobj\n")
            return
        self._emit(body[:-2] + f" /Length {len(stream)} >>\nstream\n".encode())
        self._emit(stream + b"\nendstream\nendobj\n")

    # -- pages ------------------------------------------------------------------------------------
    @property
    def page_no(self) -> int:
        return len(self._pages) + (1 if self._ops is not None else 0)

    def add_page(self, on_page: Callable[[StreamPdf], None] | None = None) -> None:
        self.end_page()
        self._ops = []
        if on_page is not None:
            on_page(self)

    def end_page(self) -> None:
        if self._ops is None:
            return
        content = zlib.compress(b"\n".join(self._ops))
        self._ops = None
        content_id, page_id = self._reserve(), self._reserve()
        self._object(content_id, b"<< /Filter /FlateDecode >>", content)
        box = f"[0 0 {self.w * MM:.2f} {self.h * MM:.2f}]"
        self._object(page_id, (f"<< /Type /Page /Parent {self.pages_id} 0 R /MediaBox {box} "
                               f"/Resources {self.resources_id} 0 R /Contents {content_id} 0 R >>").encode())  # fmt: skip
        self._pages.append(page_id)

    # -- drawing ----------------------------------------------------------------------------------
    def width(self, text: str, style: str, size: float) -> float:
        """Width in mm of ``text`` at ``size`` pt (no kerning, as fpdf2 by default)."""
        return self.fonts[style].width_pt(text, size) / MM

    def text(self, x: float, y: float, text: str, *, style: str = "", size: float = 10,
             colour: tuple[int, int, int] = (0, 0, 0)) -> None:  # fmt: skip
        """``text`` with its baseline at ``y`` mm from the top, starting ``x`` mm from the left."""
        assert self._ops is not None
        font = self.fonts[style]
        rgb = " ".join(f"{c / 255:.3f}" for c in colour)
        self._ops.append(
            f"BT /{font.name} {size:.2f} Tf {rgb} rg {x * MM:.2f} {(self.h - y) * MM:.2f} Td ".encode()
            + font.encode(text) + b" Tj ET"
        )  # fmt: skip

    def rect(self, x: float, y: float, w: float, h: float, *, fill: tuple[int, int, int] | None = None,
             line_mm: float = 0.2) -> None:  # fmt: skip
        assert self._ops is not None
        box = f"{x * MM:.2f} {(self.h - y - h) * MM:.2f} {w * MM:.2f} {h * MM:.2f} re"
        if fill is None:
            self._ops.append(f"{line_mm * MM:.2f} w {box} S".encode())
            return
        rgb = " ".join(f"{c / 255:.3f}" for c in fill)
        self._ops.append(f"{line_mm * MM:.2f} w {rgb} rg {box} B 0 0 0 rg".encode())

    def page_total(self, x: float, y: float, *, style: str = "", size: float = 9) -> None:
        """Draw the total page count (known only at ``close()``) with its baseline at (x, y).

        The position must be the same on every page: the count is one form XObject drawn in page
        coordinates (an identity matrix keeps text extraction reading "Trang 3/120" as one line)."""
        assert self._ops is not None
        placed = (x, y, style, size)
        if self._total_at not in (None, placed):
            raise ValueError("page_total must be drawn at the same place on every page")
        self._total_at = placed
        self._ops.append(b"/TP Do")

    # -- finishing --------------------------------------------------------------------------------
    def close(self) -> int:
        """Write the page count, fonts, page tree and cross-reference table; returns the page count."""
        self.end_page()
        total = len(self._pages)
        x, y, style, size = self._total_at or (0.0, 0.0, "", 9.0)
        font = self.fonts[style]
        ops = (f"BT /{font.name} {size:.2f} Tf 0 0 0 rg {x * MM:.2f} {(self.h - y) * MM:.2f} Td ".encode()
               + font.encode(str(total)) + b" Tj ET")  # fmt: skip
        box = f"[0 0 {self.w * MM:.2f} {self.h * MM:.2f}]"
        self._object(self.total_id, (f"<< /Type /XObject /Subtype /Form /BBox {box} "
                                     f"/Resources {self.resources_id} 0 R >>").encode(), ops)  # fmt: skip
        names = " ".join(f"/{f.name} {f.object_id} 0 R" for f in self.fonts.values())
        self._object(
            self.resources_id, f"<< /Font << {names} >> /XObject << /TP {self.total_id} 0 R >> >>".encode()
        )
        for font in self.fonts.values():
            self._embed(font)
        kids = " ".join(f"{p} 0 R" for p in self._pages)
        self._object(self.pages_id, f"<< /Type /Pages /Kids [{kids}] /Count {total} >>".encode())
        catalog, info = self._reserve(), self._reserve()
        self._object(catalog, f"<< /Type /Catalog /Pages {self.pages_id} 0 R >>".encode())
        self._object(info, b"<< /Title " + _utf16(self.title) + b" /Creator (bmnn) >>")
        self._xref(catalog, info)
        return total

    def _xref(self, catalog: int, info: int) -> None:
        start, size = self._pos, self._next_id
        lines = [f"xref\n0 {size}\n0000000000 65535 f \n"]
        lines += [f"{self._offsets[i]:010d} 00000 n \n" for i in range(1, size)]
        self._emit("".join(lines).encode())
        self._emit(f"trailer\n<< /Size {size} /Root {catalog} 0 R /Info {info} 0 R >>\n"
                   f"startxref\n{start}\n%%EOF\n".encode())  # fmt: skip

    def _embed(self, font: _Font) -> None:
        """Type0 / CIDFontType2 with Identity-H: glyph ids are the character codes, as encoded."""
        tt = TTFont(str(font.path))
        upm, base = tt["head"].unitsPerEm, f"{SUBSET_TAG}+{_ps_name(tt)}"
        descendant, descriptor, file_id, cmap_id = (self._reserve() for _ in range(4))
        scale = 1000 / upm
        widths = " ".join(
            f"{gid} [{tt['hmtx'].metrics[tt.getGlyphName(gid)][0] * scale:.0f}]" for gid in sorted(font.used)
        )
        head, hhea = tt["head"], tt["hhea"]
        bbox = " ".join(f"{v * scale:.0f}" for v in (head.xMin, head.yMin, head.xMax, head.yMax))
        italic = "-12" if "Italic" in font.path.name else "0"
        self._object(font.object_id, (f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
                                      f"/DescendantFonts [{descendant} 0 R] /ToUnicode {cmap_id} 0 R >>").encode())  # fmt: skip
        self._object(descendant, (f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} /CIDSystemInfo "
                                  f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                                  f"/FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /W [{widths}] >>").encode())  # fmt: skip
        self._object(descriptor, (f"<< /Type /FontDescriptor /FontName /{base} /Flags 34 /FontBBox [{bbox}] "
                                  f"/ItalicAngle {italic} /Ascent {hhea.ascent * scale:.0f} "
                                  f"/Descent {hhea.descent * scale:.0f} /CapHeight {hhea.ascent * scale:.0f} "
                                  f"/StemV 80 /FontFile2 {file_id} 0 R >>").encode())  # fmt: skip
        data = zlib.compress(_subset(tt, set(font.used)))
        self._object(file_id, b"<< /Filter /FlateDecode >>", data)
        self._object(cmap_id, b"<< /Filter /FlateDecode >>", _to_unicode(font.used))
        tt.close()


def _ps_name(tt: TTFont) -> str:
    name = tt["name"].getDebugName(6) or "BmnnSerif"
    return "".join(ch for ch in name if ch.isalnum() or ch == "-")


def _subset(tt: TTFont, gids: set[int]) -> bytes:
    """The font reduced to the glyphs used; glyph ids are kept so the pages' codes stay valid."""
    options = subset.Options()
    options.retain_gids = True
    options.notdef_outline = True
    options.layout_features = []
    options.name_IDs = ["*"]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(gids | {0}))
    subsetter.subset(tt)
    buffer = io.BytesIO()
    tt.save(buffer)
    return buffer.getvalue()


def _to_unicode(used: dict[int, int]) -> bytes:
    """The ToUnicode CMap, so text copied or extracted from the PDF is the Vietnamese that was printed."""
    lines = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             "1 begincodespacerange <0000> <FFFF> endcodespacerange"]  # fmt: skip
    pairs = sorted(used.items())
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04X}> <{_utf16_hex(chr(code))}>" for gid, code in chunk]
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return zlib.compress("\n".join(lines).encode("ascii"))


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _utf16(text: str) -> bytes:
    return b"<FEFF" + _utf16_hex(text).encode("ascii") + b">"
