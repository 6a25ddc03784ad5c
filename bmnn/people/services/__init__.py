"""Every change about people: one function, one transaction, one ledger entry. Rules first, all at once."""

from bmnn.people.services.departures import held_items_snapshot, record_departure
from bmnn.people.services.staff import (
    create_staff,
    decide_declaration,
    declare,
    designate,
    record_commitment,
    review_key_post,
)
from bmnn.people.services.training import add_member, end_membership, record_awareness, record_training

__all__ = [
    "add_member",
    "create_staff",
    "decide_declaration",
    "declare",
    "designate",
    "end_membership",
    "held_items_snapshot",
    "record_awareness",
    "record_commitment",
    "record_departure",
    "record_training",
    "review_key_post",
]
