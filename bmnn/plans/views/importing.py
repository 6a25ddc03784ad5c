"""Upload a plan file → parse → review (correct header, units, deadlines) → save."""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bmnn.lib import datadir
from bmnn.lib.webforms import apply_validation_error
from bmnn.org.models import Agency, Unit
from bmnn.plans import services
from bmnn.plans.cli import plan_json_with_checks
from bmnn.plans.flatten import FlatTask, deadline_of, flatten_tasks, lead_text
from bmnn.plans.forms import PlanHeaderForm, UploadForm, header_from_form
from bmnn.plans.importing import PlanImportError, import_plan_file
from bmnn.plans.matching import match_unit
from bmnn.plans.views.common import agency_for_manager

SESSION_KEY = "plans_import"
_KEEP = 3  # pending reviews kept per session; a parse is a few hundred kB at most


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    agency_for_manager(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = _parse_upload(upload)
        except PlanImportError as error:
            form.add_error("file", error.message_vi)
        else:
            token = _remember(request, data, str(upload.name))
            return redirect("plans:import_review", token=token)
    return render(request, "plans/plan_import.html", {"form": form})


def _parse_upload(upload: Any) -> dict[str, Any]:
    """The parser reads paths; the upload is written to a private temporary folder, then removed."""
    suffix = Path(str(upload.name)).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="bmnn-plan-", dir=datadir.private_tmp()) as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        plan = import_plan_file(path)
    return plan_json_with_checks(plan, plan.issued_on)


def _remember(request: HttpRequest, data: dict[str, Any], name: str) -> str:
    pending = dict(request.session.get(SESSION_KEY, {}))
    while len(pending) >= _KEEP:
        pending.pop(next(iter(pending)))
    token = secrets.token_urlsafe(9)
    pending[token] = {"parsed": data, "source": name}
    request.session[SESSION_KEY] = pending
    return token


@dataclass(frozen=True)
class ReviewRow:
    item: FlatTask
    unit_id: str
    deadline: str
    error: str = ""

    @property
    def lead_text(self) -> str:
        return lead_text(self.item.data)

    @property
    def deadline_written(self) -> str:
        return str(deadline_of(self.item.data).get("text") or "")


def _initial_rows(flat: list[FlatTask], units: list[Unit]) -> list[ReviewRow]:
    rows = []
    for item in flat:
        names = item.data.get("lead_units") or []
        matched = match_unit(names[0], units) if names else None
        due = deadline_of(item.data).get("date")
        rows.append(
            ReviewRow(
                item,
                str(matched.pk) if matched else "",
                dt.date.fromisoformat(due).strftime("%d/%m/%Y") if due else "",
            )
        )
    return rows


def _posted_rows(
    post: Any, flat: list[FlatTask], units: dict[str, Unit]
) -> tuple[list[ReviewRow], dict[int, services.TaskEdit]]:
    rows, edits = [], {}
    for item in flat:
        unit_id = post.get(f"t{item.index}-unit", "").strip()
        raw = post.get(f"t{item.index}-deadline", "").strip()
        error, due = "", None
        if unit_id and unit_id not in units:
            error = "Đơn vị không thuộc cơ quan."
        if raw:
            due = _parse_date(raw)
            error = error or ("" if due else f"Hạn “{raw}” không hợp lệ (dd/mm/yyyy).")
        rows.append(ReviewRow(item, unit_id, raw, error))
        edits[item.index] = services.TaskEdit(lead_unit=units.get(unit_id), deadline_date=due)
    return rows, edits


def _parse_date(raw: str) -> dt.date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _pending(request: HttpRequest, token: str) -> dict[str, Any]:
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        raise Http404("Phiên xem lại đã hết; hãy tải tệp lên lại.")
    return pending


@login_required
def plan_review(request: HttpRequest, token: str) -> HttpResponse:
    agency = agency_for_manager(request)
    pending = _pending(request, token)
    parsed = pending["parsed"]
    flat = flatten_tasks(parsed)
    units = list(Unit.objects.filter(agency=agency, is_active=True))
    header = services.header_from_parsed(parsed)
    form = PlanHeaderForm(request.POST or None, agency=agency, initial=vars(header))
    rows = _initial_rows(flat, units)
    if request.method == "POST":
        rows, edits = _posted_rows(request.POST, flat, {str(u.pk): u for u in units})
        if form.is_valid() and not any(r.error for r in rows):
            plan = _save(request, agency, form, parsed, edits, pending["source"])
            if plan is not None:
                request.session[SESSION_KEY] = {
                    k: v for k, v in request.session.get(SESSION_KEY, {}).items() if k != token
                }
                messages.success(request, f"Đã lưu kế hoạch với {len(flat)} nhiệm vụ.")
                return redirect("plans:plan_detail", plan_id=plan.pk)
    sections = [
        (section, [r for r in rows if r.item.section_index == i])
        for i, section in enumerate(parsed.get("sections") or ())
    ]
    context = {
        "form": form,
        "parsed": parsed,
        "sections": sections,
        "has_errors": any(r.error for r in rows),
        "units": units,
        "source": pending["source"],
    }
    return render(request, "plans/plan_review.html", context)


def _save(
    request: HttpRequest,
    agency: Agency,
    form: PlanHeaderForm,
    parsed: dict[str, Any],
    edits: dict[int, services.TaskEdit],
    source: str,
) -> Any:
    try:
        return services.save_imported_plan(
            actor=request.user,
            agency=agency,
            parsed=parsed,
            header=header_from_form(form.cleaned_data),
            task_edits=edits,
            source_name=source,
            parent=form.cleaned_data["parent"],
        )
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None
