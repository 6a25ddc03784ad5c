"""Uniqueness that the database decides when two people act at the same moment.

The services check duplicates first so the user gets every reason at once; but two clerks saving the
same MAC address or seal number in the same second both pass that check. The unique constraint then
refuses the second insert, and this turns that refusal into the same Vietnamese rule message instead
of a server error, with nothing of the second act kept (the savepoint rolls it back).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from bmnn.lib.rules import RuleViolation, Violation


@contextmanager
def refused_if_taken(violation: Violation) -> Iterator[None]:
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise RuleViolation([violation]) from None
