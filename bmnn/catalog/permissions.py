"""Who may see and change Danh mục catalogs.

Catalogs are public decisions or an agency's own lists, not secrets themselves; an agency-entered
catalog is still visible only inside that agency. Changing catalogs is for the system administrator
and the cán bộ bảo mật who keeps the registers.
"""

from __future__ import annotations

from typing import Any

from bmnn.accounts.access import is_active_user

CATALOG_MANAGERS = frozenset({"admin", "security_officer"})


def may_manage_catalogs(user: Any) -> bool:
    return is_active_user(user) and (user.role in CATALOG_MANAGERS or bool(user.is_superuser))


def may_see_catalog(user: Any, agency_id: int | None) -> bool:
    return agency_id is None or (is_active_user(user) and user.agency_id == agency_id)
