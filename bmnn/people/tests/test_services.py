import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bmnn.audit.models import LedgerEntry
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation
from bmnn.people import queries, services
from bmnn.people.models import Commitment, Departure, StaffRecord
from bmnn.registry.models import SecretItem


def staff(org, name="Nguyễn Văn A", **extra):
    return services.create_staff(
        actor=org["users"]["security"], agency=org["agency"], full_name=name, **extra
    )


def one_entry(call):
    before = LedgerEntry.objects.count()
    result = call()
    assert LedgerEntry.objects.count() == before + 1
    return result


def test_each_act_on_a_staff_record_writes_exactly_one_ledger_entry(org):
    actor = org["users"]["security"]
    person = one_entry(lambda: staff(org))
    one_entry(
        lambda: services.designate(
            actor=actor,
            staff=person,
            number="5/QĐ",
            signed_on=clock.today(),
            mode="part_time",
            scope="Văn thư",
        )
    )
    one_entry(
        lambda: services.record_commitment(
            actor=actor, staff=person, signed_on=clock.today(), reason="appointment", scope="Bảo vệ BMNN"
        )
    )
    one_entry(
        lambda: services.review_key_post(
            actor=actor, staff=person, is_key_post=True, reviewed_on=clock.today(), next_due=clock.today()
        )
    )
    decl = one_entry(
        lambda: services.declare(
            actor=actor,
            staff=person,
            kind="trip_abroad",
            starts_on=clock.today(),
            counterpart="Lào",
            purpose="Công tác",
        )
    )
    one_entry(
        lambda: services.decide_declaration(actor=actor, declaration=decl, approve=True, on=clock.today())
    )


def test_a_commitment_scan_is_kept_in_the_data_folder_with_its_hash(org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    person = staff(org)
    scan = SimpleUploadedFile("cam ket.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    commitment = services.record_commitment(
        actor=org["users"]["security"],
        staff=person,
        signed_on=clock.today(),
        reason="appointment",
        scope="Bảo vệ BMNN",
        scan=scan,
    )
    assert (tmp_path / commitment.scan.name).read_bytes() == b"%PDF-1.4 scan"
    assert len(commitment.scan_sha256) == 64


def test_an_oversized_scan_is_refused_and_nothing_is_stored(org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.BMNN_SCAN_MAX_BYTES = 10
    person = staff(org)
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.record_commitment(
            actor=org["users"]["security"],
            staff=person,
            signed_on=clock.today(),
            reason="appointment",
            scope="x",
            scan=SimpleUploadedFile("a.pdf", b"0123456789ABC"),
        )
    assert exc.value.violations[0].code == "scan_too_large"
    assert Commitment.objects.count() == 0 and LedgerEntry.objects.count() == before
    assert not any(tmp_path.rglob("*.pdf"))


def test_training_coverage_counts_this_year_and_lists_who_never_was(org):
    a, b, c = staff(org, "A"), staff(org, "B"), staff(org, "C")
    actor = org["users"]["security"]
    services.record_training(
        actor=actor,
        agency=org["agency"],
        topic="Luật 117/2025",
        held_on=dt.date(2026, 4, 1),
        organiser="PA03",
        attendees=[a],
    )
    services.record_training(
        actor=actor,
        agency=org["agency"],
        topic="NĐ 26",
        held_on=dt.date(2025, 4, 1),
        organiser="PA03",
        attendees=[b],
    )
    coverage = queries.training_coverage(org["agency"], 2026)
    assert (coverage.total, coverage.trained, coverage.percent) == (3, 1, 33)
    assert coverage.never_trained == [c]


def test_departure_snapshots_held_items_records_the_commitment_and_closes_designations(org):
    holder = org["users"]["staff"]
    person = staff(org, user=holder)
    actor = org["users"]["security"]
    services.designate(
        actor=actor, staff=person, number="5/QĐ", signed_on=clock.today(), mode="part_time", scope="Văn thư"
    )
    item = SecretItem.objects.create(
        agency=org["agency"],
        level="confidential",
        initial_level="confidential",
        status="classified",
        custodian=holder,
        number="9/BC",
    )
    departure = one_entry(
        lambda: services.record_departure(
            actor=actor,
            staff=person,
            reason="transfer",
            leaves_on=clock.today(),
            commitment_signed_on=clock.today(),
            commitment_scope="Bảo vệ BMNN đã quản lý",
        )
    )
    person.refresh_from_db()
    assert person.status == "departed" and departure.commitment.reason == "departure"
    assert departure.held_items == [
        {"id": item.pk, "label": "9/BC", "level": "confidential", "status": "classified"}
    ]
    assert person.designations.get().ended_on == clock.today()
    assert json.loads(LedgerEntry.objects.latest("seq").payload)["level"] == "confidential"
    codes = {a.code for a in queries.alerts(org["agency"], clock.today())}
    assert "people.departed_still_holding" in codes
    with pytest.raises(RuleViolation):
        services.record_departure(
            actor=actor,
            staff=person,
            reason="transfer",
            leaves_on=clock.today(),
            commitment_signed_on=clock.today(),
            commitment_scope="x",
        )
    assert Departure.objects.count() == 1


def test_a_departure_without_a_commitment_is_refused(org):
    person = staff(org)
    with pytest.raises(RuleViolation) as exc:
        services.record_departure(
            actor=org["users"]["security"],
            staff=person,
            reason="transfer",
            leaves_on=clock.today(),
            commitment_signed_on=clock.today(),
            commitment_scope=" ",
        )
    assert [v.code for v in exc.value.violations] == ["commitment_missing"]
    assert StaffRecord.objects.get().status == "active"


def test_alerts_flag_overdue_key_posts_and_missing_designation(org):
    staff(org, is_key_post=True, key_post_review_due=dt.date(2026, 1, 1))
    codes = [a.code for a in queries.alerts(org["agency"], dt.date(2026, 5, 4))]
    assert codes == ["people.key_post_review_overdue", "people.no_designated_officer"]


def test_committee_terms_keep_history(org):
    person = staff(org)
    actor = org["users"]["security"]
    term = services.add_member(
        actor=actor, staff=person, committee="steering", role="Thành viên", started_on=dt.date(2025, 1, 1)
    )
    services.end_membership(actor=actor, membership=term, ended_on=dt.date(2026, 1, 1))
    with pytest.raises(RuleViolation):
        services.end_membership(actor=actor, membership=term, ended_on=dt.date(2026, 2, 1))
    term.refresh_from_db()
    assert term.ended_on == dt.date(2026, 1, 1)


def test_a_person_holding_nothing_can_still_depart(org):
    person = staff(org)
    departure = services.record_departure(
        actor=org["users"]["security"],
        staff=person,
        reason="retirement",
        leaves_on=clock.today(),
        commitment_signed_on=clock.today(),
        commitment_scope="Cam kết",
    )
    assert departure.held_items == []
