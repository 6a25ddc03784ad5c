"""Rule sets by legal regime, loaded from versioned JSON in ``data/rulesets/``.

A rule set is chosen by the date of the act (domain.md §1): ``2018`` (Luật 29/2018/QH14,
NĐ 26/2020/NĐ-CP, TT 24/2020/TT-BCA) for acts dated before 01/03/2026, ``2025``
(Luật 117/2025/QH15, NĐ 63/2026/NĐ-CP) from 01/03/2026. Every value carries its legal
basis and the docs' confidence mark; values marked ``setting`` may be overridden by an
admin (the service writes the ledger entry), all others are refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bmnn.registry.rules.types import Confidence, Level, PositionKind, SummaryPolicy

DATA_DIR = Path(__file__).resolve().parent / "data" / "rulesets"


class RuleSetError(ValueError):
    """Invalid rule-set data or override; ``messages`` holds every problem in Vietnamese."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class ProhibitedAct:
    code: str
    text_vi: str
    basis: str
    confidence: Confidence


@dataclass(frozen=True)
class Citation:
    """Where a fixed rule (not a tunable value) comes from."""

    basis: str
    confidence: Confidence


@dataclass(frozen=True)
class RuleValue:
    """One value of a rule set with its legal basis ("căn cứ") and confidence."""

    value: Any
    basis: str
    confidence: Confidence
    setting: bool = False
    note: str = ""
    overridden: bool = False


@dataclass(frozen=True)
class RuleSet:
    code: str
    title: str
    effective_from: date
    effective_until: date | None  # exclusive
    texts: tuple[str, ...]
    citations: Mapping[str, Citation]  # keys: CITATION_KEYS
    protection_years: RuleValue  # Mapping[Level, int]
    extension_min_days_before_expiry: RuleValue  # int
    extension_max_years: RuleValue  # Mapping[Level, int]
    # Notification deadlines in days after the act; 0 = "thông báo ngay" (the same day).
    notify_days_extend: RuleValue  # int
    notify_days_relevel: RuleValue  # int
    notify_days_declassify: RuleValue  # int
    notify_days_catalog_removal: RuleValue  # int
    classify_positions: RuleValue  # frozenset[PositionKind], own authority
    extend_positions: RuleValue
    relevel_positions: RuleValue
    declassify_positions: RuleValue
    deputy_delegation_allowed: RuleValue  # bool
    sub_delegation_allowed: RuleValue  # bool
    classify_outside_catalog_prohibited: RuleValue  # bool
    top_secret_summary: RuleValue  # SummaryPolicy
    declassify_on_catalog_removal: RuleValue  # bool
    relevel_period_start: RuleValue  # "original_classification" | "relevel_date"
    leap_day_rule: RuleValue  # "feb_28" | "mar_1"
    prohibited_acts: RuleValue  # tuple[ProhibitedAct, ...]

    def cite(self, key: str) -> str:
        """The legal basis of a fixed rule, e.g. ``cite("highest_level")``."""
        return self.citations[key].basis

    def rule(self, key: str) -> RuleValue:
        if key not in VALUE_KEYS:
            raise KeyError(key)
        value: RuleValue = getattr(self, key)
        return value

    def describe(self) -> list[dict[str, Any]]:
        """JSON-ready rows for the admin page: key, value, basis, confidence, setting, note."""
        return [
            {
                "key": key,
                "value": _jsonable(self.rule(key).value),
                "basis": self.rule(key).basis,
                "confidence": self.rule(key).confidence.value,
                "setting": self.rule(key).setting,
                "overridden": self.rule(key).overridden,
                "note": self.rule(key).note,
            }
            for key in VALUE_KEYS
        ]

    def describe_keys(self) -> tuple[str, ...]:
        return VALUE_KEYS

    def settings(self) -> dict[str, RuleValue]:
        """Values an admin may see and change (``setting: true``)."""
        return {key: self.rule(key) for key in VALUE_KEYS if self.rule(key).setting}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return sorted(str(v) for v in value)
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, ProhibitedAct):
        return {
            "code": value.code,
            "text_vi": value.text_vi,
            "basis": value.basis,
            "confidence": value.confidence,
        }
    return str(value) if isinstance(value, str) else value


def jsonable(value: Any) -> Any:
    """A rule value in its JSON form (as stored in the data files and in overrides)."""
    return _jsonable(value)


