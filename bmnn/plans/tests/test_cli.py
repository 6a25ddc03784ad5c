"""`bmnn plan import FILE --save --as USERNAME`."""

from __future__ import annotations

import json

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.lib.testing import make_user
from bmnn.plans.cli import main
from bmnn.plans.models import Plan
from bmnn.plans.tests.conftest import SAMPLE_2024

pytestmark = pytest.mark.django_db


def test_save_stores_the_plan_as_the_given_user_and_matches_units(officer, office, capsys):
    assert main(["import", str(SAMPLE_2024), "--json", "--save", "--as", "baomat"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["title"]  # stdout is only JSON
    plan = Plan.objects.get()
    assert plan.created_by == officer and plan.source_name == SAMPLE_2024.name
    assert plan.tasks.filter(lead_unit=office).exists()
    entry = LedgerEntry.objects.get(event="plans.plan_imported")
    assert entry.actor == officer


def test_save_by_a_user_who_may_not_manage_plans_writes_nothing(agency, capsys):
    make_user(agency, "chuyenvien")
    before = LedgerEntry.objects.count()
    assert main(["import", str(SAMPLE_2024), "--save", "--as", "chuyenvien"]) == 2
    assert "không có quyền" in capsys.readouterr().err
    assert Plan.objects.count() == 0 and LedgerEntry.objects.count() == before


def test_save_as_an_unknown_user_is_refused(capsys):
    assert main(["import", str(SAMPLE_2024), "--save", "--as", "khongco"]) == 2
    assert "Không có người dùng" in capsys.readouterr().err
