"""Every page of people, assets and areas renders for a security officer (templates, URLs, CSP-safe)."""

import datetime as dt

from django.test import Client

from bmnn.areas import services as areas
from bmnn.assets import services as assets
from bmnn.assets.tests.reports import as_bytes, make_report
from bmnn.lib import clock
from bmnn.people import services as people
from bmnn.registry.models import SecretItem


def test_every_page_renders_without_inline_script_or_style(org):
    actor, agency = org["users"]["security"], org["agency"]
    device = assets.register_device(
        actor=actor,
        agency=agency,
        kind="desktop",
        asset_tag="TS-1",
        purpose="drafting",
        network_status="standalone",
        macs=["aa:bb:cc:dd:ee:01"],
    )
    seal = assets.seal_device(
        actor=actor, device=device, number="T-1", sealed_on=clock.today(), sealed_by="PA03"
    )
    check = assets.upload_hostcheck(
        actor=actor, device=device, raw=as_bytes(make_report(macs=["aa:bb:cc:dd:ee:01"]))
    )
    usb = assets.register_storage(actor=actor, agency=agency, serial="U1")
    staff = people.create_staff(actor=actor, agency=agency, full_name="Nguyễn A", user=org["users"]["staff"])
    people.record_departure(
        actor=actor,
        staff=staff,
        reason="transfer",
        leaves_on=clock.today(),
        commitment_signed_on=clock.today(),
        commitment_scope="Cam kết",
    )
    other = people.create_staff(actor=actor, agency=agency, full_name="Trần B")
    declaration = people.declare(
        actor=actor,
        staff=other,
        kind="press",
        starts_on=clock.today(),
        counterpart="Báo X",
        purpose="Phỏng vấn",
    )
    member = people.add_member(
        actor=actor, staff=other, committee="security_team", role="Tổ trưởng", started_on=clock.today()
    )
    area = areas.register_area(
        actor=actor,
        agency=agency,
        kind="no_recording",
        name="Phòng họp 2",
        location="Tầng 2",
        rules_text="Cấm ghi âm",
    )
    meeting = areas.plan_meeting(
        actor=actor,
        agency=agency,
        title="Họp",
        level="confidential",
        starts_on=clock.today(),
        ends_on=clock.today(),
        venue="Phòng họp 2",
        approved_by="GĐ",
        approval_reference="1/GM",
        approved_on=clock.today(),
        area=area,
    )
    areas.add_attendees(actor=actor, meeting=meeting, users=[org["users"]["head"]])
    item = SecretItem.objects.create(
        agency=agency, level="confidential", initial_level="confidential", status="classified", number="1/BC"
    )
    doc = areas.hand_out_document(
        actor=actor, meeting=meeting, item=item, handed_to=org["users"]["head"], on=clock.today()
    )
    rule = areas.issue_rule_version(
        actor=actor,
        agency=agency,
        kind="noi_quy",
        title="Nội quy",
        number="1/NQ",
        issued_on=clock.today(),
        effective_from=clock.today(),
        review_due=clock.today() + dt.timedelta(days=365),
    ).rule
    urls = [
        "/assets/",
        "/assets/new/",
        f"/assets/{device.pk}/",
        f"/assets/{device.pk}/edit/",
        f"/assets/{device.pk}/seal/",
        f"/assets/{device.pk}/seals/{seal.pk}/broken/",
        f"/assets/{device.pk}/inspect/",
        f"/assets/{device.pk}/hostcheck/",
        f"/assets/{device.pk}/wipe/",
        f"/assets/{device.pk}/retire/",
        f"/assets/{device.pk}/checks/{check.pk}/",
        "/assets/usb/",
        "/assets/usb/new/",
        f"/assets/usb/{usb.pk}/",
        f"/assets/usb/{usb.pk}/allocate/",
        "/people/",
        "/people/new/",
        f"/people/{staff.pk}/",
        f"/people/{other.pk}/",
        f"/people/{other.pk}/designate/",
        f"/people/{other.pk}/key-post/",
        f"/people/{other.pk}/commit/",
        f"/people/{other.pk}/declare/",
        f"/people/{other.pk}/depart/",
        f"/people/{staff.pk}/recall/",
        f"/people/declarations/{declaration.pk}/decide/",
        "/people/training/",
        "/people/training/new/",
        "/people/awareness/new/",
        "/people/committee/",
        "/people/committee/new/",
        f"/people/committee/{member.pk}/end/",
        "/areas/",
        "/areas/new/",
        f"/areas/{area.pk}/",
        "/areas/meetings/new/",
        f"/areas/meetings/{meeting.pk}/",
        f"/areas/meetings/{meeting.pk}/attendees/",
        f"/areas/meetings/{meeting.pk}/handout/",
        f"/areas/meetings/{meeting.pk}/documents/{doc.pk}/recover/",
        "/areas/rules/",
        "/areas/rules/new/",
        f"/areas/rules/{rule.pk}/version/",
    ]
    client = Client()
    client.force_login(actor)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<script>" not in html and " style=" not in html and "onclick" not in html, url
