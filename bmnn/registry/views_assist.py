"""htmx partials of the proposal form: "Gợi ý căn cứ" and the live level / period / refusal preview.

Both are POST only and store nothing: the draft text may itself be secret, so it never sits in a URL
(browser history, logs), in the database or in the ledger unless the drafter saves it as trích yếu.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from bmnn.catalog import queries as catalog_queries
from bmnn.lib import clock, levels
from bmnn.lib.http import AuthedRequest
from bmnn.registry import rules
from bmnn.registry.agency_rules import ruleset_for_agency
from bmnn.registry.highlight import highlight
from bmnn.registry.models import ItemKind
from bmnn.registry.preview import preview_classification

MAX_DRAFT_CHARS = 200_000


def _date(raw: str) -> dt.date:
    try:
        return forms.DateField().clean(raw) or clock.today()
    except forms.ValidationError:
        return clock.today()


def _kind(raw: str) -> str:
    return raw if raw in ItemKind.values else ItemKind.PAPER_DOCUMENT


@login_required
@require_POST
def basis_suggest(request: AuthedRequest) -> HttpResponse:
    text = (request.POST.get("draft_text", "").strip() or request.POST.get("summary", "").strip())[
        :MAX_DRAFT_CHARS
    ]
    on, kind = _date(request.POST.get("classified_on", "")), _kind(request.POST.get("kind", ""))
    context: dict[str, Any] = {"text_given": bool(text), "on": on}
    if text:
        result = catalog_queries.suggest_for_text(text, user=request.user, on=on)
        context["result"] = result
        context["rows"] = [{"s": s, "text": highlight(s.item.text, s.matched)} for s in result.suggestions]
        if result.level:
            ruleset = ruleset_for_agency(on, request.user.agency_id)
            context["level_label"] = levels.label(result.level)
            context["period_years"] = ruleset.protection_years.value[rules.as_level(result.level)]
            context["period_basis"] = ruleset.protection_years.basis
            context["ends_on"] = rules.protection_end(result.level, on, kind, ruleset)
            context["outside_catalog_basis"] = ruleset.cite("catalog_basis")
        else:
            context["outside_catalog_basis"] = ruleset_for_agency(on, request.user.agency_id).cite(
                "catalog_basis"
            )
    return render(request, "registry/_basis_suggestions.html", context)


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


@login_required
@require_POST
def classification_preview(request: AuthedRequest) -> HttpResponse:
    post = request.POST
    on = _date(post.get("classified_on", ""))
    preview = preview_classification(
        actor=request.user,
        kind=_kind(post.get("kind", "")),
        level=post.get("level", ""),
        basis_ids=_ids(post.getlist("basis")),
        classified_on=on,
        level_reason=post.get("level_reason", ""),
        has_summary=bool(post.get("summary", "").strip()),
    )
    return render(request, "registry/_classification_preview.html", {"p": preview, "on": on})
