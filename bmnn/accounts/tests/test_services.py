"""Every account change writes exactly one ledger entry; a refusal changes nothing."""

import pytest
from django.core.exceptions import ValidationError

from bmnn.accounts import services
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import PASSWORD, make_agency, make_unit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    return make_agency()


def count() -> int:
    return LedgerEntry.objects.count()


def test_creating_a_head_gives_the_agency_head_position_and_one_entry(agency):
    before = count()
    user = services.create_user(
        actor=None, username="giamdoc", password=PASSWORD, role="head", clearance="top_secret", agency=agency
    )
    assert user.position.kind == "head" and user.check_password(PASSWORD)
    assert count() == before + 1
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.event == "accounts.user_created" and '"clearance":"top_secret"' in entry.payload


def test_creating_a_deputy_gives_the_deputy_head_position(agency):
    user = services.create_user(
        actor=None, username="phogd", password=PASSWORD, role="deputy", clearance="secret", agency=agency
    )
    assert user.position.kind == "deputy_head"


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("role", {"role": "boss"}),
        ("clearance", {"clearance": "mat"}),
        ("password", {"password": "123"}),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(agency, field, kwargs):
    args = {
        "actor": None,
        "username": "x",
        "password": PASSWORD,
        "role": "staff",
        "clearance": "none",
        "agency": agency,
    }
    args.update(kwargs)
    before = count()
    with pytest.raises(ValidationError):
        services.create_user(**args)
    assert count() == before
    from bmnn.accounts.models import User

    assert not User.objects.filter(username="x").exists()


def test_a_unit_of_another_agency_is_refused(agency):
    other_unit = make_unit(make_agency("Khác"), "K")
    with pytest.raises(ValidationError, match="Đơn vị không thuộc"):
        services.create_user(
            actor=None,
            username="y",
            password=PASSWORD,
            role="staff",
            clearance="none",
            agency=agency,
            unit=other_unit,
        )


def test_clearance_change_is_ledgered_with_before_and_after(agency):
    admin = make_user(agency, "admin", role="admin")
    user = make_user(agency, "cv", clearance="confidential")
    before = count()
    services.set_clearance(actor=admin, user=user, clearance="secret", reason="QĐ 5/QĐ-SNV")
    user.refresh_from_db()
    assert user.clearance == "secret" and count() == before + 1
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.event == "accounts.clearance_changed" and entry.actor_id == admin.pk
    assert '"before":"confidential"' in entry.payload


def test_disabling_is_ledgered_and_an_admin_cannot_lock_themself(agency):
    admin = make_user(agency, "admin", role="admin")
    user = make_user(agency, "cv")
    services.set_active(actor=admin, user=user, active=False, reason="Nghỉ hưu")
    assert LedgerEntry.objects.order_by("-seq").first().event == "accounts.user_disabled"
    before = count()
    with pytest.raises(ValidationError):
        services.set_active(actor=admin, user=admin, active=False)
    assert count() == before


def test_role_change_is_its_own_event(agency):
    user = make_user(agency, "cv")
    services.update_user(actor=None, user=user, role="clerk", unit=None, position=None, full_name="A")
    assert LedgerEntry.objects.order_by("-seq").first().event == "accounts.role_changed"
