from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import render

from bmnn.accounts import access
from bmnn.assets.alerting import Alert
from bmnn.audit import ledger
from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.org.queries import current_authorities
from bmnn.registry.queries import due_queue
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
    if user.role in ALERT_READERS and agency is not None:
        today = clock.today()
        context["alerts"] = _alerts(agency, today)
        context["due_count"] = sum(1 for row in due_queue(user, today=today, days=30) if row.due_on <= today)
    return render(request, "web/dashboard.html", context)


# Who answers for the agency's protection work sees its warnings on the first page.
ALERT_READERS = {"head", "deputy", "security_officer"}
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _alerts(agency: object, today: dt.date) -> list[Alert]:
    """Warnings from devices, people and areas (each app's ``alerts``), most severe first."""
    from bmnn.areas.queries import alerts as area_alerts
    from bmnn.assets.queries import alerts as device_alerts
    from bmnn.people.queries import alerts as people_alerts

    found = [*device_alerts(agency, today), *people_alerts(agency, today), *area_alerts(agency, today)]
    return sorted(found, key=lambda a: (SEVERITY_ORDER.get(a.severity, 3), a.code))


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
