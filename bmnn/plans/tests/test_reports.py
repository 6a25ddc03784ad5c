"""Period reports: defaults from NĐ 26/2020 Điều 8, statistics filled in, narrative (a)–(d), print view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock
from bmnn.lib.testing import make_user
from bmnn.plans import services
from bmnn.plans.models import Report
from bmnn.plans.reporting import default_period

PARTS = {
    "part_a": "Tình hình ổn định",
    "part_b": "Đã tập huấn",
    "part_c": "Không có vụ lộ, mất",
    "part_d": "Đề xuất",
}


@pytest.mark.parametrize(
    ("today", "start", "end", "deadline"),
    [
        (dt.date(2025, 6, 1), dt.date(2024, 12, 15), dt.date(2025, 12, 14), dt.date(2025, 12, 20)),
        (dt.date(2025, 12, 18), dt.date(2024, 12, 15), dt.date(2025, 12, 14), dt.date(2025, 12, 20)),
        (dt.date(2025, 12, 21), dt.date(2025, 12, 15), dt.date(2026, 12, 14), dt.date(2026, 12, 20)),
    ],
)
def test_the_default_period_runs_from_15_12_to_14_12_due_20_12(today, start, end, deadline):
    period = default_period(today)
    assert (period.start, period.end, period.deadline) == (start, end, deadline)


def test_the_period_is_a_setting(settings):
    settings.BMNN_REPORT_PERIOD_START = "01/12"
    settings.BMNN_REPORT_DEADLINE = "10/12"
    period = default_period(dt.date(2026, 5, 1))
    assert (period.start, period.end, period.deadline) == (
        dt.date(2025, 12, 1),
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 10),
    )


def _period_now() -> tuple[dt.date, dt.date]:
    today = clock.today()
    return today - dt.timedelta(days=30), today + dt.timedelta(days=1)


@pytest.mark.django_db
def test_a_report_counts_the_periods_acts_and_plan_tasks(agency, officer, imported):
    start, end = _period_now()
    imported.year = end.year
    imported.save()
    services.mark_task_done(actor=officer, task=imported.tasks.first(), note="xong")
    before = LedgerEntry.objects.count()
    report = services.create_report(
        actor=officer,
        agency=agency,
        title="BC",
        period_start=start,
        period_end=end,
        deadline=None,
        recipient="CA",
    )
    assert LedgerEntry.objects.count() == before + 1
    assert report.statistics["events"]["plans.plan_imported"] == 1
    assert report.statistics["events"]["plans.task_done"] == 1
    assert report.statistics["tasks"]["done"] == 1
    assert report.statistics["tasks"]["total"] == imported.tasks.count()


@pytest.mark.django_db
def test_a_period_ending_before_it_starts_is_refused(agency, officer):
    before = LedgerEntry.objects.count()
    with pytest.raises(ValidationError):
        services.create_report(
            actor=officer,
            agency=agency,
            title="BC",
            period_start=dt.date(2026, 1, 2),
            period_end=dt.date(2026, 1, 1),
            deadline=None,
            recipient="",
        )
    assert Report.objects.count() == 0 and LedgerEntry.objects.count() == before


@pytest.mark.django_db
def test_a_report_is_finished_only_with_all_four_parts_and_then_frozen(agency, officer):
    start, end = _period_now()
    report = services.create_report(
        actor=officer,
        agency=agency,
        title="BC",
        period_start=start,
        period_end=end,
        deadline=None,
        recipient="",
    )
    with pytest.raises(ValidationError):
        services.update_report(actor=officer, report=report, parts={**PARTS, "part_c": ""}, finalize=True)
    report.refresh_from_db()
    assert report.status == "draft"
    services.update_report(actor=officer, report=report, parts=PARTS, finalize=True)
    assert LedgerEntry.objects.filter(event="plans.report_finalized").count() == 1
    with pytest.raises(ValidationError):
        services.update_report(actor=officer, report=report, parts=PARTS)


@pytest.mark.django_db
def test_report_pages_create_write_and_print(client, agency, officer):
    client.force_login(officer)
    page = client.get(reverse("plans:report_list")).content.decode()
    assert "15/12/" in page  # default period prefilled
    start, end = _period_now()
    created = client.post(
        reverse("plans:report_list"),
        {"title": "Báo cáo năm", "period_start": f"{start:%d/%m/%Y}", "period_end": f"{end:%d/%m/%Y}"},
    )
    report = Report.objects.get()
    assert created.url == reverse("plans:report_detail", args=[report.pk])
    client.post(created.url, PARTS)
    printed = client.get(reverse("plans:report_print", args=[report.pk])).content.decode()
    assert "Không có vụ lộ, mất" in printed and "DỰ THẢO" in printed and "<script" not in printed


@pytest.mark.django_db
def test_staff_neither_read_nor_create_reports(client, agency, office):
    client.force_login(make_user(agency, "chuyenvien", unit=office))
    assert client.get(reverse("plans:report_list")).status_code == 403
    response = client.post(reverse("plans:report_list"), {"title": "x"})
    assert response.status_code == 403 and Report.objects.count() == 0


@pytest.mark.django_db
def test_report_statistics_count_only_this_agencys_acts(agency, officer):
    from bmnn.lib.testing import make_agency
    from bmnn.plans.services.creating import PlanHeader

    start, end = _period_now()
    other = make_user(make_agency("Sở Khác"), "khac", role="security_officer", clearance="secret")
    services.create_plan(actor=other, agency=other.agency, header=PlanHeader(title="KH khác", year=end.year))
    report = services.create_report(
        actor=officer,
        agency=agency,
        title="BC",
        period_start=start,
        period_end=end,
        deadline=None,
        recipient="CA",
    )
    assert "plans.plan_created" not in report.statistics["events"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "allowed"), [("staff", False), ("clerk", False), ("inspector", True), ("security_officer", True)]
)
def test_reports_are_read_by_managers_and_inspectors_only(agency, officer, client, role, allowed):
    from bmnn.lib.testing import PASSWORD

    start, end = _period_now()
    report = services.create_report(
        actor=officer,
        agency=agency,
        title="BC",
        period_start=start,
        period_end=end,
        deadline=None,
        recipient="CA",
    )
    make_user(agency, "reader", role=role, clearance="secret")
    client.post("/accounts/login/", {"username": "reader", "password": PASSWORD})
    assert client.get(reverse("plans:report_list")).status_code == (200 if allowed else 403)
    detail = client.get(reverse("plans:report_detail", args=[report.pk]))
    assert detail.status_code == (200 if allowed else 404)
