import datetime as dt

from bmnn.audit import ledger
from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import make_agency, make_user


def test_a_clock_set_back_before_the_newest_entry_is_noticed(db):
    user = make_user(make_agency(), "admin1", role="admin", clearance="none")
    ledger.record(event="test.tick", actor=user, subject=user, payload={})  # at least one entry
    last = LedgerEntry.objects.order_by("-seq").first().created_at
    assert ledger.clock_rollback(last) is None
    assert ledger.clock_rollback(last - dt.timedelta(minutes=4)) is None  # drift, not rollback
    assert ledger.clock_rollback(last - dt.timedelta(hours=2)) == dt.timedelta(hours=2)


def test_the_admin_sees_a_warning_on_every_page_when_the_clock_went_back(db, client, monkeypatch):
    user = make_user(make_agency(), "admin2", role="admin", clearance="none")
    ledger.record(event="test.tick", actor=user, subject=user, payload={})
    client.force_login(user)
    assert "đồng hồ máy chủ" not in client.get("/").content.decode()
    last = LedgerEntry.objects.order_by("-seq").first().created_at
    monkeypatch.setattr("bmnn.lib.clock.now", lambda: last - dt.timedelta(days=1))
    page = client.get("/").content.decode()
    assert "đồng hồ máy chủ đang chậm hơn" in page and "1440 phút" in page
    assert user.role == "admin"
