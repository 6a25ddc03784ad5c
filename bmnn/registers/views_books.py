"""Book management: open a volume, lock it, ask to unlock, approve or refuse (four eyes)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.lib.rules import RuleViolation
from bmnn.registers import forms, queries, services
from bmnn.registers.models import UnlockRequest
from bmnn.registers.rules import UNLOCK_APPROVER_ROLES


def _errors(request: AuthedRequest, exc: RuleViolation) -> None:
    for v in exc.violations:
        messages.error(request, f"{v.message_vi} (Căn cứ: {v.basis})")


@login_required
def books(request: AuthedRequest) -> HttpResponse:
    if not queries.may_read_registers(request.user):
        raise PermissionDenied("Vai trò này không quản lý sổ đăng ký.")
    form = forms.OpenBookForm(request.POST or None, initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            book = services.open_book(
                actor=request.user, kind=d["kind"], year=d["year"], start_seq=d["start_seq"], note=d["note"]
            )
        except RuleViolation as exc:
            _errors(request, exc)
        else:
            messages.success(request, f"Đã mở {book}.")
            return redirect("registers:books")
    pending = UnlockRequest.objects.filter(book__agency=request.user.agency, approved__isnull=True)
    return render(
        request,
        "registers/books.html",
        {
            "books": queries.visible_books(request.user),
            "form": form,
            "may_write": queries.may_write_registers(request.user),
            "may_approve": request.user.role in UNLOCK_APPROVER_ROLES,
            "pending": pending.select_related("book", "requested_by"),
            "unlock_form": forms.UnlockRequestForm(),
        },
    )


@login_required
@require_POST
def lock(request: AuthedRequest, book_id: int) -> HttpResponse:
    book = queries.get_book_for_user(request.user, book_id)
    try:
        services.lock_book(actor=request.user, book=book)
    except RuleViolation as exc:
        _errors(request, exc)
    else:
        messages.success(request, f"Đã khóa {book}.")
    return redirect("registers:books")


@login_required
@require_POST
def request_unlock(request: AuthedRequest, book_id: int) -> HttpResponse:
    book = queries.get_book_for_user(request.user, book_id)
    try:
        services.request_unlock(actor=request.user, book=book, reason=request.POST.get("reason", ""))
    except RuleViolation as exc:
        _errors(request, exc)
    else:
        messages.success(request, "Đã gửi đề nghị mở khóa, chờ lãnh đạo phê duyệt.")
    return redirect("registers:books")


@login_required
@require_POST
def decide_unlock(request: AuthedRequest, request_id: int) -> HttpResponse:
    req = get_object_or_404(UnlockRequest, pk=request_id, book__agency=request.user.agency)
    try:
        services.decide_unlock(actor=request.user, request=req, approve=request.POST.get("approve") == "1")
    except RuleViolation as exc:
        _errors(request, exc)
    else:
        messages.success(request, "Đã ghi quyết định.")
    return redirect("registers:books")
