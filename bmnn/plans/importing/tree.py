"""Sections (I., II., …) and the task tree (1., 1.1., 1.3.2., bullets -, +, *, a)).

Numbered items nest by their number; bullets nest by first appearance under the
current item (the first marker seen is the outer level, a new marker goes one
level down, a marker seen before closes the levels below it). Label lines
("Đơn vị thực hiện:", "Thời gian thực hiện:") are attached to their task, not
turned into tasks. Plain paragraphs are appended to the current node's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bmnn.plans.importing.deadlines import find_dated_deadlines, parse_deadline_value
from bmnn.plans.importing.model import Deadline, Section, Task
from bmnn.plans.importing.normalize import BULLET_RE, LETTERED_RE, NUMBERED_RE, ROMAN_RE, SUBNUMBER_RE
from bmnn.plans.importing.units import find_reports, names_units, read_assignment

_LABEL_RE = re.compile(
    r"^(?P<label>Đơn\s+vị\s+(?:thực\s+hiện|chủ\s+trì|phối\s+hợp)|Thời\s+gian\s+thực\s+hiện|Thời\s+hạn"
    r"|Đối\s+tượng\s+kiểm\s+tra|Hình\s+thức\s+tuyên\s+truyền)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)


@dataclass
class _Node:
    marker: str
    path: str
    texts: list[str]
    children: list[_Node] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)
    depth: int = 0  # number depth for numbered items, 0 for bullets
    bullets: list[tuple[str, _Node]] = field(default_factory=list)
    units_label_open: bool = False  # bullets now follow an empty "Đơn vị thực hiện:"
    under_units_label: bool = False


@dataclass
class _SectionBuilder:
    numeral: str
    title: str
    intro: list[str] = field(default_factory=list)
    root: _Node = field(default_factory=lambda: _Node(marker="", path="", texts=[]))
    numbered: list[_Node] = field(default_factory=list)


def build_sections(paragraphs: list[str], plan_year: int | None) -> tuple[Section, ...]:
    """Group paragraphs (which must start with a Roman heading) into sections of tasks."""
    builders: list[_SectionBuilder] = []
    for paragraph in paragraphs:
        roman = ROMAN_RE.match(paragraph)
        if roman:
            builders.append(_SectionBuilder(roman.group("numeral"), roman.group("rest").strip()))
        elif builders:
            _add_paragraph(builders[-1], paragraph)
    return tuple(_freeze_section(builder, plan_year) for builder in builders)


def _add_paragraph(section: _SectionBuilder, paragraph: str) -> None:
    numbered = NUMBERED_RE.match(paragraph) or SUBNUMBER_RE.match(paragraph)
    if numbered:
        _add_numbered(section, numbered.group("number"), numbered.group("rest"))
        return
    current = section.numbered[-1] if section.numbered else section.root
    label = _LABEL_RE.match(paragraph)
    bullet = BULLET_RE.match(paragraph) or LETTERED_RE.match(paragraph)
    if bullet:
        marker = bullet.group(1)
        rest = bullet.group("rest")
        label = _LABEL_RE.match(rest)
        if label:
            _attach_label(current, label)
            return
        _add_bullet(section, current, marker if marker in "-+*" else "a)", rest)
        return
    if label:
        _attach_label(current, label)
    elif current is section.root and not section.root.children:
        section.intro.append(paragraph)
    else:
        _deepest(current).texts.append(paragraph)


def _attach_label(node: _Node, label: re.Match[str]) -> None:
    name = " ".join(label.group("label").split())
    value = label.group("value").strip()
    node.labels.append((name[:1].upper() + name[1:], value))
    node.bullets.clear()
    node.units_label_open = name.lower().startswith("đơn vị") and not value


def _add_numbered(section: _SectionBuilder, number: str, text: str) -> None:
    depth = number.count(".") + 1
    while section.numbered and section.numbered[-1].depth >= depth:
        section.numbered.pop()
    parent = section.numbered[-1] if section.numbered else section.root
    node = _Node(marker=f"{number}.", path=f"{section.numeral}.{number}", texts=[text], depth=depth)
    parent.children.append(node)
    section.numbered.append(node)


def _add_bullet(section: _SectionBuilder, owner: _Node, marker: str, text: str) -> None:
    stack = owner.bullets
    for index, (seen, _node) in enumerate(stack):
        if seen == marker:
            del stack[index:]
            break
    parent = stack[-1][1] if stack else owner
    base = parent.path or section.numeral
    node = _Node(marker=marker, path=f"{base}.{marker}{len(parent.children) + 1}", texts=[text])
    node.under_units_label = owner.units_label_open and parent is owner
    parent.children.append(node)
    stack.append((marker, node))


def _deepest(owner: _Node) -> _Node:
    return owner.bullets[-1][1] if owner.bullets else owner


def _freeze_section(builder: _SectionBuilder, plan_year: int | None) -> Section:
    return Section(
        numeral=builder.numeral,
        title=builder.title,
        intro=tuple(builder.intro),
        tasks=tuple(_freeze(child, plan_year) for child in builder.root.children),
    )


def _freeze(node: _Node, plan_year: int | None) -> Task:
    text = " ".join(node.texts)
    children = tuple(_freeze(child, plan_year) for child in node.children)
    deadlines = _deadlines(node, text, plan_year)
    lead, support = _units(node, children)
    if not lead and (node.under_units_label or names_units(text)):
        lead, support = read_assignment(text)
    return Task(
        path=node.path,
        marker=node.marker,
        text=text,
        lead_units=lead,
        supporting_units=support,
        deadline=deadlines[0] if deadlines else None,
        deadlines=tuple(deadlines),
        reports=find_reports(text, plan_year),
        children=children,
        labels=tuple(node.labels),
    )


def _deadlines(node: _Node, text: str, plan_year: int | None) -> list[Deadline]:
    labelled = [
        parse_deadline_value(value, plan_year)
        for name, value in node.labels
        if name.lower().startswith(("thời gian", "thời hạn")) and value
    ]
    return labelled + find_dated_deadlines(text, plan_year)


def _units(node: _Node, children: tuple[Task, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Units from "Đơn vị thực hiện:" (inline value, or the bullets below it)."""
    lead: list[str] = []
    support: list[str] = []
    for name, value in node.labels:
        lowered = name.lower()
        if lowered.startswith("đơn vị phối hợp"):
            support.extend(read_assignment(value)[0])
        elif lowered.startswith("đơn vị") and value:
            found_lead, found_support = read_assignment(value)
            lead.extend(found_lead)
            support.extend(found_support)
    for child_node, child in zip(node.children, children, strict=True):
        if child_node.under_units_label:
            lead.extend(child.lead_units)
            support.extend(child.supporting_units)
    return tuple(dict.fromkeys(lead)), tuple(dict.fromkeys(support))
