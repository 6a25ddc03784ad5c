"""Pure parts of the roll-up, without a database: canonical form, signature, period, sums, lateness."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bmnn.plans.rollup import package
from bmnn.plans.rollup.consolidate import add_up, reporting_rows, strip_secret_text
from bmnn.plans.rollup.keys import parse_public_key
from bmnn.plans.rollup.rules import ImportCheck, PackageMeta, check_import, read_meta

D = dt.date


def test_canonical_json_is_the_same_for_composed_and_decomposed_vietnamese():
    composed = {"b": "Sở Y tế", "a": [1, 2]}
    decomposed = {"a": [1, 2], "b": unicodedata.normalize("NFD", "Sở Y tế")}
    assert package.canonical_json(composed) == package.canonical_json(decomposed)
    assert package.canonical_json(composed) == '{"a":[1,2],"b":"Sở Y tế"}'.encode()


def test_floats_are_refused_because_they_have_no_canonical_text():
    with pytest.raises(TypeError):
        package.canonical_json({"x": 0.1})


def test_a_signed_package_verifies_with_its_key_and_not_with_another():
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    opened = package.open_package(package.sign_package({"n": 1, "s": "Mật"}, key))
    package.verify(opened, package.raw_public_key(key.public_key()))
    with pytest.raises(package.PackageError) as info:
        package.verify(opened, package.raw_public_key(other.public_key()))
    assert info.value.code == "bad_signature"


def test_reformatting_the_file_keeps_the_signature_but_changing_a_number_breaks_it():
    key = Ed25519PrivateKey.generate()
    raw = package.raw_public_key(key.public_key())
    document = json.loads(package.sign_package({"n": 1}, key))
    package.verify(package.open_package(json.dumps(document, indent=4).encode()), raw)
    document["payload"]["n"] = 2
    with pytest.raises(package.PackageError):
        package.verify(package.open_package(json.dumps(document).encode()), raw)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not json", "not_a_package"),
        (b'{"format": "other"}', "not_a_package"),
        (b'{"format": "bmnn-report-package", "version": 9}', "unknown_version"),
        (b'{"format": "bmnn-report-package", "version": 1, "payload": {}, "public_key": "!!"}', "malformed"),
        (b'{"format": "bmnn-report-package", "version": 1, "payload": {}}', "malformed"),
    ],
)
def test_files_that_are_not_packages_are_named_as_such(data, code):
    with pytest.raises(package.PackageError) as info:
        package.open_package(data)
    assert info.value.code == code


def test_a_public_key_line_round_trips():
    key = Ed25519PrivateKey.generate()
    raw = package.raw_public_key(key.public_key())
    import base64

    info = parse_public_key(f"bmnn-ed25519 {base64.b64encode(raw).decode()} Sở Y tế tỉnh Thử")
    assert (info.raw, info.name) == (raw, "Sở Y tế tỉnh Thử")


def _meta(start: dt.date, end: dt.date) -> PackageMeta:
    return PackageMeta("Sở A", "BC", start, end, None)


@pytest.mark.parametrize(
    ("package_period", "digest_on", "reported_on", "codes"),
    [
        ((D(2025, 12, 15), D(2026, 12, 14)), None, None, []),
        ((D(2024, 12, 15), D(2025, 12, 14)), None, None, ["wrong_period"]),
        ((D(2025, 12, 15), D(2026, 12, 14)), D(2026, 12, 1), D(2026, 12, 1), ["duplicate"]),
        ((D(2025, 12, 15), D(2026, 12, 14)), None, D(2026, 12, 1), ["already_reported"]),
        ((D(2025, 12, 1), D(2026, 12, 14)), None, D(2026, 12, 1), ["wrong_period", "already_reported"]),
    ],
)
def test_period_and_duplicates_are_all_reported(package_period, digest_on, reported_on, codes):
    check = ImportCheck(
        _meta(*package_period), D(2025, 12, 15), D(2026, 12, 14), "Sở A", digest_on, reported_on
    )
    assert [v.code for v in check_import(check)] == codes


def test_an_incomplete_payload_lists_every_missing_part():
    meta, problems = read_meta({"kind": "x", "report": {"period_start": "2026-01-01"}})
    assert meta is None
    assert [v.code for v in problems] == ["wrong_kind", "no_sender", "no_period", "no_statistics"]


def test_sums_ignore_negative_and_non_integer_counts():
    totals = add_up(
        [
            {"acts": {"e": {"secret": 2, "bogus": 5}}, "tasks": {"done": 3}},
            {"acts": {"e": {"secret": -4, "confidential": True}}, "tasks": {"done": "9"}},
            {"units": 4, "acts": {"e": {"top_secret": 1}}},
        ]
    )
    assert totals["acts"] == {"e": {"secret": 2, "top_secret": 1}}
    assert totals["tasks"]["done"] == 3
    assert totals["units"] == 6


@pytest.mark.parametrize(
    ("received", "today", "state"),
    [
        (D(2026, 12, 10), D(2026, 12, 20), "on_time"),
        (D(2026, 12, 11), D(2026, 12, 20), "late"),
        (None, D(2026, 12, 10), "waiting"),
        (None, D(2026, 12, 11), "missing"),
    ],
)
def test_who_reported_and_who_is_late(received, today, state):
    got = {1: received} if received else {}
    (row,) = reporting_rows([(1, "Sở A")], got, D(2026, 12, 10), today)
    assert row.state == state


def test_secret_text_is_stripped_at_any_depth():
    value = {"a": [{"title": "x", "n": 1}], "summary": "y", "b": {"trich_yeu": "z", "m": 2}}
    assert strip_secret_text(value) == {"a": [{"n": 1}], "b": {"m": 2}}
