"""What every adapter shares: dates, the agency letterhead, filling templates and stamps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from string import Formatter
from typing import Any

from bmnn.forms.catalogue.library import definition_for
from bmnn.forms.catalogue.schema import FormDefinition
from bmnn.forms.document import Letterhead, Stamp
from bmnn.lib.vntext import nfc


def d(value: dt.date | dt.datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def person(user: Any) -> str:
    return (user.get_full_name() or user.username) if user else ""


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill ``{field}`` placeholders; a field without a value prints as dots to be written by hand."""
    out = []
    for literal, name, _, _ in Formatter().parse(template):
        out.append(literal)
        if name:
            out.append(str(values.get(name) or "…………"))
    return nfc("".join(out))


def letterhead(agency: Any, *, number: str = "", on: dt.date | None = None) -> Letterhead:
    return Letterhead(
        agency=agency.name, governing_body=agency.governing_body, number=number, place=agency.place, date=on
    )


def stamp(definition: FormDefinition, values: Mapping[str, str], *, caption: bool = False) -> Stamp:
    assert definition.stamp is not None
    lines = tuple(fill(line, values) for line in definition.stamp.lines)
    text = f"{definition.title} — {definition.basis}" if caption else ""
    return Stamp(lines=lines, spec=definition.stamp, caption=text)


def stamp_by_id(form_id: str, on: dt.date, values: Mapping[str, str]) -> Stamp:
    return stamp(definition_for(form_id, on), values)
