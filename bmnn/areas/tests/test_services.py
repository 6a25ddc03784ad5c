import datetime as dt

import pytest
from django.test import Client

from bmnn.areas import queries, services
from bmnn.areas.models import MeetingAttendee
from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.registry.models import SecretItem

D = dt.date(2026, 5, 4)


def meeting(org, level="secret"):
    return services.plan_meeting(
        actor=org["users"]["security"],
        agency=org["agency"],
        title="Họp đề án sáp nhập",
        level=level,
        starts_on=D,
        ends_on=D,
        venue="Phòng họp số 2",
        approved_by="Giám đốc",
        approval_reference="12/GM",
        approved_on=D,
    )


def test_an_attendee_without_clearance_refuses_the_whole_list_and_changes_nothing(org):
    m = meeting(org)
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.add_attendees(
            actor=org["users"]["security"], meeting=m, users=[org["users"]["head"], org["users"]["staff"]]
        )
    assert [v.code for v in exc.value.violations] == ["attendee_not_cleared"]
    assert "staff" in exc.value.violations[0].message_vi
    assert MeetingAttendee.objects.count() == 0 and LedgerEntry.objects.count() == before


def test_documents_handed_out_and_not_recovered_raise_an_alert_until_recovered(org):
    m = meeting(org)
    actor = org["users"]["security"]
    before = LedgerEntry.objects.count()
    services.add_attendees(actor=actor, meeting=m, users=[org["users"]["head"]])
    item = SecretItem.objects.create(
        agency=org["agency"], level="secret", initial_level="secret", status="classified", number="3/ĐA"
    )
    doc = services.hand_out_document(actor=actor, meeting=m, item=item, handed_to=org["users"]["head"], on=D)
    assert LedgerEntry.objects.count() == before + 2
    codes = [
        a.code
        for a in queries.alerts(org["agency"], D + dt.timedelta(days=1))
        if a.code.startswith("areas.meeting")
    ]
    assert codes == ["areas.meeting_documents_unrecovered"]
    alert = next(
        a
        for a in queries.alerts(org["agency"], D + dt.timedelta(days=1))
        if a.code == "areas.meeting_documents_unrecovered"
    )
    assert "sáp nhập" not in alert.message_vi  # the title may be secret
    services.recover_document(actor=actor, document=doc, on=D)
    m.refresh_from_db()
    assert m.status == "closed"
    assert not [
        a
        for a in queries.alerts(org["agency"], D + dt.timedelta(days=1))
        if a.code.startswith("areas.meeting")
    ]


def test_a_meeting_above_the_readers_clearance_is_not_found(org):
    m = meeting(org, level="top_secret")
    assert queries.meetings_for(org["users"]["security"]).count() == 0
    client = Client()
    client.force_login(org["users"]["security"])
    assert client.get(f"/areas/meetings/{m.pk}/").status_code == 404
    client.force_login(org["users"]["head"])
    assert client.get(f"/areas/meetings/{m.pk}/").status_code == 200


def test_internal_rules_keep_versions_and_alert_when_review_is_overdue(org):
    actor = org["users"]["security"]
    first = services.issue_rule_version(
        actor=actor,
        agency=org["agency"],
        kind="noi_quy",
        title="Nội quy bảo vệ BMNN",
        number="01/NQ",
        issued_on=dt.date(2024, 1, 1),
        effective_from=dt.date(2024, 1, 1),
        review_due=dt.date(2025, 1, 1),
    )
    assert [a.code for a in queries.alerts(org["agency"], D)] == ["areas.internal_rule_review_overdue"]
    second = services.issue_rule_version(
        actor=actor,
        agency=org["agency"],
        kind="noi_quy",
        title="",
        number="02/NQ",
        rule=first.rule,
        issued_on=D,
        effective_from=D,
        review_due=dt.date(2027, 5, 4),
    )
    assert second.version == 2 and first.rule.versions.count() == 2
    assert queries.alerts(org["agency"], D) == []


def test_the_agency_without_a_noi_quy_gets_an_alert(org):
    assert [a.code for a in queries.alerts(org["agency"], D)] == ["areas.no_internal_rule"]


def test_the_attendee_page_shows_the_reason(org):
    m = meeting(org)
    client = Client()
    client.force_login(org["users"]["security"])
    response = client.post(f"/areas/meetings/{m.pk}/attendees/", {"users": [org["users"]["staff"].pk]})
    assert response.status_code == 200
    assert "không đủ cho cuộc họp độ “Tối mật”" in response.content.decode()


def test_the_meetings_api_hides_meetings_above_clearance(org):
    import json as _json

    from bmnn.lib.testing import PASSWORD

    meeting(org, level="top_secret")
    meeting(org, level="confidential")
    client = Client()

    def token(username):
        body = _json.dumps({"username": username, "password": PASSWORD})
        response = client.post("/api/v1/auth/token", body, content_type="application/json")
        return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}

    levels_seen = [m["level"] for m in client.get("/api/v1/meetings/", **token("security")).json()["results"]]
    assert levels_seen == ["confidential"]
    assert len(client.get("/api/v1/meetings/", **token("head")).json()["results"]) == 2


def test_only_leaders_and_security_officers_manage_meetings(org):
    m = meeting(org, level="confidential")
    for who in ("staff", "inspector"):
        client = Client()
        client.force_login(org["users"][who])
        assert client.get("/areas/meetings/new/").status_code == 403
        assert client.post(
            f"/areas/meetings/{m.pk}/attendees/", {"users": [org["users"]["head"].pk]}
        ).status_code in (403, 404)
    assert MeetingAttendee.objects.count() == 0


def test_a_staff_attendee_sees_the_meeting_but_a_colleague_does_not(org):
    m = meeting(org, level="confidential")
    services.add_attendees(actor=org["users"]["security"], meeting=m, users=[org["users"]["staff"]])
    assert list(queries.meetings_for(org["users"]["staff"])) == [m]
    from bmnn.lib.testing import make_user

    colleague = make_user(org["agency"], "colleague", role="staff", clearance="top_secret", unit=org["unit"])
    assert list(queries.meetings_for(colleague)) == []
