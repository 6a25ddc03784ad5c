"""The ledger proves after the fact that nobody rewrote history."""

import hashlib
import hmac

import pytest
from django.db import DatabaseError, connection, transaction

from bmnn.audit import ledger, triggers
from bmnn.audit.ledger import record, verify
from bmnn.audit.models import LedgerEntry, LedgerIsAppendOnly

pytestmark = pytest.mark.django_db


def write(n: int = 5) -> list[LedgerEntry]:
    return [record(event="test.event", actor=None, payload={"n": i, "text": "Tối mật"}) for i in range(n)]


def raw(sql: str, params=()) -> None:
    """Act as an attacker with direct database access: drop the triggers first."""
    with connection.cursor() as cursor:
        for statement in triggers.drop_sql(connection.vendor, "audit_ledgerentry"):
            cursor.execute(statement)
        cursor.execute(sql, params)


def codes(result) -> set[str]:
    return {p.code for p in result.problems}


def test_an_untouched_chain_verifies_and_reports_its_head():
    entries = write(3)
    result = verify()
    assert result.ok and result.count == 3
    assert result.head == f"3:{entries[-1].hash}" == ledger.head()


def test_each_entry_links_to_the_previous_hash():
    entries = write(3)
    assert entries[0].prev_hash == ledger.GENESIS
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]


def test_the_model_refuses_update_and_delete():
    entry = write(1)[0]
    entry.event = "test.changed"
    with pytest.raises(LedgerIsAppendOnly):
        entry.save()
    with pytest.raises(LedgerIsAppendOnly):
        entry.delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_ledgerentry SET event = 'x.y' WHERE seq = 1",
        "DELETE FROM audit_ledgerentry WHERE seq = 1",
    ],
)
def test_database_triggers_refuse_update_and_delete(sql):
    write(2)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert LedgerEntry.objects.filter(seq=1, event="test.event").exists()


def test_an_edited_field_is_found_at_its_row():
    write(5)
    raw("UPDATE audit_ledgerentry SET payload = %s WHERE seq = 3", ['{"n":99}'])
    result = verify()
    assert not result.ok
    assert [(p.seq, p.code) for p in result.problems] == [(3, "bad_hash")]


def test_a_deleted_row_is_found():
    write(5)
    raw("DELETE FROM audit_ledgerentry WHERE seq = 3")
    result = verify()
    assert {"missing_rows", "broken_link"} <= codes(result)
    assert result.problems[0].seq == 4


def test_an_inserted_row_is_found_even_with_a_plausible_hash():
    entries = write(3)
    fake = "f" * 64
    raw(
        "INSERT INTO audit_ledgerentry (seq, created_at, actor_repr, event, subject_type, subject_id, "
        "subject_repr, payload, prev_hash, hash) VALUES (4, %s, 'x', 'test.event', '', '', '', '{}', %s, %s)",
        [entries[-1].created_at, entries[-1].hash, fake],
    )
    assert codes(verify()) == {"bad_hash"}


def test_reordered_rows_are_found():
    write(4)
    raw("UPDATE audit_ledgerentry SET seq = seq + 100 WHERE seq IN (2, 3)")
    raw("UPDATE audit_ledgerentry SET seq = 202 WHERE seq = 103")
    raw("UPDATE audit_ledgerentry SET seq = 3 WHERE seq = 102")
    raw("UPDATE audit_ledgerentry SET seq = 2 WHERE seq = 202")
    result = verify()
    assert "broken_link" in codes(result) and "bad_hash" in codes(result)


def test_a_chain_recomputed_without_the_key_is_found():
    write(3)
    wrong_key = hmac.new(b"guessed key", digestmod=hashlib.sha256)
    rows = list(ledger.iter_rows())
    raw("UPDATE audit_ledgerentry SET payload = %s WHERE seq = 2", ['{"n":"forged"}'])
    prev = ledger.GENESIS
    for row in ledger.iter_rows():
        new_hash = ledger.compute_hash(wrong_key, prev, row[:9])
        raw("UPDATE audit_ledgerentry SET prev_hash = %s, hash = %s WHERE seq = %s", [prev, new_hash, row[0]])
        prev = new_hash
    result = verify()
    assert len(rows) == 3 and codes(result) == {"bad_hash"} and len(result.problems) == 3


def test_truncation_of_the_newest_rows_is_found_with_the_printed_head():
    write(5)
    printed = ledger.head()
    raw("DELETE FROM audit_ledgerentry WHERE seq >= 4")
    assert verify().ok  # without the printed head a clean truncation is invisible...
    result = verify(expect_head=printed)
    assert codes(result) == {"truncated"}  # ...with it, it is caught


def test_a_head_that_does_not_match_is_reported():
    write(3)
    result = verify(expect_head="2:" + "a" * 64)
    assert codes(result) == {"head_mismatch"}


def test_a_malformed_head_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="SỐ:MÃ_BĂM"):
        verify(expect_head="abc")


def test_payload_text_is_stored_nfc_and_canonical():
    entry = record(event="test.event", actor=None, payload={"b": "To\u0302\u0301i", "a": 1})
    assert entry.payload == '{"a":1,"b":"Tối"}'


def test_event_codes_must_be_dotted():
    with pytest.raises(ValueError):
        record(event="nodot", actor=None)
