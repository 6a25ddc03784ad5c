"""`bmnn report keys|register|export|import` end to end between two agencies."""

from __future__ import annotations

import json

import pytest

from bmnn.lib.testing import make_agency, make_user
from bmnn.plans.models import ReceivedPackage
from bmnn.plans.report_cli import main
from bmnn.plans.tests.test_rollup import STATS, _final_report

pytestmark = pytest.mark.django_db


def test_export_register_and_import_through_the_command_line(tmp_path, capsys):
    upper, lower = make_agency("Công an tỉnh Thử"), make_agency("Sở Công Thương tỉnh Thử")
    boss = make_user(upper, "pa03", role="security_officer")
    clerk = make_user(lower, "sct", role="security_officer")
    theirs, mine = _final_report(lower, clerk, stats=STATS), _final_report(upper, boss)

    assert main(["keys", "--as", "sct", "--json"]) == 0
    key_line = json.loads(capsys.readouterr().out)["public_key"]
    (tmp_path / "key.txt").write_text(key_line, encoding="utf-8")
    assert main(["register", str(tmp_path / "key.txt"), "--as", "pa03"]) == 0
    assert "Đã đăng ký Sở Công Thương tỉnh Thử" in capsys.readouterr().out

    package = tmp_path / "p.bmnnbc"
    assert main(["export", str(theirs.pk), "--as", "sct", "-o", str(package)]) == 0
    capsys.readouterr()
    assert main(["import", str(mine.pk), str(package), "--as", "pa03", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["ok"] is True
    assert main(["import", str(mine.pk), str(package), "--as", "pa03"]) == 1
    assert "đã được nhập" in capsys.readouterr().out
    assert ReceivedPackage.objects.count() == 1


def test_a_user_of_another_agency_cannot_export_its_report(capsys):
    one, two = make_agency("A"), make_agency("B")
    make_user(one, "a", role="security_officer")
    report = _final_report(two, make_user(two, "b", role="security_officer"))
    assert main(["export", str(report.pk), "--as", "a"]) == 2
    assert "Không có báo cáo" in capsys.readouterr().err


def test_staff_cannot_use_the_report_command(capsys):
    make_user(make_agency("A"), "nv", role="staff")
    assert main(["keys", "--as", "nv"]) == 2
    assert "không có quyền" in capsys.readouterr().err
