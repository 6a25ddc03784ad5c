import argparse
import json

import pytest

from bmnn.catalog.models import Catalog
from bmnn.commands import catalog as catalog_command

pytestmark = pytest.mark.django_db

TEXT = """Số: 91/QĐ-TTg
Điều 1. Bí mật nhà nước độ Mật gồm:
1. Kế hoạch thanh tra chưa công bố.
3. Danh sách dự kiến điều động chưa công bố.
"""


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bmnn")
    catalog_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_import_dry_run_reports_problems_as_json_and_saves_nothing(tmp_path, capsys):
    path = tmp_path / "qd.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert _run(["catalog", "import", str(path), "--dry-run", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["decision"] == "91/QĐ-TTg" and len(report["items"]) == 2
    assert [p["code"] for p in report["problems"]] == ["numbering"]
    assert not Catalog.objects.exists()


def test_import_refuses_problems_unless_accepted(tmp_path, capsys):
    path = tmp_path / "qd.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert _run(["catalog", "import", str(path)]) == 1
    assert "Không nhập" in capsys.readouterr().err
    assert not Catalog.objects.exists()
    assert _run(["catalog", "import", str(path), "--accept-problems", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["saved"] is True and report["catalog"] == Catalog.objects.get().pk
    assert Catalog.objects.get().agency is None


def test_load_starter_then_export_round_trips(tmp_path, capsys):
    assert _run(["catalog", "load-starter", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)["created"]
    assert len(created) == 3
    assert _run(["catalog", "load-starter"]) == 0
    assert "không nạp lại" in capsys.readouterr().out
    out = tmp_path / "dm.xlsx"
    assert _run(["catalog", "export", str(out), "--catalog", str(created[0]["id"])]) == 0
    from bmnn.catalog.importing import parse_file

    assert parse_file(out).decision == created[0]["decision"]
