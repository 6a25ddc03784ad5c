"""Explicit need-to-know grants: give and revoke (the row stays, with who revoked it and why)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from bmnn.accounts import access
from bmnn.audit.ledger import record
from bmnn.lib import clock
from bmnn.lib.rules import RuleViolation
from bmnn.lib.vntext import nfc
from bmnn.registry.models import ItemGrant, SecretItem
from bmnn.registry.rules.access import GrantRequest, check_grant, check_revoke
from bmnn.registry.services.common import item_repr

# The agency's default division of duties (issue #3 §7): those who keep the registers decide.
GRANTING_ROLES = frozenset({"head", "deputy", "security_officer"})


def may_grant(actor: Any) -> bool:
    return access.is_active_user(actor) and actor.role in GRANTING_ROLES


@transaction.atomic
def grant_access(*, actor: Any, item: SecretItem, user: Any, reason: str) -> ItemGrant:
    request = GrantRequest(
        granter_may_grant=may_grant(actor) and actor.agency_id == item.agency_id,
        same_agency=user.agency_id == item.agency_id,
        grantee_active=access.is_active_user(user),
        grantee_cleared=access.may_access_level(user, item.level),
        already_granted=ItemGrant.objects.filter(item=item, user=user, revoked_at__isnull=True).exists(),
        reason=reason,
    )
    violations = check_grant(request)
    if violations:
        raise RuleViolation(violations)
    grant = ItemGrant.objects.create(item=item, user=user, granted_by=actor, reason=nfc(reason).strip())
    record(
        event="registry.item_access_granted",
        actor=actor,
        subject=item,
        subject_repr=item_repr(item),
        payload={"level": item.level, "user": user.username, "reason": grant.reason, "grant": grant.pk},
    )
    return grant


@transaction.atomic
def revoke_access(*, actor: Any, grant: ItemGrant, reason: str) -> ItemGrant:
    violations = check_revoke(
        granter_may_grant=may_grant(actor) and actor.agency_id == grant.item.agency_id,
        active=grant.revoked_at is None,
        reason=reason,
    )
    if violations:
        raise RuleViolation(violations)
    grant.revoked_at, grant.revoked_by, grant.revoke_reason = clock.now(), actor, nfc(reason).strip()
    grant.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    record(
        event="registry.item_access_revoked",
        actor=actor,
        subject=grant.item,
        subject_repr=item_repr(grant.item),
        payload={
            "level": grant.item.level,
            "user": grant.user.username,
            "reason": grant.revoke_reason,
            "grant": grant.pk,
        },
    )
    return grant
