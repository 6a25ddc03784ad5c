"""Reads of the organisation, shaped for the pure rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.org import rules
from bmnn.org.models import Act, Agency, Delegation, PositionAuthority


def grants_of_agency(agency_id: int) -> tuple[rules.Grant, ...]:
    rows = PositionAuthority.objects.filter(position__agency_id=agency_id)
    return tuple(
        rules.Grant(
            position_id=g.position_id,
            act=g.act,
            max_level=g.max_level,
            valid_from=g.valid_from,
            valid_to=g.valid_to,
        )
        for g in rows
    )


def delegations_of_agency(agency_id: int) -> tuple[rules.DelegatedGrant, ...]:
    rows = Delegation.objects.filter(from_position__agency_id=agency_id)
    return tuple(
        rules.DelegatedGrant(
            from_position_id=d.from_position_id,
            to_position_id=d.to_position_id,
            act=d.act,
            max_level=d.max_level,
            valid_from=d.valid_from,
            valid_to=d.valid_to,
            revoked_on=d.revoked_on,
        )
        for d in rows
    )


def authority_request(user: Any, act: str, level: str, on: dt.date) -> rules.AuthorityRequest:
    """Everything ``rules.check_authority`` needs to judge ``user`` for ``act`` at ``level`` on ``on``."""
    agency_id = user.agency_id
    return rules.AuthorityRequest(
        position_id=user.position_id if user.position_id and user.is_active else None,
        act=act,
        act_label=Act(act).label,
        level=level,
        on=on,
        grants=grants_of_agency(agency_id) if agency_id else (),
        delegations=delegations_of_agency(agency_id) if agency_id else (),
    )


def the_agency() -> Agency | None:
    """Local mode runs one agency; the first (non-parent) agency is the installation's own."""
    return Agency.objects.order_by("pk").first()


def current_authorities(position_id: int, on: dt.date) -> list[PositionAuthority]:
    """What a position may authorise from ``on`` on: grants not yet closed (current and upcoming)."""
    return [
        g
        for g in PositionAuthority.objects.filter(position_id=position_id).order_by("act")
        if g.valid_to is None or g.valid_to >= on
    ]
