"""Result types of the scanner: plain frozen dataclasses, JSON-ready, no Django."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

LOC_SEP = " › "


class Verdict(StrEnum):
    SECRET = "secret"  # noqa: S105 - a verdict, not a password
    DECLASSIFIED = "declassified"
    SUSPECT = "suspect"
    CLEAN = "clean"
    CANNOT_VERIFY = "cannot_verify"


VERDICT_LABELS = {
    Verdict.SECRET: "Có dấu bí mật nhà nước",
    Verdict.DECLASSIFIED: "Đã giải mật",
    Verdict.SUSPECT: "Nghi vấn, cần xem xét",
    Verdict.CLEAN: "Không phát hiện dấu hiệu",
    Verdict.CANNOT_VERIFY: "Không kiểm tra được",
}


class Level(StrEnum):
    TOP_SECRET = "top_secret"  # noqa: S105 - a level, not a password
    SECRET = "secret"  # noqa: S105 - a verdict, not a password
    CONFIDENTIAL = "confidential"


LEVEL_LABELS = {Level.TOP_SECRET: "Tuyệt mật", Level.SECRET: "Tối mật", Level.CONFIDENTIAL: "Mật"}
LEVEL_RANK = {Level.CONFIDENTIAL: 1, Level.SECRET: 2, Level.TOP_SECRET: 3}


class Effect(StrEnum):
    """What a finding says about the file, before its confidence is weighed."""

    SECRET = "secret"  # noqa: S105 - a verdict, not a password
    SUSPECT = "suspect"
    DECLASSIFIED = "declassified"


# A finding of effect SECRET below this confidence only makes the file SUSPECT.
SECRET_THRESHOLD = 0.8


@dataclass(frozen=True)
class Chunk:
    """A piece of extracted text and where it came from (file › part › page › paragraph)."""

    text: str
    loc: tuple[str, ...]
    kind: str = "body"  # body | margin | box | meta | comment | hidden | deleted | note | ocr
    order: int = 0  # index within its page/part: small means near the top
    # The UTF-8 bytes of ``text`` (set by Utf8Chunk: plain-text files searched as bytes). Not part of equality.
    utf8: bytes | None = field(default=None, compare=False, repr=False)


class Utf8Chunk(Chunk):
    """A plain-text file held as its (validated, NFC) UTF-8 bytes. The prefilter and the rules read the
    bytes and decode only candidate lines; ``text`` decodes everything, once, for whoever needs it all
    (known numbers, catalog, envelope context)."""

    def __init__(self, utf8: bytes, loc: tuple[str, ...], kind: str = "body", order: int = 0) -> None:
        for name, value in (("utf8", utf8), ("loc", loc), ("kind", kind), ("order", order)):
            object.__setattr__(self, name, value)  # frozen dataclass: the way its own __init__ does it

    @functools.cached_property
    def text(self) -> str:  # type: ignore[override]
        assert self.utf8 is not None
        return self.utf8.decode("utf-8")


@dataclass(frozen=True)
class Problem:
    """Why (part of) a file could not be read; any problem forbids a CLEAN verdict."""

    code: str  # encrypted | corrupt | too_large | timeout | image_only | unsupported | legacy | unsafe_xml
    message: str
    loc: tuple[str, ...] = ()
    blocking: bool = True  # False: reported, but the rest of the file was read (e.g. a logo not OCR'd)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "location": LOC_SEP.join(self.loc),
            "blocking": self.blocking,
        }


@dataclass
class Finding:
    rule_id: str
    effect: Effect
    confidence: float
    loc: tuple[str, ...]
    snippet: str
    match: str  # normalised matched text, used for the fingerprint
    message: str
    level: Level | None = None
    fingerprint: str = ""
    allowed: bool = False
    # For a catalog resemblance: the Danh mục item it resembles (decision, article, clause, point, level,
    # text); None for every other rule.
    citation: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "effect": str(self.effect),
            "confidence": round(self.confidence, 3),
            "level": str(self.level) if self.level else None,
            "location": LOC_SEP.join(self.loc),
            "snippet": self.snippet,
            "message": self.message,
            "fingerprint": self.fingerprint,
            "allowed": self.allowed,
            "citation": dict(self.citation) if self.citation else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule_id=str(data["rule"]),
            effect=Effect(data["effect"]),
            confidence=float(data["confidence"]),
            loc=tuple(str(data.get("location", "")).split(LOC_SEP)) if data.get("location") else (),
            snippet=str(data.get("snippet", "")),
            match="",
            message=str(data.get("message", "")),
            level=Level(data["level"]) if data.get("level") else None,
            fingerprint=str(data.get("fingerprint", "")),
            allowed=bool(data.get("allowed", False)),
            citation=dict(data["citation"]) if data.get("citation") else None,
        )


@dataclass(frozen=True)
class CatalogHit:
    """What a catalog matcher may return instead of a bare ``(label, similarity)`` pair: the Danh mục
    item with its citation parts, so a SUSPECT finding can cite it."""

    label: str  # "Điểm b khoản 1 Điều 2 Quyết định 2500/QĐ-TTg (Tối mật)"
    score: float  # 0..1, already judged by the matcher: the scanner applies no threshold of its own
    level: Level | None = None
    citation: dict[str, str] = field(default_factory=dict)


@dataclass
class FileResult:
    path: str
    verdict: Verdict
    level: Level | None = None
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    format: str = ""
    size: int = 0
    elapsed_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "verdict": str(self.verdict),
            "verdict_label": VERDICT_LABELS[self.verdict],
            "level": str(self.level) if self.level else None,
            "level_label": LEVEL_LABELS[self.level] if self.level else None,
            "format": self.format,
            "size": self.size,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "findings": [f.to_dict() for f in self.findings],
            "problems": [p.to_dict() for p in self.problems],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileResult:
        """Inverse of :meth:`to_dict` (enough to re-render a report; matched texts are not kept)."""
        return cls(
            path=str(data["path"]),
            verdict=Verdict(data["verdict"]),
            level=Level(data["level"]) if data.get("level") else None,
            findings=[Finding.from_dict(f) for f in data.get("findings", [])],
            problems=[
                Problem(
                    str(p["code"]),
                    str(p["message"]),
                    tuple(str(p["location"]).split(LOC_SEP)) if p.get("location") else (),
                    bool(p.get("blocking", True)),
                )
                for p in data.get("problems", [])
            ],
            format=str(data.get("format", "")),
            size=int(data.get("size", 0)),
            elapsed_ms=float(data.get("elapsed_ms", 0.0)),
        )


@dataclass
class ScanReport:
    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        counts = {str(v): 0 for v in Verdict}
        for result in self.files:
            counts[str(result.verdict)] += 1
        return {"total": len(self.files), "by_verdict": counts, "errors": list(self.errors)}

    def to_dict(self) -> dict[str, Any]:
        return {"files": [f.to_dict() for f in self.files], "summary": self.summary()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScanReport:
        return cls(
            files=[FileResult.from_dict(f) for f in data.get("files", [])],
            errors=[str(e) for e in data.get("summary", {}).get("errors", [])],
        )

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