# ---------------------------------------------------------------- value parsers
def _int(raw: Any, key: str, minimum: int = 0) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < minimum:
        raise RuleSetError([f"«{key}»: phải là số nguyên không nhỏ hơn {minimum}."])
    return raw


def _bool(raw: Any, key: str) -> bool:
    if not isinstance(raw, bool):
        raise RuleSetError([f"«{key}»: phải là giá trị đúng/sai (true/false)."])
    return raw


def _choice(options: tuple[str, ...]) -> Callable[[Any, str], str]:
    def parse(raw: Any, key: str) -> str:
        if raw not in options:
            raise RuleSetError([f"«{key}»: phải là một trong {', '.join(options)}."])
        return str(raw)

    return parse


def _per_level(raw: Any, key: str) -> Mapping[Level, int]:
    if not isinstance(raw, Mapping) or set(raw) != {lv.value for lv in Level}:
        raise RuleSetError([f"«{key}»: phải có đủ và chỉ có các độ mật top_secret, secret, confidential."])
    return MappingProxyType({Level(k): _int(v, f"{key}.{k}", minimum=1) for k, v in raw.items()})


def _positions(raw: Any, key: str) -> frozenset[PositionKind]:
    allowed = {PositionKind.HEAD.value, PositionKind.DEPUTY_HEAD.value}
    if not isinstance(raw, list) or not raw or not set(raw) <= allowed:
        raise RuleSetError([f"«{key}»: phải là danh sách không rỗng gồm head và/hoặc deputy_head."])
    return frozenset(PositionKind(p) for p in raw)


def _prohibited(raw: Any, key: str) -> tuple[ProhibitedAct, ...]:
    try:
        return tuple(
            ProhibitedAct(str(a["code"]), str(a["text_vi"]), str(a["basis"]), Confidence(a["confidence"]))
            for a in raw
        )
    except (TypeError, KeyError, ValueError) as exc:
        raise RuleSetError([f"«{key}»: danh sách hành vi bị nghiêm cấm không hợp lệ."]) from exc


PARSERS: dict[str, Callable[[Any, str], Any]] = {
    "protection_years": _per_level,
    "extension_min_days_before_expiry": _int,
    "extension_max_years": _per_level,
    "notify_days_extend": _int,
    "notify_days_relevel": _int,
    "notify_days_declassify": _int,
    "notify_days_catalog_removal": _int,
    "classify_positions": _positions,
    "extend_positions": _positions,
    "relevel_positions": _positions,
    "declassify_positions": _positions,
    "deputy_delegation_allowed": _bool,
    "sub_delegation_allowed": _bool,
    "classify_outside_catalog_prohibited": _bool,
    "top_secret_summary": _choice(tuple(p.value for p in SummaryPolicy)),
    "declassify_on_catalog_removal": _bool,
    "relevel_period_start": _choice(("original_classification", "relevel_date")),
    "leap_day_rule": _choice(("feb_28", "mar_1")),
    "prohibited_acts": _prohibited,
}
VALUE_KEYS: tuple[str, ...] = tuple(PARSERS)
CITATION_KEYS: tuple[str, ...] = (
    "catalog_basis",
    "highest_level",
    "proposal_contents",
    "period_start",
    "shorter_period",
    "place_period",
    "extension",
    "relevel",
    "declassify_council",
    "declassify_partial",
    "auto_declassify_expiry",
    "auto_declassify_catalog_removal",
)


def _parse_value(key: str, raw: Any) -> RuleValue:
    if not isinstance(raw, Mapping) or not {"value", "basis", "confidence"} <= set(raw):
        raise RuleSetError([f"«{key}»: thiếu value, basis hoặc confidence."])
    value = PARSERS[key](raw["value"], key)
    if key == "top_secret_summary":
        value = SummaryPolicy(value)
    try:
        confidence = Confidence(raw["confidence"])
    except ValueError as exc:
        raise RuleSetError([f"«{key}»: mức tin cậy phải là H, M hoặc L."]) from exc
    basis = str(raw["basis"]).strip()
    if not basis:
        raise RuleSetError([f"«{key}»: thiếu căn cứ pháp lý."])
    return RuleValue(value, basis, confidence, bool(raw.get("setting", False)), str(raw.get("note", "")))


