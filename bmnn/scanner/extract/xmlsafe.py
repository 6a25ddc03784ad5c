"""XXE-safe XML parsing with the standard library.

Office files are zip packages of XML. A DTD is never needed in them, and it is what both external
entities (XXE) and entity expansion ("billion laughs") need, so any document with a DOCTYPE is refused
instead of parsed. Expat in the standard library does not fetch external resources.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from bmnn.scanner.extract.base import Unreadable


def parse(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise Unreadable("unsafe_xml", "Tệp XML có khai báo DTD/ENTITY, bị từ chối vì lý do an toàn (XXE)")
    try:
        return ET.fromstring(data)  # noqa: S314 - DTDs were rejected above # nosec B314
    except ET.ParseError as exc:
        raise Unreadable("corrupt", f"XML hỏng: {exc}") from exc


@functools.lru_cache(maxsize=4096)
def local(tag: str) -> str:
    """Tag name without its namespace (cached: a document repeats a few dozen tags)."""
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def all_text(elem: ET.Element) -> str:
    return "".join(elem.itertext())
