"""Translate the agency's configured positions and delegations into the rules' DeciderAuthority."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bmnn.catalog.models import CatalogItem
from bmnn.org import rules as org_rules
from bmnn.org.models import Delegation, PositionKind
from bmnn.org.queries import grants_of_agency
from bmnn.registry.rules import BasisItem, DeciderAuthority, as_level
from bmnn.registry.rules import PositionKind as RulesPositionKind

AUTHORITY_CODES = frozenset(
    {
        "decider_not_competent",
        "decider_other_body",
        "delegation_not_allowed",
        "delegate_not_deputy",
        "delegator_not_competent",
        "sub_delegation",
        "delegation_not_in_force",
        "delegation_scope_exceeded",
    }
)
_KIND = {PositionKind.HEAD: RulesPositionKind.HEAD, PositionKind.DEPUTY_HEAD: RulesPositionKind.DEPUTY_HEAD}


def decider_authority(
    user: Any, act: str, on: dt.date, *, item_agency_id: int | None = None
) -> DeciderAuthority:
    position = user.position if user.position_id and user.is_active else None
    if position is None:
        return DeciderAuthority(position_kind=RulesPositionKind.OTHER)
    grants = grants_of_agency(position.agency_id)
    kind = _KIND.get(PositionKind(position.kind), RulesPositionKind.OTHER)
    own = org_rules.direct_max_level(grants, position.pk, act, on)
    delegation = (
        Delegation.objects.filter(to_position=position, act=act, valid_from__lte=on, revoked_on__isnull=True)
        .select_related("from_position")
        .order_by("-valid_from")
        .first()
    )
    same_body = item_agency_id is None or item_agency_id == position.agency_id
    if own is not None or delegation is None:
        return DeciderAuthority(position_kind=kind, max_level=own, same_body=same_body)  # type: ignore[arg-type]
    return DeciderAuthority(
        position_kind=kind,
        max_level=None,
        delegated_from=_KIND.get(PositionKind(delegation.from_position.kind), RulesPositionKind.OTHER),
        delegation_valid_from=delegation.valid_from,
        delegation_valid_to=delegation.valid_to,
        delegation_scope_max_level=delegation.max_level,  # type: ignore[arg-type]
        is_sub_delegation=org_rules.direct_max_level(grants, delegation.from_position_id, act, on) is None,
        same_body=same_body,
    )


def basis_items(items: list[CatalogItem]) -> tuple[BasisItem, ...]:
    out = []
    for ci in items:
        start = ci.valid_from or ci.catalog.valid_from or ci.catalog.signed_on or dt.date(1900, 1, 1)
        end = ci.valid_to or ci.catalog.valid_to
        # Model stores "closed from" (exclusive); the rules want the last valid day.
        out.append(
            BasisItem(
                item_id=str(ci.pk),
                level=as_level(ci.level),
                citation=ci.citation,  # type: ignore[arg-type]
                valid_from=start,
                valid_to=end - dt.timedelta(days=1) if end else None,
            )
        )
    return tuple(out)
