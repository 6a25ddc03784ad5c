"""Register rows are frozen in the database itself: a raw UPDATE of the number or a DELETE fails on
SQLite and PostgreSQL alike (run with DATABASE_URL set for the latter)."""

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction

from bmnn.registers import services
from bmnn.registers.models import HandoverEntry, IncomingEntry, OutgoingEntry


@pytest.fixture
def rows(org, make_item):
    clerk = org["users"]["clerk"]
    item = make_item()
    out = services.register_outgoing(
        actor=clerk,
        data=services.OutgoingInput(item_id=item.pk, date=dt.date(2026, 4, 3), recipients=["UBND tỉnh"]),
    )
    inc = services.register_incoming(
        actor=clerk,
        data=services.IncomingInput(
            arrival_date=dt.date(2026, 4, 3), issuing_body="Bộ A", number="1/BA", level="secret"
        ),
    )
    ho = services.hand_over(actor=clerk, item=item, to_user=org["users"]["staff"], on=dt.date(2026, 4, 4))
    return [out, inc, ho]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE {t} SET seq = seq + 100 WHERE id = %s",
        "UPDATE {t} SET level = 'confidential' WHERE id = %s",
        "DELETE FROM {t} WHERE id = %s",
    ],
)
def test_a_raw_renumbering_or_deletion_of_a_register_row_fails(rows, statement):
    for entry in rows:
        table = type(entry)._meta.db_table
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(statement.format(t=table), [entry.pk])
    assert (
        OutgoingEntry.objects.get().seq,
        IncomingEntry.objects.get().seq,
        HandoverEntry.objects.get().seq,
    ) == (1, 1, 1)


def test_cancellation_columns_may_still_be_set_once(rows, org):
    services.cancel_entry(actor=org["users"]["clerk"], entry=rows[0], reason="Nhầm")
    assert OutgoingEntry.objects.get().is_cancelled