def _parse_citations(raw: Any) -> tuple[Mapping[str, Citation], list[str]]:
    if not isinstance(raw, Mapping):
        return MappingProxyType({}), ["«citations»: thiếu danh sách căn cứ."]
    problems = [f"«citations.{k}»: thiếu căn cứ." for k in CITATION_KEYS if k not in raw]
    problems += [f"«citations.{k}»: khóa không xác định." for k in raw if k not in CITATION_KEYS]
    parsed: dict[str, Citation] = {}
    for key in CITATION_KEYS:
        entry = raw.get(key)
        if isinstance(entry, Mapping) and str(entry.get("basis", "")).strip():
            try:
                parsed[key] = Citation(str(entry["basis"]), Confidence(str(entry.get("confidence"))))
            except ValueError:
                problems.append(f"«citations.{key}»: mức tin cậy phải là H, M hoặc L.")
        elif entry is not None:
            problems.append(f"«citations.{key}»: thiếu căn cứ.")
    return MappingProxyType(parsed), problems


def parse_ruleset(data: Mapping[str, Any]) -> RuleSet:
    """Build a frozen ``RuleSet`` from its JSON form, collecting every problem."""
    raw_values = data.get("values", {})
    citations, problems = _parse_citations(data.get("citations"))
    problems += [f"«{k}»: khóa không xác định." for k in raw_values if k not in PARSERS]
    problems += [f"«{k}»: thiếu giá trị." for k in VALUE_KEYS if k not in raw_values]
    values: dict[str, RuleValue] = {}
    for key in VALUE_KEYS:
        if key in raw_values:
            try:
                values[key] = _parse_value(key, raw_values[key])
            except RuleSetError as exc:
                problems += exc.messages
    if problems:
        raise RuleSetError(problems)
    until = data.get("effective_until")
    return RuleSet(
        code=str(data["code"]),
        title=str(data["title"]),
        effective_from=date.fromisoformat(data["effective_from"]),
        effective_until=date.fromisoformat(until) if until else None,
        texts=tuple(data.get("texts", ())),
        citations=citations,
        **values,
    )


@cache
def load_ruleset(code: str) -> RuleSet:
    """The shipped rule set ``code`` ("2018" or "2025")."""
    path = DATA_DIR / f"{code}.json"
    if not code.isalnum() or not path.is_file():
        raise RuleSetError([f"Không có bộ quy tắc «{code}»."])
    return parse_ruleset(json.loads(path.read_text(encoding="utf-8")))


@cache
def available_codes() -> tuple[str, ...]:
    """Shipped regime codes ordered by effective date."""
    sets = [load_ruleset(p.stem) for p in DATA_DIR.glob("*.json")]
    return tuple(rs.code for rs in sorted(sets, key=lambda rs: rs.effective_from))


def apply_overrides(base: RuleSet, overrides: Mapping[str, Any]) -> RuleSet:
    """Return a new frozen rule set with admin overrides of *settings* applied.

    ``overrides`` maps a value key to its raw JSON value. Unknown keys, values the
    law fixes (``setting: false``) and wrongly typed values are refused, all at once.
    """
    problems: list[str] = []
    changed: dict[str, RuleValue] = {}
    for key, raw in overrides.items():
        if key not in PARSERS:
            problems.append(f"«{key}»: không phải là một giá trị của bộ quy tắc.")
            continue
        current = base.rule(key)
        if not current.setting:
            problems.append(f"«{key}»: giá trị do luật quy định rõ ({current.basis}), không được thay đổi.")
            continue
        try:
            value = PARSERS[key](raw, key)
        except RuleSetError as exc:
            problems += exc.messages
            continue
        if key == "top_secret_summary":
            value = SummaryPolicy(value)
        changed[key] = replace(current, value=value, overridden=True)
    if problems:
        raise RuleSetError(problems)
    updates: dict[str, Any] = dict(changed)
    return replace(base, **updates)


def ruleset_for(act_date: date, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> RuleSet:
    """The rule set in force on ``act_date``, with that regime's admin overrides.

    ``overrides`` is keyed by regime code (``{"2025": {"protection_years": {...}}}``).
    Acts dated before the first regime's effective date fall back to the earliest
    shipped regime (``2018``): older legal regimes are not modelled.
    """
    codes = available_codes()
    chosen = codes[0]
    for code in codes:
        if load_ruleset(code).effective_from <= act_date:
            chosen = code
    base = load_ruleset(chosen)
    return apply_overrides(base, (overrides or {}).get(chosen, {}))
