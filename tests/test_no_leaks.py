"""No leaks, generated from the URLconf: every GET route (pages, API, exports, printouts, search) is
requested as every demo role plus users of lower clearance and another unit, with every small id
substituted into its parameters; no response may contain a marker (number or summary) of an item the
user may not see. New routes are covered without editing this file.

The oracle is ``registry.queries.visible_items`` (itself tested against ``access.may_see``). Binary
answers (PDF, DOCX, XLSX) are turned into text before searching.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.xdist_group("leaks")

IDS = range(1, 9)
STRING_VALUES = {
    "kind": ["outgoing", "incoming", "handover", "copy", "copies", "copy-entry", "destruction", "recall"],
    "year": ["2026"],
    # Printouts: an item's form and stamps, and the copy act's documents (the world records copies).
    "form_id": ["doc.proposal", "stamps", "doc.copy_record", "doc.copy_extract"],
}
SKIP_PREFIXES = ("admin/", "accounts/logout", "static/", "__")
SKIP_NAMES = {"logout"}
LEVELS = ["top_secret", "secret", "confidential"]


def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, str | None]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def expand(route: str) -> Iterator[str]:
    """Concrete paths for a route: every small id for int parameters, known values for the rest."""
    if route.startswith("^") or "(?P" in route:
        return
    params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not params:
        yield "/" + route
        return
    choices: list[list[str]] = []
    for conv, name in params:
        if conv == "int":
            choices.append([str(i) for i in IDS])
        else:
            choices.append(
                STRING_VALUES.get(name, STRING_VALUES["kind"] if conv in ("str", "slug", "") else [])
            )
    yield from _fill(route, params, choices, 0)


def _fill(route: str, params: list[tuple[str, str]], choices: list[list[str]], i: int) -> Iterator[str]:
    if i == len(params):
        yield "/" + route
        return
    conv, name = params[i]
    token = f"<{conv}:{name}>" if conv else f"<{name}>"
    for value in choices[i]:
        yield from _fill(route.replace(token, value, 1), params, choices, i + 1)


def text_of(response: Any) -> str:
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    kind = response.get("Content-Type", "")
    if "pdf" in kind:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(body)
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    if "wordprocessingml" in kind or "spreadsheetml" in kind or body[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as zf:
                return "\n".join(
                    zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith(".xml")
                )
        except zipfile.BadZipFile:
            pass
    return body.decode("utf-8", "replace")


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    from bmnn.accounts import demo
    from bmnn.accounts.models import User
    from bmnn.catalog.models import CatalogItem
    from bmnn.catalog.services import load_starter_catalog
    from bmnn.lib.testing import make_unit, make_user
    from bmnn.registry.services import create_item
    from bmnn.registry.services.common import ItemInput

    load_starter_catalog(actor=None)
    demo.load_demo()
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    head = users["demo.head"]
    other_unit = make_unit(head.agency, "LK", "Phòng Kiểm tra rò rỉ")
    users["leak.low"] = make_user(
        head.agency, "leak.low", role="staff", clearance="confidential", unit=users["demo.staff"].unit
    )
    users["leak.other"] = make_user(
        head.agency, "leak.other", role="staff", clearance="secret", unit=other_unit
    )
    users["leak.clerklow"] = make_user(head.agency, "leak.clerklow", role="clerk", clearance="confidential")
    items = []
    for n, level in enumerate(LEVELS * 2):
        basis = CatalogItem.objects.filter(level=level).first()
        assert basis is not None, f"the starter catalog has a {level} item"
        item = create_item(
            actor=head,
            data=ItemInput(
                kind="paper_document", level=level, basis_ids=[basis.pk], classified_on=dt.date(2026, 4, 2),
                document_type="Báo cáo", number=f"{90 + n}/LEAK{n}Z-SXD", date=dt.date(2026, 4, 2),
                summary="" if level == "top_secret" else f"LEAKSUM{n}Z nội dung", copies=2,
            ),
        )  # fmt: skip
        items.append(item)
    _movements(users, items)
    return {"users": users, "items": items}


def _movements(users: dict[str, Any], items: list[Any]) -> None:
    """Each marked item also appears in the outgoing register, the handover register and (below
    Tuyệt mật, which the demo head may not authorise copying) the copy register."""
    from bmnn.movements.services.copying import record_copy
    from bmnn.registers.services.handover import hand_over
    from bmnn.registers.services.outgoing import OutgoingInput, register_outgoing

    officer, head = users["demo.security"], users["demo.head"]
    on = dt.date(2026, 4, 3)
    for item in items:
        register_outgoing(
            actor=officer, data=OutgoingInput(item_id=item.pk, date=on, recipients=["UBND tỉnh"])
        )
        if item.level != "top_secret":
            record_copy(
                actor=officer, item=item, kind="sao_y", quantity=1, recipients=["Lưu"], authoriser=head,
                permission_ref="PT-1", authorised_on=on, performed_on=on,
            )  # fmt: skip
    hand_over(actor=head, item=items[0], to_user=officer, on=on)


def markers(item: Any) -> list[str]:
    n = item.number.split("LEAK", 1)[1].split("Z", 1)[0]
    return [f"LEAK{n}Z", f"LEAKSUM{n}Z"]


def test_no_route_shows_an_item_above_clearance_or_outside_need_to_know(
    world: dict[str, Any], client: Any
) -> None:
    from bmnn.api.framework import issue_token
    from bmnn.registry.queries import visible_items

    routes = [
        (r, n)
        for r, n in walk(get_resolver().url_patterns)
        if not r.startswith(SKIP_PREFIXES) and n not in SKIP_NAMES
    ]
    leaks: list[str] = []
    covered = 0
    for username, user in sorted(world["users"].items()):
        visible = set(visible_items(user).values_list("pk", flat=True))
        forbidden = [m for item in world["items"] if item.pk not in visible for m in markers(item)]
        client.force_login(user)
        token = issue_token(user=user)
        for route, _name in routes:
            for path in expand(route):
                extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if path.startswith("/api/") else {}
                response = client.get(path, **extra)
                covered += 1
                if response.status_code >= 500:
                    leaks.append(f"{username} GET {path}: HTTP {response.status_code}")
                    continue
                body = text_of(response)
                leaks += [f"{username} GET {path}: {m}" for m in forbidden if m in body]
        client.logout()
    print(f"\nleak test: {len(routes)} routes, {len(world['users'])} users, {covered} requests")
    assert not leaks, "\n".join(leaks[:40])
