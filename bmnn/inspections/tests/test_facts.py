"""Facts gathered from the other apps' real tables feed the automatic checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError

from bmnn.inspections import facts
from bmnn.inspections.rules import automatic
from bmnn.inspections.rules.checks import CheckContext
from bmnn.lib import clock

pytestmark = pytest.mark.django_db


def evaluate(org, code):
    today = clock.today()
    ctx = CheckContext(today=today, now=clock.now(), facts=facts.gather(org["agency"], today))
    return automatic.evaluate(code, ctx)


def test_a_register_number_given_without_its_row_is_a_gap(org):
    from bmnn.registers.models import RegisterCounter

    RegisterCounter.objects.create(agency=org["agency"], kind="outgoing", year=2026, last_seq=2)
    result = evaluate(org, "registers_numbered")
    assert result.status == "fail" and result.details == ("Sổ đăng ký BMNN đi năm 2026: thiếu số 1, 2",)


def test_people_facts_come_from_the_people_app(org):
    from bmnn.people.models import Commitment, Designation, StaffRecord, TrainingSession

    today = clock.today()
    officer = StaffRecord.objects.create(agency=org["agency"], full_name="Phạm Quốc Bảo")
    StaffRecord.objects.create(agency=org["agency"], full_name="Hoàng Văn Mạnh")
    assert evaluate(org, "staff_designated").status == "fail"
    Designation.objects.create(
        staff=officer,
        number="12/QĐ",
        signed_on=today - dt.timedelta(days=30),
        mode="part_time",
        scope="Bảo vệ BMNN",
    )
    Commitment.objects.create(staff=officer, signed_on=today, reason="appointment", scope="Toàn bộ")
    assert evaluate(org, "staff_designated").status == "pass"
    commitments = evaluate(org, "commitments_signed")
    assert commitments.status == "fail" and commitments.details == ("Hoàng Văn Mạnh: chưa có bản cam kết",)
    assert evaluate(org, "trainings_held").status == "fail"
    TrainingSession.objects.create(agency=org["agency"], topic="Luật 117/2025", held_on=today, organiser="VP")
    assert evaluate(org, "trainings_held").status == "pass"


def test_a_gatherer_that_breaks_on_the_database_gives_none(org):
    def broken():
        raise DatabaseError("no such table: assets_device")

    assert facts.safely(broken, "assets") is None


def test_drafting_computers_come_from_the_devices_app(org):
    from bmnn.assets.models import Device, DeviceInspection

    device = Device.objects.create(
        agency=org["agency"],
        kind="desktop",
        asset_tag="VP-MT-01",
        hostname="soanthao-01",
        purpose="drafting",
        network_status="standalone",
        registered_on=clock.today(),
    )
    DeviceInspection.objects.create(
        device=device, checked_on=clock.today(), result="FAIL", recorded_by=org["users"]["security"]
    )
    result = evaluate(org, "computers_sealed_and_checked")
    assert result.status == "fail"
    assert result.details == ("VP-MT-01 (soanthao-01): chưa dán tem; lần kiểm tra gần nhất không đạt",)
