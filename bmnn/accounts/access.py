"""The single answer to "may this user see / act on this thing?".

Every read path (pages, API, search, exports, printouts) goes through here.
Separation of duties: the system administrator manages accounts and the
organisation but is *not* cleared to read secrets, whatever clearance is
recorded, unless BMNN_ADMIN_MAY_READ_SECRETS=true is set for the installation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings

from bmnn.lib import levels

# Roles that keep the registers or lead: they handle every item of their agency up to
# their clearance. Others (chuyên viên) see their unit's items, what they drafted or
# hold, and explicit grants. Kiểm tra viên read within clearance; their reads are ledgered.
AGENCY_WIDE_ROLES = frozenset({"head", "deputy", "security_officer", "clerk", "inspector"})
LEDGER_READERS = frozenset({"security_officer", "inspector", "head"})
ORG_MANAGERS = frozenset({"admin"})


def is_active_user(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def effective_clearance(user: Any) -> str:
    if not is_active_user(user):
        return "none"
    if user.role == "admin" and not settings.BMNN_ADMIN_MAY_READ_SECRETS:
        return "none"
    return str(user.clearance)


def may_access_level(user: Any, level: str) -> bool:
    return levels.rank(level) > 0 and levels.covers(effective_clearance(user), level)


def may_see(
    user: Any,
    *,
    level: str,
    agency_id: int | None,
    unit_id: int | None = None,
    related_user_ids: Iterable[int] = (),
    explicitly_granted: bool = False,
) -> bool:
    """Clearance first, then need-to-know (agency, role, unit, personal relation, explicit grant)."""
    if not may_access_level(user, level) or agency_id is None or user.agency_id != agency_id:
        return False
    if user.role in AGENCY_WIDE_ROLES:
        return True
    if explicitly_granted or user.pk in set(related_user_ids):
        return True
    return unit_id is not None and unit_id == user.unit_id


def can_manage_org(user: Any) -> bool:
    return is_active_user(user) and (user.role in ORG_MANAGERS or user.is_superuser)


def can_view_ledger(user: Any) -> bool:
    return is_active_user(user) and user.role in LEDGER_READERS


def may_act_on_items(user: Any) -> bool:
    """Only people who handle secrets act on them: not the system admin (separation of duties),
    not the kiểm tra viên (read-only)."""
    return is_active_user(user) and user.role not in {"admin", "inspector"}


def is_read_only(user: Any) -> bool:
    """Kiểm tra viên may read (within clearance) but never act."""
    return is_active_user(user) and user.role == "inspector"
