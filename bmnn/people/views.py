"""Staff records and what hangs off them: designations, commitments, key-post reviews, declarations, departure."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from bmnn.lib import clock
from bmnn.lib.http import AuthedRequest
from bmnn.people import forms as f
from bmnn.people import queries, services
from bmnn.people.models import Commitment, Declaration, Departure, StaffStatus
from bmnn.people.pages import form_page, require_manager


@login_required
def staff_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = clock.today()
    manager = user.role in queries.READERS
    return render(
        request,
        "people/staff_list.html",
        {
            "staff": queries.staff_for(user),
            "may_manage": queries.may_manage(user),
            "coverage": queries.training_coverage(user.agency, today.year)
            if manager and user.agency
            else None,
            "alerts": queries.alerts(user.agency, today) if manager and user.agency else [],
        },
    )


@login_required
def staff_create(request: AuthedRequest) -> HttpResponse:
    require_manager(request)
    user = request.user
    form = f.StaffForm(request.POST or None, agency=user.agency)
    return form_page(
        request,
        form,
        title="Thêm hồ sơ cán bộ",
        back=reverse("people:staff_list"),
        run=lambda d: services.create_staff(actor=user, agency=user.agency, **d),
        done="Đã thêm hồ sơ cán bộ.",
        then=lambda s: reverse("people:staff_detail", args=[s.pk]),
    )


@login_required
def staff_detail(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = queries.get_staff_for_user(request.user, staff_id)
    departure = Departure.objects.filter(staff=staff).first()
    held, hidden = queries.visible_held_items(request.user, departure) if departure else ([], 0)
    recalls = queries.recall_rounds(request.user, staff)
    return render(
        request,
        "people/staff_detail.html",
        {
            "staff": staff,
            "designations": staff.designations.all(),
            "commitments": staff.commitments.all(),
            "trainings": staff.trainings.all(),
            "memberships": staff.memberships.all(),
            "declarations": staff.declarations.all(),
            "departure": departure,
            "held": held,
            "recalls": recalls,
            "hidden": hidden,
            "may_manage": queries.may_manage(request.user) and staff.status == StaffStatus.ACTIVE,
            "may_decide": queries.may_manage(request.user),
            "is_self": staff.user_id == request.user.pk,
        },
    )


def _staff_action(request: AuthedRequest, staff_id: int):  # type: ignore[no-untyped-def]
    require_manager(request)
    return queries.get_staff_for_user(request.user, staff_id)


@login_required
def staff_designate(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = _staff_action(request, staff_id)
    form = f.DesignationForm(request.POST or None, initial={"signed_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Quyết định phân công — {staff}",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: services.designate(actor=request.user, staff=staff, **d),
        done="Đã ghi quyết định phân công.",
        intro="Người làm công tác bảo vệ BMNN chuyên trách hoặc kiêm nhiệm được phân công bằng văn bản (Điều 7 NĐ 26/2020/NĐ-CP).",
    )


@login_required
def staff_key_post(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = _staff_action(request, staff_id)
    form = f.KeyPostForm(
        request.POST or None,
        initial={
            "is_key_post": staff.is_key_post,
            "reviewed_on": clock.today(),
            "next_due": staff.key_post_review_due,
        },
    )
    return form_page(
        request,
        form,
        title=f"Vị trí trọng yếu, cơ mật — {staff}",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: services.review_key_post(actor=request.user, staff=staff, **d),
        done="Đã ghi nhận thẩm tra.",
    )


@login_required
def staff_commit(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = _staff_action(request, staff_id)
    form = f.CommitmentForm(request.POST or None, request.FILES or None, initial={"signed_on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Cam kết bảo vệ BMNN — {staff}",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: services.record_commitment(actor=request.user, staff=staff, **d),
        done="Đã lưu cam kết.",
        multipart=True,
    )


@login_required
def staff_declare(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = queries.get_staff_for_user(request.user, staff_id)
    if not (queries.may_manage(request.user) or staff.user_id == request.user.pk):
        raise PermissionDenied("Chỉ người khai báo hoặc cán bộ bảo mật được lập khai báo.")
    form = f.DeclarationForm(request.POST or None)
    return form_page(
        request,
        form,
        title=f"Khai báo đi nước ngoài, tiếp xúc — {staff}",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: services.declare(actor=request.user, staff=staff, **d),
        done="Đã gửi khai báo.",
    )


@login_required
def declaration_decide(request: AuthedRequest, declaration_id: int) -> HttpResponse:
    require_manager(request)
    declaration = Declaration.objects.filter(
        pk=declaration_id, staff__in=queries.staff_for(request.user)
    ).first()
    if declaration is None:
        raise Http404
    form = f.DecisionForm(request.POST or None, initial={"on": clock.today()})
    return form_page(
        request,
        form,
        title=f"Phê duyệt: {declaration}",
        back=reverse("people:staff_detail", args=[declaration.staff_id]),
        run=lambda d: services.decide_declaration(actor=request.user, declaration=declaration, **d),
        done="Đã ghi quyết định.",
    )


@login_required
def staff_depart(request: AuthedRequest, staff_id: int) -> HttpResponse:
    staff = _staff_action(request, staff_id)
    today = clock.today()
    form = f.DepartureForm(
        request.POST or None,
        request.FILES or None,
        initial={"leaves_on": today, "commitment_signed_on": today},
    )
    return form_page(
        request,
        form,
        title=f"Thôi quản lý BMNN — {staff}",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: services.record_departure(actor=request.user, staff=staff, **d),
        done="Đã lập hồ sơ thôi quản lý BMNN. Tiếp theo: thu hồi, bàn giao tài liệu đang quản lý.",
        multipart=True,
        intro="Người thôi quản lý BMNN phải bàn giao và ký cam kết bảo vệ BMNN đã quản lý (điểm d khoản 2 Điều 26 Luật 29/2018/QH14).",
    )


@login_required
def commitment_scan(request: AuthedRequest, commitment_id: int) -> FileResponse:
    commitment = Commitment.objects.filter(
        pk=commitment_id, staff__in=queries.staff_for(request.user)
    ).first()
    if commitment is None or not commitment.scan:
        raise Http404
    return FileResponse(
        commitment.scan.open("rb"),
        as_attachment=True,
        filename=(commitment.scan.name or "cam-ket").rsplit("/", 1)[-1],
    )


@login_required
def staff_recall(request: AuthedRequest, staff_id: int) -> HttpResponse:
    """Second act of a departure: the recall of everything held, done by ``bmnn.movements`` (its own
    service and ledger entry), so the people app never writes another app's records."""
    require_manager(request)
    staff = queries.get_staff_for_user(request.user, staff_id)
    departure = Departure.objects.filter(staff=staff).first()
    if departure is None or staff.user is None:
        raise Http404
    from bmnn.movements import services as movements

    custodian = staff.user
    form = f.RecallForm(request.POST or None, initial={"deadline": clock.today()})
    return form_page(
        request,
        form,
        title=f"Thu hồi tài liệu BMNN do {staff} đang quản lý",
        back=reverse("people:staff_detail", args=[staff.pk]),
        run=lambda d: movements.open_departure(
            actor=request.user,
            custodian=custodian,
            reason=departure.get_reason_display(),
            on=clock.today(),
            deadline=d["deadline"],
        ),
        done="Đã ra lệnh thu hồi; theo dõi việc bàn giao tại trang thu hồi.",
        then=lambda opened: reverse("movements:departure", args=[opened.pk]),
    )
