"""Reads of plans, always limited to the reader's agency."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from bmnn.plans.models import Plan, PlanSection, Task, TaskStatus
from bmnn.plans.permissions import may_read_plans_of


def plans_for_user(user: Any) -> QuerySet[Plan]:
    if user.agency_id is None:
        return Plan.objects.none()
    return Plan.objects.filter(agency_id=user.agency_id).select_related("parent")


def get_plan_for_user(user: Any, plan_id: int) -> Plan:
    plan = Plan.objects.select_related("agency", "parent").filter(pk=plan_id).first()
    if plan is None or not may_read_plans_of(user, plan.agency_id):
        raise Http404
    return plan


def get_task_for_user(user: Any, task_id: int) -> Task:
    task = (
        Task.objects.select_related("plan", "plan__agency", "lead_unit", "assignee")
        .filter(pk=task_id)
        .first()
    )
    if task is None or not may_read_plans_of(user, task.plan.agency_id):
        raise Http404
    return task


@dataclass(frozen=True)
class TaskRow:
    task: Task
    depth: int
    status: str  # effective: overdue computed from the deadline


def task_tree(plan: Plan, today: dt.date) -> list[tuple[PlanSection | None, list[TaskRow]]]:
    """Sections in order, each with its tasks depth-first (parents before children)."""
    tasks = list(plan.tasks.select_related("lead_unit", "assignee").order_by("order", "pk"))
    children: dict[int | None, list[Task]] = {}
    for task in tasks:
        children.setdefault(task.parent_id, []).append(task)
    rows: list[TaskRow] = []

    def visit(task: Task, depth: int) -> None:
        rows.append(TaskRow(task, depth, task.status_on(today)))
        for child in children.get(task.pk, []):
            visit(child, depth + 1)

    for root in children.get(None, []):
        visit(root, 0)
    sections: list[tuple[PlanSection | None, list[TaskRow]]] = [
        (s, [r for r in rows if r.task.section_id == s.pk]) for s in plan.sections.all()
    ]
    loose = [r for r in rows if r.task.section_id is None]
    return [*sections, (None, loose)] if loose else sections


@dataclass(frozen=True)
class UnitProgress:
    unit: str
    total: int
    done: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def unit_progress(plan: Plan, today: dt.date) -> list[UnitProgress]:
    """Per lead unit (or the unit as written, when not yet matched): done and overdue counts."""
    groups: dict[str, list[Task]] = {}
    for task in plan.tasks.select_related("lead_unit"):
        label = task.lead_unit.name if task.lead_unit else (task.lead_unit_text or "(chưa giao đơn vị)")
        groups.setdefault(label, []).append(task)
    return [
        UnitProgress(
            unit=label,
            total=len(items),
            done=sum(t.status == TaskStatus.DONE for t in items),
            overdue=sum(t.status_on(today) == TaskStatus.OVERDUE for t in items),
        )
        for label, items in sorted(groups.items())
    ]


def overdue_tasks(plan: Plan, today: dt.date) -> list[Task]:
    candidates = plan.tasks.exclude(status=TaskStatus.DONE).filter(deadline_date__lt=today)
    return list(candidates.select_related("lead_unit").order_by("deadline_date"))


DEFAULT_REMINDER_DAYS = 14  # not set by law: a setting (BMNN_PLAN_REMINDER_DAYS) with a practical default


def reminder_days() -> int:
    from django.conf import settings

    return int(getattr(settings, "BMNN_PLAN_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


@dataclass(frozen=True)
class DueTask:
    task: Task
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def when_vi(self) -> str:
        if self.days_left < 0:
            return f"quá hạn {-self.days_left} ngày"
        return "đến hạn hôm nay" if self.days_left == 0 else f"còn {self.days_left} ngày"


def due_tasks(user: Any, today: dt.date, days: int | None = None) -> list[DueTask]:
    """Unfinished dated tasks due within ``days`` (default: the setting), overdue ones included, so a
    reminder keeps chasing until the task is done. Managers see the agency's tasks of active plans;
    others the tasks of their unit and those assigned to them."""
    from django.db.models import Q

    from bmnn.plans.models import PlanStatus
    from bmnn.plans.permissions import PLAN_MANAGERS

    if getattr(user, "agency_id", None) is None:
        return []
    horizon = today + dt.timedelta(days=reminder_days() if days is None else days)
    tasks = (
        Task.objects.filter(
            plan__agency_id=user.agency_id, deadline_date__lte=horizon, deadline_date__isnull=False
        )
        .exclude(status=TaskStatus.DONE)
        .exclude(plan__status=PlanStatus.CLOSED)
    )
    if user.role not in PLAN_MANAGERS:
        mine = Q(assignee_id=user.pk) | (Q(lead_unit_id=user.unit_id) if user.unit_id else Q(pk__in=[]))
        tasks = tasks.filter(mine)
    rows = tasks.select_related("plan", "lead_unit").order_by("deadline_date", "plan_id", "order")
    return [DueTask(task, (task.deadline_date - today).days) for task in rows if task.deadline_date]


@dataclass(frozen=True)
class SubPlanRow:
    plan: Plan
    readable: bool  # a subordinate agency's plan is shown with its progress, opened only by its agency
    total: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def sub_plan_rows(plan: Plan, user: Any) -> list[SubPlanRow]:
    """Plans that implement ``plan`` (its units' or subordinate agencies'), with their completion."""
    from django.db.models import Count, Q

    subs = plan.sub_plans.select_related("agency").annotate(
        n_tasks=Count("tasks"), n_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE))
    )
    return [
        SubPlanRow(sub, may_read_plans_of(user, sub.agency_id), sub.n_tasks, sub.n_done)
        for sub in subs.order_by("agency__name", "pk")
    ]
