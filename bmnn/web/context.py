from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bmnn import __version__
from bmnn.accounts import access
from bmnn.lib import levels
from bmnn.plans.permissions import may_read_reports_of


def shell(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"BMNN_VERSION": __version__}
    clearance = access.effective_clearance(user)
    return {
        "BMNN_VERSION": __version__,
        "effective_clearance": clearance,
        "effective_clearance_label": levels.label(clearance)
        if clearance != "none"
        else "Không tiếp cận BMNN",
        "nav": {
            "org": access.can_manage_org(user),
            "ledger": access.can_view_ledger(user),
            "reports": may_read_reports_of(user, user.agency_id),
        },
    }
