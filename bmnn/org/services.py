"""Every change to the organisation: one function, one transaction, one ledger entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from bmnn.audit.ledger import record
from bmnn.lib.rules import RuleViolation
from bmnn.lib.vntext import nfc
from bmnn.org import rules
from bmnn.org.defaults import default_grants
from bmnn.org.models import Act, Agency, Delegation, Position, PositionAuthority, PositionKind, Unit
from bmnn.org.queries import grants_of_agency


def _clean(value: str) -> str:
    return nfc(value).strip()


@transaction.atomic
def create_agency(
    *,
    actor: Any,
    name: str,
    level: str = "provincial",
    governing_body: str = "",
    short_name: str = "",
    place: str = "",
    parent: Agency | None = None,
    is_demo: bool = False,
) -> Agency:
    """Create the agency with its head and deputy-head positions and the law's default authorities."""
    agency = Agency(
        name=_clean(name),
        level=level,
        governing_body=_clean(governing_body),
        short_name=_clean(short_name),
        place=_clean(place),
        parent=parent,
        is_demo=is_demo,
    )
    agency.full_clean()
    agency.save()
    heads: dict[str, Position] = {
        PositionKind.HEAD: Position(
            agency=agency, code="TT", name="Thủ trưởng cơ quan", kind=PositionKind.HEAD
        ),
        PositionKind.DEPUTY_HEAD: Position(
            agency=agency, code="PTT", name="Phó Thủ trưởng cơ quan", kind=PositionKind.DEPUTY_HEAD
        ),
    }
    for position in heads.values():
        position.is_demo = is_demo
        position.full_clean()
        position.save()
    granted = _seed_grants(agency, heads)
    from bmnn.accounts.models import AccountPolicy

    AccountPolicy.objects.create(agency=agency)
    record(
        event="org.agency_created",
        actor=actor,
        subject=agency,
        payload={"name": agency.name, "agency_level": agency.level, "default_grants": granted},
    )
    return agency


def _seed_grants(agency: Agency, positions: dict[str, Position]) -> list[str]:
    granted = []
    for grant in default_grants(agency.level):
        position = positions.get(grant.kind)
        if position is None:
            continue
        PositionAuthority.objects.create(
            position=position,
            act=grant.act,
            max_level=grant.max_level,
            valid_from=grant.valid_from,
            basis=grant.basis,
        )
        granted.append(f"{position.code}:{grant.act}:{grant.max_level}")
    return granted


