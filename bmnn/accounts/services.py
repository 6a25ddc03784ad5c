"""Account changes: one function, one transaction, one ledger entry each."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from bmnn.accounts.models import AccountPolicy, Role, User
from bmnn.audit.ledger import record
from bmnn.lib.choices import Clearance
from bmnn.lib.vntext import nfc
from bmnn.org.models import Agency, Position, PositionKind, Unit

_DEFAULT_POSITION_KIND = {Role.HEAD: PositionKind.HEAD, Role.DEPUTY: PositionKind.DEPUTY_HEAD}


def _check_choice(value: str, choices: Any, field: str, label: str) -> None:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise ValidationError({field: f"{label} “{value}” không hợp lệ; chỉ nhận: {allowed}."})


def default_position(agency: Agency, role: str) -> Position | None:
    kind = _DEFAULT_POSITION_KIND.get(Role(role)) if role in Role.values else None
    if kind is None:
        return None
    return Position.objects.filter(agency=agency, kind=kind, is_active=True).order_by("pk").first()


@transaction.atomic
def create_user(
    *,
    actor: Any,
    username: str,
    password: str | None,
    role: str,
    clearance: str,
    agency: Agency,
    unit: Unit | None = None,
    position: Position | None = None,
    full_name: str = "",
    email: str = "",
    is_demo: bool = False,
) -> User:
    """Create an account. Head/deputy get the agency's head/deputy-head position unless one is given."""
    _check_choice(role, Role, "role", "Vai trò")
    _check_choice(clearance, Clearance, "clearance", "Mức tiếp cận")
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan của người dùng."})
    if position is not None and position.agency_id != agency.pk:
        raise ValidationError({"position": "Chức vụ không thuộc cơ quan của người dùng."})
    user = User(
        username=nfc(username).strip(),
        role=role,
        clearance=clearance,
        agency=agency,
        unit=unit,
        position=position or default_position(agency, role),
        full_name=nfc(full_name).strip(),
        email=email.strip(),
        is_demo=is_demo,
        is_staff=False,
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    record(
        event="accounts.user_created",
        actor=actor,
        subject=user,
        payload={
            "username": user.username,
            "role": role,
            "clearance": clearance,
            "unit": unit.code if unit else None,
            "position": user.position.code if user.position else None,
        },
    )
    return user


@transaction.atomic
def update_user(
    *,
    actor: Any,
    user: User,
    role: str,
    unit: Unit | None,
    position: Position | None,
    full_name: str,
    email: str = "",
) -> User:
    _check_choice(role, Role, "role", "Vai trò")
    before = {
        "role": user.role,
        "unit": user.unit_id,
        "position": user.position_id,
        "full_name": user.full_name,
    }
    user.role, user.unit, user.position = role, unit, position
    user.full_name, user.email = nfc(full_name).strip(), email.strip()
    user.full_clean()
    user.save()
    after = {
        "role": user.role,
        "unit": user.unit_id,
        "position": user.position_id,
        "full_name": user.full_name,
    }
    event = "accounts.role_changed" if before["role"] != role else "accounts.user_updated"
    record(event=event, actor=actor, subject=user, payload={"before": before, "after": after})
    return user


@transaction.atomic
def set_clearance(*, actor: Any, user: User, clearance: str, reason: str = "") -> User:
    _check_choice(clearance, Clearance, "clearance", "Mức tiếp cận")
    before = user.clearance
    user.clearance = clearance
    user.save(update_fields=["clearance"])
    record(
        event="accounts.clearance_changed",
        actor=actor,
        subject=user,
        payload={"before": before, "after": clearance, "reason": nfc(reason)},
    )
    return user


@transaction.atomic
def set_active(*, actor: Any, user: User, active: bool, reason: str = "") -> User:
    if actor is not None and getattr(actor, "pk", None) == user.pk and not active:
        raise ValidationError({"is_active": "Không thể tự khóa tài khoản của chính mình."})
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(
        event="accounts.user_enabled" if active else "accounts.user_disabled",
        actor=actor,
        subject=user,
        payload={"reason": nfc(reason)},
    )
    return user


@transaction.atomic
def set_password(*, actor: Any, user: User, password: str) -> User:
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    record(event="accounts.password_set", actor=actor, subject=user, payload={"by_self": actor == user})
    return user


@transaction.atomic
def set_account_policy(*, actor: Any, agency: Agency, totp_required: bool) -> AccountPolicy:
    policy, _ = AccountPolicy.objects.get_or_create(agency=agency)
    policy.totp_required_for_admins_and_heads = totp_required
    policy.save()
    record(
        event="accounts.policy_changed", actor=actor, subject=policy, payload={"totp_required": totp_required}
    )
    return policy


@transaction.atomic
def begin_totp_enrolment(*, actor: User) -> Any:
    """The pending (unconfirmed) authenticator of ``actor``; created, and ledgered, only the first time."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="Ứng dụng xác thực", confirmed=False)
        record(event="accounts.totp_enrolment_started", actor=actor, subject=actor, payload={})
    return device


@transaction.atomic
def confirm_totp_device(*, actor: User, device: Any, token: str) -> None:
    """Turn the authenticator on once the user proves it works with one valid code."""
    if device.user_id != actor.pk or device.confirmed:
        raise ValidationError({"token": "Không có thiết bị xác thực đang chờ xác nhận."})
    if not device.verify_token(token):
        raise ValidationError({"token": "Mã xác thực không đúng. Kiểm tra giờ của điện thoại và thử lại."})
    device.confirmed = True
    device.save()
    record(event="accounts.totp_enrolled", actor=actor, subject=actor, payload={"device": device.name})
