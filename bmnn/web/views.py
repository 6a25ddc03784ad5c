from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import render

from bmnn.accounts import access
from bmnn.audit import ledger
from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.org.queries import current_authorities
from bmnn.web.charts import bar_chart


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {"agency": user.agency}
    if user.position_id:
        context["authorities"] = current_authorities(user.position_id, clock.today())
    if access.can_view_ledger(user):
        context["ledger_head"] = ledger.head()
        context["ledger_count"] = LedgerEntry.objects.count()
        context["activity_svg"] = _activity_chart()
    agency = user.agency
    if access.can_manage_org(user) and agency is not None:
        context["org_counts"] = {
            "units": agency.units.count(),
            "positions": agency.positions.count(),
            "users": agency.users.count(),
        }
    return render(request, "web/dashboard.html", context)


def _activity_chart() -> str:
    today = clock.today()
    start = today - dt.timedelta(days=13)
    since = dt.datetime.combine(start, dt.time(), tzinfo=clock.VN_TZ)
    rows = (
        LedgerEntry.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=clock.VN_TZ))
        .values("day")
        .annotate(n=Count("seq"))
    )
    counts = {r["day"]: r["n"] for r in rows}
    days = [start + dt.timedelta(days=i) for i in range(14)]
    return bar_chart(
        [(d.strftime("%d/%m"), counts.get(d, 0)) for d in days], title="Số bản ghi nhật ký theo ngày"
    )
