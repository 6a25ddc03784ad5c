import argparse

import docx
import pytest

from bmnn.audit.models import LedgerEntry
from bmnn.cli import CliError
from bmnn.commands import printing


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bmnn")
    printing.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def test_print_form_writes_the_file_and_ledgers_it(people, item, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "require_schema", lambda: None)
    out = tmp_path / "phieu.docx"
    before = LedgerEntry.objects.count()
    code = run(
        [
            "print",
            "form",
            "doc.proposal",
            "--item",
            str(item.pk),
            "--format",
            "docx",
            "--out",
            str(out),
            "--as",
            "clerk",
        ]
    )
    assert code == 0 and "12/BC-SNV" in " ".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert LedgerEntry.objects.count() == before + 1


def test_print_form_of_an_invisible_item_is_refused_and_writes_nothing(people, item, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "require_schema", lambda: None)
    out = tmp_path / "x.pdf"
    with pytest.raises(CliError):
        run(
            [
                "print",
                "form",
                "stamps",
                "--item",
                str(item.pk),
                "--format",
                "pdf",
                "--out",
                str(out),
                "--as",
                "stranger",
            ]
        )
    assert not out.exists()


def test_print_register_of_an_empty_year_still_prints_its_cover(people, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(printing, "require_schema", lambda: None)
    out = tmp_path / "so-di.pdf"
    assert (
        run(
            [
                "print",
                "register",
                "outgoing",
                "--year",
                "2026",
                "--format",
                "pdf",
                "--out",
                str(out),
                "--as",
                "head",
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert "0/0 dòng" in capsys.readouterr().err or out.exists()
