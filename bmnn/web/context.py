from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bmnn import __version__
from bmnn.accounts import access
from bmnn.audit import ledger
from bmnn.inspections import queries as inspection_queries
from bmnn.lib import clock, levels
from bmnn.plans.permissions import may_read_reports_of

CLOCK_WATCHERS = {"admin", "security_officer", "head"}


def shell(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"BMNN_VERSION": __version__}
    clearance = access.effective_clearance(user)
    rollback = ledger.clock_rollback(clock.now()) if user.role in CLOCK_WATCHERS else None
    return {
        "clock_rollback_minutes": int(rollback.total_seconds() // 60) if rollback else None,
        "BMNN_VERSION": __version__,
        "effective_clearance": clearance,
        "effective_clearance_label": levels.label(clearance)
        if clearance != "none"
        else "Không tiếp cận BMNN",
        "nav": {
            "org": access.can_manage_org(user),
            "ledger": access.can_view_ledger(user),
            "reports": may_read_reports_of(user, user.agency_id),
            "inspections": inspection_queries.may_read(user),
            "incidents": user.role != "admin",  # separation of duties: the admin reads no secrets
        },
    }
