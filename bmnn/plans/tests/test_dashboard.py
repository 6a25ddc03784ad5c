"""Reminders before task deadlines, budget lines and the progress-per-unit chart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import make_user
from bmnn.plans import services
from bmnn.plans.models import BudgetLine, PlanStatus, TaskStatus
from bmnn.plans.queries import due_tasks

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 6, 1)


def _dated(imported, office, days: list[int]):
    tasks = list(imported.tasks.order_by("order")[: len(days)])
    for task, offset in zip(tasks, days, strict=True):
        task.deadline_date = TODAY + dt.timedelta(days=offset)
        task.lead_unit = office
        task.status = TaskStatus.TODO
        task.save()
    imported.tasks.exclude(pk__in=[t.pk for t in tasks]).update(deadline_date=None)
    return tasks


def test_due_tasks_lists_those_due_within_the_window_and_the_overdue(imported, office, officer):
    tasks = _dated(imported, office, [-3, 0, 5, 30])
    due = due_tasks(officer, TODAY, 7)
    assert [d.task.pk for d in due] == [t.pk for t in tasks[:3]]
    assert [d.when_vi for d in due] == ["quá hạn 3 ngày", "đến hạn hôm nay", "còn 5 ngày"]


def test_done_tasks_and_closed_plans_are_not_reminded(imported, office, officer):
    tasks = _dated(imported, office, [1, 2])
    tasks[0].status = TaskStatus.DONE
    tasks[0].save()
    assert [d.task.pk for d in due_tasks(officer, TODAY, 7)] == [tasks[1].pk]
    imported.status = PlanStatus.CLOSED
    imported.save()
    assert due_tasks(officer, TODAY, 7) == []


def test_staff_are_reminded_of_their_units_tasks_only(agency, imported, office, other_unit):
    tasks = _dated(imported, office, [1, 2])
    tasks[1].lead_unit = other_unit
    tasks[1].save()
    staff = make_user(agency, "cv", role="staff", unit=office)
    assert [d.task.pk for d in due_tasks(staff, TODAY, 7)] == [tasks[0].pk]


def test_the_reminder_window_is_a_setting(imported, office, officer, settings):
    _dated(imported, office, [10])
    settings.BMNN_PLAN_REMINDER_DAYS = 5
    assert due_tasks(officer, TODAY) == []
    settings.BMNN_PLAN_REMINDER_DAYS = 14
    assert len(due_tasks(officer, TODAY)) == 1


def test_a_budget_line_is_added_with_one_ledger_entry(imported, officer):
    before = LedgerEntry.objects.count()
    line = services.add_budget_line(
        actor=officer, plan=imported, item="Tập huấn BMNN", amount=25_000_000, source="Ngân sách tỉnh"
    )
    assert line.order == 1 and BudgetLine.objects.count() == 1
    assert LedgerEntry.objects.count() == before + 1
    assert LedgerEntry.objects.last().event == "plans.budget_line_added"


def test_a_budget_line_without_item_or_amount_is_refused_entirely(imported, officer):
    before = LedgerEntry.objects.count()
    with pytest.raises(ValidationError) as info:
        services.add_budget_line(actor=officer, plan=imported, item=" ", amount=0)
    assert set(info.value.message_dict) == {"item", "amount"}
    assert BudgetLine.objects.count() == 0 and LedgerEntry.objects.count() == before


def test_the_plan_page_shows_budget_total_and_the_progress_chart(client, imported, officer):
    services.add_budget_line(actor=officer, plan=imported, item="Tập huấn", amount=1_250_000)
    services.add_budget_line(actor=officer, plan=imported, item="Tem", amount=750_000)
    client.force_login(officer)
    page = client.get(reverse("plans:plan_detail", args=[imported.pk])).content.decode()
    assert "2.000.000" in page
    assert 'data-testid="progress-chart"><svg' in page


def test_the_plans_page_lists_due_tasks(client, imported, office, officer):
    from bmnn.lib import clock

    task = imported.tasks.first()
    task.deadline_date = clock.today() + dt.timedelta(days=2)
    task.status = TaskStatus.TODO
    task.save()
    client.force_login(officer)
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert "còn 2 ngày" in page


def test_staff_cannot_add_budget_lines(client, agency, imported):
    client.force_login(make_user(agency, "cv2", role="staff"))
    response = client.post(reverse("plans:budget_add", args=[imported.pk]), {"item": "x", "amount": 5})
    assert response.status_code == 403 and BudgetLine.objects.count() == 0


def test_a_subordinate_agencys_plan_shows_its_progress_on_the_parent_plan(client, agency, imported, officer):
    from bmnn.org import services as org
    from bmnn.plans.services import PlanHeader

    lower = org.create_agency(actor=None, name="UBND xã Thử", level="commune", parent=agency)
    clerk = make_user(lower, "xa", role="security_officer")
    sub = services.create_plan(
        actor=clerk, agency=lower, header=PlanHeader(title="Kế hoạch triển khai của xã"), parent=imported
    )
    first = services.add_task(actor=clerk, plan=sub, text="Quán triệt")
    services.add_task(actor=clerk, plan=sub, text="Tự kiểm tra")
    services.mark_task_done(actor=clerk, task=first, note="xong")
    client.force_login(officer)
    page = client.get(reverse("plans:plan_detail", args=[imported.pk])).content.decode()
    assert "Kế hoạch triển khai của xã" in page and "<td>50%</td>" in page
    assert reverse("plans:plan_detail", args=[sub.pk]) not in page  # another agency's page: not linked
    client.force_login(clerk)
    page = client.get(reverse("plans:plan_detail", args=[sub.pk])).content.decode()
    assert "Triển khai kế hoạch cấp trên" in page
    assert reverse("plans:plan_detail", args=[imported.pk]) not in page
