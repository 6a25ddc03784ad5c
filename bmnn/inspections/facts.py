"""Gathering the facts the automatic checks read, from the other apps' tables and queries.

Every gatherer runs in a savepoint and any sign that its app is not there yet (no model, no table,
a renamed field, an import error) gives ``None``, which the checks turn into "không đánh giá được".
Facts are agency-wide counts and reference numbers, never a document's content: the inspection
record may be read by anyone cleared to read the inspection, and the evidence links lead to the
apps' own pages, which apply the reader's clearance again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldError
from django.db import DatabaseError, transaction
from django.db.models import Count
from django.urls import NoReverseMatch, reverse

from bmnn.inspections.rules import checks as c

log = logging.getLogger(__name__)
REGISTER_MODELS = {  # register kind → (app label, model) holding its rows
    "outgoing": ("registers", "OutgoingEntry"),
    "incoming": ("registers", "IncomingEntry"),
    "handover": ("registers", "HandoverEntry"),
    "copy": ("movements", "CopyEntry"),
}
REGISTER_LABELS = {
    "outgoing": "Sổ đăng ký BMNN đi",
    "incoming": "Sổ đăng ký BMNN đến",
    "handover": "Sổ chuyển giao BMNN",
    "copy": "Sổ quản lý sao, chụp BMNN",
}


def link(label: str, *url_names: str, args: tuple[Any, ...] = (), query: str = "") -> c.Evidence:
    """Evidence pointing at the first of ``url_names`` that exists (apps land one by one)."""
    for name in url_names:
        try:
            return c.Evidence(label, reverse(name, args=args) + (f"?{query}" if query else ""))
        except NoReverseMatch:
            continue
    return c.Evidence(label, "")


def safely(gather: Callable[[], Any], name: str) -> Any:
    try:
        with transaction.atomic():  # a missing table must not break the caller's transaction
            return gather()
    except (LookupError, FieldError, DatabaseError, AttributeError, ImportError, TypeError) as exc:
        log.info("inspection facts %s unavailable: %s", name, exc)
        return None


def register_facts(agency: Any) -> c.RegisterFacts:
    book_model = apps.get_model("registers", "RegisterBook")
    counter_model = apps.get_model("registers", "RegisterCounter")
    years = []
    for counter in counter_model.objects.filter(agency=agency).order_by("kind", "year"):
        app_label, model_name = REGISTER_MODELS[counter.kind]
        entries = apps.get_model(app_label, model_name)
        books = book_model.objects.filter(agency=agency, kind=counter.kind, year=counter.year)
        first = min((b.first_seq for b in books), default=1)
        seqs = frozenset(
            entries.objects.filter(agency=agency, year=counter.year).values_list("seq", flat=True)
        )
        label = f"{REGISTER_LABELS[counter.kind]} năm {counter.year}"
        years.append(c.RegisterYear(label, first, counter.last_seq, seqs))
    return c.RegisterFacts(tuple(years), (link("Sổ đăng ký", "registers:book_list", "registers:index"),))


def copy_facts(agency: Any) -> c.CopyFacts:
    permission = apps.get_model("movements", "CopyPermission")
    rows = permission.objects.filter(item__agency=agency).annotate(made=Count("copies")).order_by("pk")
    facts = tuple(
        c.CopyPermissionFact(f"Cho phép sao, chụp #{p.pk}", p.status, p.quantity, p.made) for p in rows
    )
    return c.CopyFacts(facts, 0, (link("Sổ quản lý sao, chụp", "movements:copy_list", "movements:index"),))


def expiry_facts(agency: Any, today: dt.date) -> c.ExpiryFacts:
    from bmnn.registry.models import ItemStatus, SecretItem

    rows = SecretItem.objects.filter(
        agency=agency, status=ItemStatus.CLASSIFIED, protection_ends_on__lt=today
    ).values_list("pk", "protection_ends_on")
    items = tuple(c.ExpiredItem(f"Mục #{pk}", ends) for pk, ends in rows if ends is not None)
    return c.ExpiryFacts(items, (link("Danh sách thời hạn bảo vệ", "registry:due"),))


def computer_facts(agency: Any) -> c.ComputerFacts:
    from bmnn.assets import queries as assets_queries
    from bmnn.assets.alerting import hostcheck_max_age_months

    sealed = assets_queries.active_seal_ids(agency)
    rows = sorted(assets_queries.drafting_computers(agency), key=lambda r: r.device.asset_tag)
    computers = tuple(
        c.ComputerFact(
            ref=r.device.asset_tag + (f" ({r.device.hostname})" if r.device.hostname else ""),
            sealed=r.device.pk in sealed,
            last_check_on=r.last_checked_on,
            last_check_passed=_passed(r.last_result),
        )
        for r in rows
    )
    return c.ComputerFacts(
        computers, hostcheck_max_age_months(), (link("Máy tính, thiết bị", "assets:device_list"),)
    )


def _passed(result: str | None) -> bool | None:
    """Host-check verdicts of the assets app: only FAIL is a failure (WARN/UNKNOWN are not passes
    either, but the inspector reads them on the device page the evidence links to)."""
    return None if result is None else result != "FAIL"


def incident_facts(agency: Any) -> c.IncidentFacts:
    from bmnn.incidents.queries import agency_incidents

    rows = agency_incidents(agency.pk).order_by("discovered_at")
    facts = tuple(
        c.IncidentFact(str(i), i.discovered_at, i.police_reported_at, i.police_report_due) for i in rows
    )
    return c.IncidentFacts(facts, (link("Sự cố lộ, mất", "incidents:list"),))


def gather(agency: Any, today: dt.date) -> dict[str, Any]:
    """Every fact set, ``None`` where its app cannot answer yet."""
    from bmnn.inspections import people_facts

    return {
        "registers": safely(lambda: register_facts(agency), "registers"),
        "copies": safely(lambda: copy_facts(agency), "copies"),
        "expiry": safely(lambda: expiry_facts(agency, today), "expiry"),
        "computers": safely(lambda: computer_facts(agency), "computers"),
        "staff": safely(lambda: people_facts.staff_facts(agency, today), "staff"),
        "trainings": safely(lambda: people_facts.training_facts(agency, today), "trainings"),
        "incidents": safely(lambda: incident_facts(agency), "incidents"),
    }
