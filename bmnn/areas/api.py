"""/api/v1/restricted-areas/ and /api/v1/meetings/ — read-only lists, same scoping as the pages."""

from __future__ import annotations

from typing import Any

from bmnn.api.framework import endpoint
from bmnn.areas import queries
from bmnn.lib.http import AuthedRequest

AREA_SCHEMA = {
    "type": "object",
    "properties": {k: {} for k in ("id", "kind", "name", "location", "decision_number", "signage")},
}
MEETING_SCHEMA = {
    "type": "object",
    "properties": {
        k: {} for k in ("id", "title", "level", "starts_on", "ends_on", "status", "unrecovered_documents")
    },
}


@endpoint(
    "GET",
    "/restricted-areas/",
    summary="Khu vực, địa điểm cấm của cơ quan",
    responses={200: {"type": "object", "properties": {"results": {"type": "array", "items": AREA_SCHEMA}}}},
)
def list_areas(request: AuthedRequest) -> tuple[int, Any]:
    rows = [
        {
            "id": a.pk,
            "kind": a.kind,
            "name": a.name,
            "location": a.location,
            "decision_number": a.decision_number,
            "signage": a.signage,
        }
        for a in queries.areas_for(request.user)
    ]
    return 200, {"results": rows}


@endpoint(
    "GET",
    "/meetings/",
    summary="Cuộc họp có nội dung BMNN trong phạm vi được tiếp cận (độ mật ≤ mức tiếp cận)",
    responses={
        200: {"type": "object", "properties": {"results": {"type": "array", "items": MEETING_SCHEMA}}}
    },
)
def list_meetings(request: AuthedRequest) -> tuple[int, Any]:
    rows = [
        {
            "id": m.pk,
            "title": m.title,
            "level": m.level,
            "starts_on": m.starts_on.isoformat(),
            "ends_on": m.ends_on.isoformat(),
            "status": m.status,
            "unrecovered_documents": m.documents.filter(recovered_on__isnull=True).count(),
        }
        for m in queries.meetings_for(request.user)[:1000]
    ]
    return 200, {"results": rows}
