"""What a scan run from the web or the API is fed with, for one reader: the numbers of the agency's
registered secret documents and the catalogs it may cite."""

from __future__ import annotations

from typing import Any

from bmnn.accounts import access
from bmnn.registry.models import ItemStatus, SecretItem
from bmnn.scanner import KnownNumbers, ScanOptions
from bmnn.scanner.catalog import AssistantMatcher
from bmnn.scanner.model import Level


def known_numbers_for(user: Any) -> KnownNumbers | None:
    """Numbers (số, ký hiệu) of every classified item of the reader's agency — deliberately not only
    those the reader may see: a file quoting a secret number must be stopped whoever uploads it. The
    list is hashed in memory, and each number carries its level only when the reader's clearance
    covers it, so a finding says "số của một tài liệu BMNN đã đăng ký" and nothing more about an item
    above the reader's clearance."""
    agency_id = getattr(user, "agency_id", None)
    if agency_id is None:
        return None
    rows = (
        SecretItem.objects.filter(agency_id=agency_id, status=ItemStatus.CLASSIFIED)
        .exclude(number="")
        .values_list("number", "level")
    )
    entries = [
        (number, Level(level) if access.may_access_level(user, level) else None) for number, level in rows
    ]
    return KnownNumbers.from_numbers(entries) if entries else None


def catalog_matcher_for(user: Any) -> AssistantMatcher | None:
    """The classification assistant over the catalogs in force the reader's agency may cite, if any."""
    from bmnn.catalog.queries import suggestion_index

    index, _rows = suggestion_index(user=user)
    return AssistantMatcher(index=index) if index.entries else None


def options_for(user: Any, *, redact: bool) -> ScanOptions:
    # Server side: no OCR of uploads by default would hide image-only files as clean; OCR stays on and
    # an image that cannot be read is CANNOT_VERIFY, never CLEAN.
    return ScanOptions(
        known_numbers=known_numbers_for(user), catalog=catalog_matcher_for(user), redact=redact
    )
