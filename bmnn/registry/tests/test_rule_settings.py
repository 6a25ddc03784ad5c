"""Agency overrides of rule-set values the law leaves unclear: admin only, ledgered, used by the services."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.lib.testing import make_user
from bmnn.registry import services
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.models import RuleSettingChange

pytestmark = pytest.mark.django_db
SHORTER = {"top_secret": 25, "secret": 15, "confidential": 5}


def test_admin_changes_an_unclear_value_with_one_ledger_entry_carrying_old_new_and_reason(org):
    admin = org["users"]["admin"]
    before = LedgerEntry.objects.count()
    services.change_rule_setting(
        actor=admin, regime="2025", key="protection_years", value=SHORTER, reason="Theo NĐ 63 khi ban hành"
    )
    assert LedgerEntry.objects.count() == before + 1
    entry = LedgerEntry.objects.latest("seq")
    assert entry.event == "registry.rule_setting_changed"
    payload = json.loads(entry.payload)
    assert payload["old"]["secret"] == 20 and payload["new"]["secret"] == 15
    assert payload["reason"] == "Theo NĐ 63 khi ban hành"
    ruleset = ruleset_for_agency(dt.date(2026, 4, 2), org["agency"].pk)
    assert ruleset.protection_years.value["secret"] == 15 and ruleset.protection_years.overridden


def test_the_override_belongs_to_one_agency_and_one_regime(org):
    services.change_rule_setting(
        actor=org["users"]["admin"], regime="2025", key="protection_years", value=SHORTER, reason="r"
    )
    assert (
        ruleset_for_agency(dt.date(2026, 4, 2), org["outsider"].agency_id).protection_years.value["secret"]
        == 20
    )
    assert ruleset_for_agency(dt.date(2025, 4, 2), org["agency"].pk).protection_years.value["secret"] == 20


def test_services_use_the_agency_override_for_the_protection_period(org, catalog_items):
    services.change_rule_setting(
        actor=org["users"]["admin"], regime="2025", key="protection_years", value=SHORTER, reason="r"
    )
    item = services.create_item(
        actor=org["users"]["head"],
        data=services.ItemInput(
            kind="paper_document",
            level="secret",
            basis_ids=[catalog_items["secret"].pk],
            classified_on=dt.date(2026, 4, 2),
            copies=1,
        ),
    )
    assert item.status == "classified" and item.protection_ends_on == dt.date(2041, 4, 2)


def test_reset_returns_to_the_law_default_and_keeps_history(org):
    admin = org["users"]["admin"]
    services.change_rule_setting(
        actor=admin, regime="2025", key="protection_years", value=SHORTER, reason="a"
    )
    services.change_rule_setting(actor=admin, regime="2025", key="protection_years", value=None, reason="b")
    assert ruleset_for_agency(dt.date(2026, 4, 2), org["agency"].pk).protection_years.value["secret"] == 20
    assert RuleSettingChange.objects.count() == 2


@pytest.mark.parametrize(
    ("who", "key", "value", "reason", "codes"),
    [
        ("head", "protection_years", SHORTER, "r", {"setting_not_admin"}),
        ("admin", "protection_years", SHORTER, " ", {"setting_reason_missing"}),
        ("admin", "top_secret_summary", "allowed", "r", {"setting_fixed_by_law"}),
        ("admin", "protection_years", {"secret": 5}, "r", {"setting_value_invalid"}),
        ("admin", "extension_min_days_before_expiry", -1, "r", {"setting_value_invalid"}),
        ("staff", "nope", 1, "", {"setting_not_admin", "setting_reason_missing", "setting_fixed_by_law"}),
    ],
)
def test_refused_changes_say_every_reason_and_change_nothing(org, who, key, value, reason, codes):
    actor = org["users"].get(who) or make_user(org["agency"], "s2", role="staff", clearance="secret")
    before = LedgerEntry.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.change_rule_setting(actor=actor, regime="2025", key=key, value=value, reason=reason)
    assert {v.code for v in exc.value.violations} == codes
    assert LedgerEntry.objects.count() == before and not RuleSettingChange.objects.exists()


def test_the_page_is_readable_by_the_security_officer_and_changeable_only_by_the_admin(org):
    officer = make_user(org["agency"], "officer", role="security_officer", clearance="secret")
    url = reverse("registry:rule_settings")
    client = Client()
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Thời hạn bảo vệ theo độ mật" in page and "Luật 117/2025/QH15" in page and "<textarea" not in page
    assert client.post(url, {"regime": "2025", "key": "protection_years"}).status_code == 403
    client.force_login(org["users"]["drafter"])
    assert client.get(url).status_code == 403
    client.force_login(org["users"]["admin"])
    response = client.post(
        url,
        {
            "regime": "2025",
            "key": "protection_years",
            "value": '{"top_secret": 25, "secret": 15, "confidential": 5}',
            "reason": "Thử",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "đã điều chỉnh cho cơ quan" in page and "Thử" in page
    bad = client.post(url, {"regime": "2025", "key": "protection_years", "value": "{", "reason": "x"})
    assert "không đúng dạng JSON" in bad.content.decode()
