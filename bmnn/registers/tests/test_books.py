import datetime as dt

import pytest
from django.db import transaction

from bmnn.audit.models import LedgerEntry
from bmnn.lib.rules import RuleViolation
from bmnn.lib.testing import make_agency, make_user
from bmnn.registers import services
from bmnn.registers.models import RegisterBook


@pytest.fixture
def people(db):
    agency = make_agency()
    return {
        "clerk": make_user(agency, "clerk", role="clerk", clearance="secret"),
        "officer": make_user(agency, "officer", role="security_officer", clearance="secret"),
        "head": make_user(agency, "head", role="head", clearance="top_secret"),
        "staff": make_user(agency, "staff", role="staff", clearance="secret"),
    }


def take(actor, on, kind="outgoing"):
    with transaction.atomic():
        return services.allocate(actor=actor, kind=kind, on=on)


def test_numbers_run_per_register_and_restart_at_one_each_year(people):
    clerk = people["clerk"]
    seqs = [take(clerk, dt.date(2025, 12, 30)).seq for _ in range(3)]
    assert seqs == [1, 2, 3]
    assert take(clerk, dt.date(2025, 12, 31), "incoming").seq == 1
    assert take(clerk, dt.date(2026, 1, 2)).seq == 1
    assert RegisterBook.objects.filter(kind="outgoing").count() == 2
    assert LedgerEntry.objects.filter(event="registers.book_opened").count() == 3


def test_the_first_book_of_a_year_can_continue_a_paper_register(people):
    book = services.open_book(
        actor=people["clerk"], kind="incoming", year=2026, start_seq=418, opened_on=dt.date(2026, 6, 1)
    )
    assert book.migrated_from_paper
    assert take(people["clerk"], dt.date(2026, 6, 2), "incoming").seq == 418


def test_a_locked_book_refuses_entries_and_a_new_volume_continues_the_sequence(people):
    clerk = people["clerk"]
    on = dt.date(2026, 3, 1)
    take(clerk, on)
    take(clerk, on)
    book = RegisterBook.objects.get(kind="outgoing", year=2026)
    services.lock_book(actor=clerk, book=book)
    book.refresh_from_db()
    assert (book.locked, book.last_seq) == (True, 2)
    with pytest.raises(RuleViolation) as err:
        take(clerk, on)
    assert [v.code for v in err.value.violations] == ["book_locked"]
    second = services.open_book(actor=clerk, kind="outgoing", year=2026, opened_on=on)
    assert (second.volume, second.first_seq) == (2, 3)
    assert take(clerk, on).seq == 3


def test_unlocking_needs_a_second_person_from_the_leadership(people):
    clerk, head = people["clerk"], people["head"]
    take(clerk, dt.date(2026, 3, 1))
    book = RegisterBook.objects.get()
    services.lock_book(actor=clerk, book=book)
    with pytest.raises(RuleViolation):
        services.request_unlock(actor=clerk, book=book, reason="")
    req = services.request_unlock(
        actor=clerk, book=book, reason="Khóa nhầm trước khi vào sổ văn bản ngày 01/03"
    )
    for wrong in (clerk, people["officer"]):
        with pytest.raises(RuleViolation):
            services.decide_unlock(actor=wrong, request=req, approve=True)
    book.refresh_from_db()
    assert book.locked
    services.decide_unlock(actor=head, request=req, approve=True)
    book.refresh_from_db()
    assert not book.locked
    assert take(clerk, dt.date(2026, 3, 1)).seq == 2


def test_only_register_keepers_open_books(people):
    with pytest.raises(RuleViolation) as err:
        services.open_book(actor=people["staff"], kind="outgoing", year=2026, opened_on=dt.date(2026, 1, 5))
    assert "register_not_keeper" in [v.code for v in err.value.violations]
    assert not RegisterBook.objects.exists()


def test_a_number_taken_in_a_rolled_back_act_is_given_again(people):
    clerk = people["clerk"]
    on = dt.date(2026, 3, 1)
    take(clerk, on)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.allocate(actor=clerk, kind="outgoing", on=on)
        raise RuntimeError("the act failed after taking its number")
    assert take(clerk, on).seq == 2
