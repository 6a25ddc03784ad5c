"""Schemathesis against the API's OpenAPI document: for every operation it generates valid and
mutated inputs (paths, queries, bodies); each is sent as a clerk with a token, on the demo data, through
Django's test client. The API must never answer 5xx: bad input gets a 4xx with its reasons."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import schemathesis
from django.urls import get_resolver
from hypothesis import HealthCheck, settings

from bmnn.api.framework import openapi_document

pytestmark = pytest.mark.xdist_group("schemathesis")
get_resolver().url_patterns  # noqa: B018  (importing every app's api module registers its operations)
schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture
def clerk_token(db: Any) -> str:
    from bmnn.accounts import demo
    from bmnn.accounts.models import User
    from bmnn.api.framework import issue_token
    from bmnn.catalog.services import load_starter_catalog
    from bmnn.web.demo_content import load_demo_content

    load_starter_catalog(actor=None)
    demo.load_demo()
    load_demo_content()
    return issue_token(user=User.objects.get(username="demo.clerk"))


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("BMNN_SCHEMATHESIS_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_never_fails_with_a_server_error(case: Any, clerk_token: str, client: Any) -> None:
    sent = case.as_transport_kwargs(
        base_url="http://testserver/api/v1", headers={"Authorization": f"Bearer {clerk_token}"}
    )
    path = sent["url"].removeprefix("http://testserver")
    extra = {"HTTP_AUTHORIZATION": f"Bearer {clerk_token}"}
    if "json" in sent:
        response = client.generic(
            sent["method"],
            path,
            json.dumps(sent["json"]),
            "application/json",
            QUERY_STRING=_query(sent),
            **extra,
        )
    else:
        response = client.generic(sent["method"], path, b"", QUERY_STRING=_query(sent), **extra)
    assert response.status_code < 500, (
        f"{case.method} {path}: {response.status_code} {response.content[:300]!r}"
    )


def _query(sent: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(sent.get("params") or {}, doseq=True)
