"""Register pages: index, the paper-like book page, one entry, and the forms that call the services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bmnn.lib import clock, levels
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.registers import forms, layouts, presenters, queries, services
from bmnn.registers.models import OutgoingReceipt, RegisterKind
from bmnn.registers.services.reading import record_register_view
from bmnn.registry.models import ItemStatus
from bmnn.registry.queries import visible_items


def _reader(request: AuthedRequest) -> None:
    if not queries.may_read_registers(request.user):
        raise PermissionDenied("Vai trò hoặc mức tiếp cận này không được xem sổ đăng ký.")


def _writer(request: AuthedRequest) -> None:
    if not queries.may_write_registers(request.user):
        raise PermissionDenied("Chỉ văn thư hoặc cán bộ bảo mật được vào sổ đăng ký.")


def _int(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "registers/index.html",
        {
            "books": queries.visible_books(user),
            "may_read": queries.may_read_registers(user),
            "may_write": queries.may_write_registers(user),
            "pending": queries.pending_for(user),
            "in_transit": queries.in_transit(user).select_related("item", "to_user")[:50],
            "notices": queries.notices_for(user).select_related("incoming")[:50],
        },
    )


@login_required
def book(request: AuthedRequest, book_id: int) -> HttpResponse:
    _reader(request)
    the_book = queries.get_book_for_user(request.user, book_id)
    if the_book.kind not in queries.MODELS:  # the copy register's rows live in the movements app
        return redirect("movements:copy_register")
    layout = layouts.layout_for(the_book.kind, the_book.year)
    level, cancelled = request.GET.get("level", ""), request.GET.get("cancelled", "")
    page = queries.book_page(
        request.user,
        the_book,
        before=_int(request.GET.get("before")),
        after=_int(request.GET.get("after")),
        level=level,
        cancelled=cancelled,
    )
    rows = [(r.seq, r.entry, presenters.cells(r.entry, layout) if r.entry else None) for r in page.rows]
    shown = [r.entry.level for r in page.rows if r.entry]
    top = max(shown, key=levels.rank) if shown else "confidential"
    record_register_view(actor=request.user, subject=the_book, level=top, via="register_page")
    return render(
        request,
        "registers/book.html",
        {
            "book": the_book,
            "layout": layout,
            "rows": rows,
            "page": page,
            "level": level,
            "cancelled": cancelled,
            "ncols": len(layout.columns),
            "may_write": queries.may_write_registers(request.user),
        },
    )


@login_required
def entry(request: AuthedRequest, kind: str, entry_id: int) -> HttpResponse:
    e = queries.get_entry_for_user(request.user, kind, entry_id)
    layout = layouts.layout_for(kind, e.year)
    record_register_view(actor=request.user, subject=e, level=e.level, via="entry_page")
    return render(
        request,
        "registers/entry.html",
        {
            "e": e,
            "kind": kind,
            "kind_label": RegisterKind(kind).label,
            "cells": list(zip([c.label for c in layout.columns], presenters.cells(e, layout), strict=True)),
            "may_write": queries.may_write_registers(request.user) and not e.is_cancelled,
            "may_confirm": kind == "handover"
            and e.status == "in_transit"
            and not e.is_cancelled
            and (e.to_user_id == request.user.pk or queries.may_write_registers(request.user)),
            "confirm_form": forms.ConfirmForm(initial={"on": clock.today()}),
            "receipt_form": forms.ReceiptForm(initial={"signed_on": clock.today()}),
            "cancel_form": forms.CancelForm(),
        },
    )


def _violations(request: AuthedRequest, exc: RuleViolation) -> None:
    for v in exc.violations:
        messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")


def _form_page(
    request: AuthedRequest, template: str, form: Any, violations: list[Any], title: str
) -> HttpResponse:
    return render(request, template, {"form": form, "violations": violations, "title": title})


def _registrable_items(user: Any) -> Any:
    return visible_items(user).filter(status=ItemStatus.CLASSIFIED).order_by("-pk")


@login_required
def outgoing_new(request: AuthedRequest) -> HttpResponse:
    _writer(request)
    form = forms.OutgoingForm(
        request.POST or None, items=_registrable_items(request.user), initial={"date": clock.today()}
    )
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.OutgoingInput(
            item_id=d["item"].pk,
            date=d["date"],
            recipients=d["recipients"].splitlines(),
            signer=d["signer"],
            storage_unit=d["storage_unit"],
            quantity=d["quantity"],
            addressee_name=d["addressee_name"],
            note=d["note"],
        )
        try:
            e = services.register_outgoing(actor=request.user, data=data)
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, f"Đã vào sổ đi số {e.seq}/{e.year}. {e.envelope}")
            return redirect("registers:entry", kind="outgoing", entry_id=e.pk)
    return _form_page(request, "registers/entry_form.html", form, violations, "Vào sổ đăng ký BMNN đi")


@login_required
def incoming_new(request: AuthedRequest) -> HttpResponse:
    _writer(request)
    form = forms.IncomingForm(
        request.POST or None, agency=request.user.agency, initial={"arrival_date": clock.today()}
    )
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.IncomingInput(
            arrival_date=d["arrival_date"],
            issuing_body=d["issuing_body"],
            number=d["number"],
            doc_date=d["doc_date"],
            document_type=d["document_type"],
            summary=d["summary"],
            level=d["level"],
            receiving_unit_id=d["receiving_unit"].pk if d["receiving_unit"] else None,
            receiving_user_id=d["receiving_user"].pk if d["receiving_user"] else None,
            sealed_for_addressee=d["sealed_for_addressee"],
            tampering=d["tampering"],
            tampering_report=d["tampering_report"],
            note=d["note"],
        )
        try:
            e = services.register_incoming(actor=request.user, data=data)
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, f"Đã vào sổ đến số {e.seq}/{e.year}.")
            return redirect("registers:entry", kind="incoming", entry_id=e.pk)
    return _form_page(request, "registers/entry_form.html", form, violations, "Vào sổ đăng ký BMNN đến")


@login_required
def handover_new(request: AuthedRequest) -> HttpResponse:
    items = _registrable_items(request.user)
    if not queries.may_write_registers(request.user):
        items = items.filter(custodian=request.user)
    form = forms.HandoverForm(
        request.POST or None,
        items=items,
        agency=request.user.agency,
        initial={"on": clock.today(), "item": request.GET.get("item")},
    )
    violations: list[Any] = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            e = services.hand_over(
                actor=request.user,
                item=d["item"],
                to_user=d["to_user"],
                on=d["on"],
                quantity=d["quantity"],
                note=d["note"],
            )
        except RuleViolation as exc:
            violations = exc.violations
        else:
            messages.success(request, f"Đã vào sổ chuyển giao số {e.seq}/{e.year}: chờ người nhận ký nhận.")
            return redirect("registers:entry", kind="handover", entry_id=e.pk)
    return _form_page(
        request, "registers/entry_form.html", form, violations, "Giao tài liệu (sổ chuyển giao)"
    )


@login_required
@require_POST
def confirm_handover(request: AuthedRequest, entry_id: int) -> HttpResponse:
    e = queries.get_entry_for_user(request.user, "handover", entry_id)
    form = forms.ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Ngày ký nhận: không hợp lệ.")
    else:
        try:
            services.confirm_handover(
                actor=request.user,
                entry=e,
                on=form.cleaned_data["on"],
                paper_signer=form.cleaned_data["paper_signer"],
            )
        except RuleViolation as exc:
            _violations(request, exc)
        else:
            messages.success(request, "Đã ký nhận tài liệu.")
    return redirect("registers:entry", kind="handover", entry_id=e.pk)


@login_required
@require_POST
def sign_receipt(request: AuthedRequest, receipt_id: int) -> HttpResponse:
    receipt = OutgoingReceipt.objects.filter(pk=receipt_id).first()
    e = queries.get_entry_for_user(request.user, "outgoing", receipt.entry_id if receipt else 0)
    form = forms.ReceiptForm(request.POST)
    if receipt is None or not form.is_valid():
        messages.error(request, "Ngày ký nhận: không hợp lệ.")
    else:
        try:
            services.confirm_receipt(actor=request.user, receipt=receipt, **form.cleaned_data)
        except RuleViolation as exc:
            _violations(request, exc)
        else:
            messages.success(request, "Đã ghi ký nhận.")
    return redirect("registers:entry", kind="outgoing", entry_id=e.pk)


@login_required
@require_POST
def cancel(request: AuthedRequest, kind: str, entry_id: int) -> HttpResponse:
    e = queries.get_entry_for_user(request.user, kind, entry_id)
    form = forms.CancelForm(request.POST)
    try:
        services.cancel_entry(actor=request.user, entry=e, reason=form.data.get("reason", ""))
    except RuleViolation as exc:
        _violations(request, exc)
    else:
        messages.success(request, f"Đã hủy dòng số {e.seq}/{e.year} (số được giữ, ghi ĐÃ HỦY).")
    return redirect("registers:entry", kind=kind, entry_id=e.pk)
