"""The act printouts over the API and the command line: same clearance, same ledger entry."""

import argparse

import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.cli import CliError
from bmnn.commands import printing
from bmnn.forms.tests.acts.helpers import copies_of
from bmnn.forms.tests.test_render import pdf_pages
from bmnn.lib.testing import PASSWORD


def token(client, username):
    response = client.post(
        "/api/v1/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bmnn")
    printing.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def test_a_copy_record_over_the_api_is_ledgered_and_hidden_from_who_may_not_see_the_item(
    org, make_item, client
):
    entry = copies_of(org, make_item("secret"))[0].entry
    url = f"/api/v1/forms/acts/copy-entry/{entry.pk}/doc.copy_record/?format=docx"
    before = LedgerEntry.objects.filter(event="forms.printed").count()
    ok = client.get(url, **token(client, "clerk"))
    assert ok.status_code == 200 and b"".join(ok.streaming_content)[:2] == b"PK"
    assert client.get(url, **token(client, "stranger")).status_code == 404
    assert (
        client.get(url.replace("doc.copy_record", "doc.copy_extract"), **token(client, "clerk")).status_code
        == 404
    )
    assert LedgerEntry.objects.filter(event="forms.printed").count() == before + 1


def test_a_copys_stamps_over_the_api(org, make_item, client):
    copy = copies_of(org, make_item("secret"))[1]
    response = client.get(f"/api/v1/forms/copies/{copy.pk}/stamps/", **token(client, "clerk"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_print_act_on_the_command_line_writes_the_file_only_for_who_may_see_it(
    org, make_item, tmp_path, monkeypatch
):
    monkeypatch.setattr(printing, "require_schema", lambda: None)
    entry = copies_of(org, make_item("secret"))[0].entry
    out = tmp_path / "ghi-nhan.pdf"
    argv = [
        "print",
        "act",
        "copy-entry",
        str(entry.pk),
        "doc.copy_record",
        "--format",
        "pdf",
        "--out",
        str(out),
    ]
    assert run([*argv, "--as", "clerk"]) == 0
    assert "1/2, 2/2" in " ".join(" ".join(pdf_pages(out)).split())
    out.unlink()
    with pytest.raises(CliError):
        run([*argv, "--as", "stranger"])
    assert not out.exists()


def test_print_copy_stamps_on_the_command_line(org, make_item, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "require_schema", lambda: None)
    copy = copies_of(org, make_item("secret"))[1]
    out = tmp_path / "dau.pdf"
    assert (
        run(["print", "copy-stamps", str(copy.pk), "--format", "pdf", "--out", str(out), "--as", "clerk"])
        == 0
    )
    assert "BẢN SAO SỐ 2/2" in " ".join(pdf_pages(out))