@transaction.atomic
def update_agency(*, actor: Any, agency: Agency, **fields: Any) -> Agency:
    allowed = {"name", "short_name", "governing_body", "level", "place", "parent"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Unknown agency fields: {sorted(unknown)}")
    before = {k: str(getattr(agency, k)) for k in fields}
    for key, value in fields.items():
        setattr(agency, key, _clean(value) if isinstance(value, str) else value)
    agency.full_clean()
    agency.save()
    after = {k: str(getattr(agency, k)) for k in fields}
    record(
        event="org.agency_updated", actor=actor, subject=agency, payload={"before": before, "after": after}
    )
    return agency


@transaction.atomic
def create_unit(
    *, actor: Any, agency: Agency, code: str, name: str, parent: Unit | None = None, is_demo: bool = False
) -> Unit:
    unit = Unit(agency=agency, code=_clean(code), name=_clean(name), parent=parent, is_demo=is_demo)
    unit.full_clean()
    unit.save()
    record(
        event="org.unit_created", actor=actor, subject=unit, payload={"code": unit.code, "name": unit.name}
    )
    return unit


@transaction.atomic
def update_unit(*, actor: Any, unit: Unit, name: str, parent: Unit | None, is_active: bool) -> Unit:
    if parent is not None and (parent.pk == unit.pk or _is_descendant(parent, unit)):
        from django.core.exceptions import ValidationError

        raise ValidationError(
            {"parent": "Đơn vị cấp trên không thể là chính nó hoặc đơn vị cấp dưới của nó."}
        )
    before = {"name": unit.name, "parent": unit.parent_id, "is_active": unit.is_active}
    unit.name, unit.parent, unit.is_active = _clean(name), parent, is_active
    unit.full_clean()
    unit.save()
    after = {"name": unit.name, "parent": unit.parent_id, "is_active": unit.is_active}
    record(event="org.unit_updated", actor=actor, subject=unit, payload={"before": before, "after": after})
    return unit


def _is_descendant(candidate: Unit, ancestor: Unit) -> bool:
    node: Unit | None = candidate
    while node is not None:
        if node.pk == ancestor.pk:
            return True
        node = node.parent
    return False


@transaction.atomic
def create_position(
    *,
    actor: Any,
    agency: Agency,
    code: str,
    name: str,
    kind: str,
    unit: Unit | None = None,
    is_demo: bool = False,
) -> Position:
    position = Position(
        agency=agency, code=_clean(code), name=_clean(name), kind=kind, unit=unit, is_demo=is_demo
    )
    position.full_clean()
    position.save()
    record(
        event="org.position_created",
        actor=actor,
        subject=position,
        payload={"code": position.code, "name": position.name, "kind": kind},
    )
    return position


@transaction.atomic
def set_position_authority(
    *, actor: Any, position: Position, act: str, max_level: str | None, on: dt.date, basis: str = ""
) -> PositionAuthority | None:
    """Change what a position may authorise from ``on``; the old grant is closed, never deleted,
    so past decisions can still be checked against the authority in force that day."""
    if act not in Act.values:
        raise ValueError(f"Unknown act {act!r}")
    current = PositionAuthority.objects.filter(position=position, act=act, valid_to__isnull=True)
    closed = [f"{g.max_level}@{g.valid_from}" for g in current]
    current.update(valid_to=on - dt.timedelta(days=1))
    grant = None
    if max_level:
        grant = PositionAuthority(
            position=position, act=act, max_level=max_level, valid_from=on, basis=_clean(basis)
        )
        grant.full_clean()
        grant.save()
    record(
        event="org.authority_changed",
        actor=actor,
        subject=position,
        payload={"act": act, "max_level": max_level, "from": on, "closed": closed},
    )
    return grant


@transaction.atomic
def create_delegation(
    *,
    actor: Any,
    from_position: Position,
    to_position: Position,
    act: str,
    max_level: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    document_ref: str,
    scope: str = "",
) -> Delegation:
    violations = rules.check_delegation(
        rules.DelegationRequest(
            from_position_id=from_position.pk,
            to_position_id=to_position.pk,
            to_position_kind=to_position.kind,
            same_agency=from_position.agency_id == to_position.agency_id,
            act=act,
            max_level=max_level,
            valid_from=valid_from,
            valid_to=valid_to,
            document_ref=document_ref,
            grants=grants_of_agency(from_position.agency_id),
        )
    )
    if violations:
        raise RuleViolation(violations)
    delegation = Delegation(
        from_position=from_position,
        to_position=to_position,
        act=act,
        max_level=max_level,
        valid_from=valid_from,
        valid_to=valid_to,
        document_ref=_clean(document_ref),
        scope=_clean(scope),
    )
    delegation.full_clean()
    delegation.save()
    record(
        event="org.delegation_granted",
        actor=actor,
        subject=delegation,
        payload={
            "from": from_position.code,
            "to": to_position.code,
            "act": act,
            "max_level": max_level,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "document_ref": delegation.document_ref,
        },
    )
    return delegation


@transaction.atomic
def revoke_delegation(*, actor: Any, delegation: Delegation, on: dt.date) -> Delegation:
    if delegation.revoked_on is not None:
        raise RuleViolation(
            [rules.Violation("already_revoked", "Ủy quyền này đã bị thu hồi.", rules.BASIS_DELEGATION)]
        )
    delegation.revoked_on = on
    delegation.save(update_fields=["revoked_on"])
    record(event="org.delegation_revoked", actor=actor, subject=delegation, payload={"on": on})
    return delegation
