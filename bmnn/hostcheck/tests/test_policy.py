from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmnn.hostcheck.policy import Policy, PolicyError, load_policy, policy_from_dict, policy_hash


def test_the_default_policy_is_the_strict_2018_regime() -> None:
    assert load_policy(None) == Policy() and Policy().regime == "2018"


@pytest.mark.parametrize(
    "data",
    [
        {"regime": "2030"},
        {"approved_lan": {"subnets": ["10.0.0.300/24"]}},
        {"approved_usb_serials": "ABC"},
        {"cleanup_verdict": "PASS"},
        {"approved_lan": []},
    ],
)
def test_an_invalid_policy_is_refused_with_a_vietnamese_message(data: dict) -> None:
    with pytest.raises(PolicyError, match="Chính sách"):
        policy_from_dict(data)


def test_the_policy_hash_ignores_key_order_and_mac_spelling(tmp_path: Path) -> None:
    a = policy_from_dict({"regime": "2025", "approved_lan": {"gateway_macs": ["00-11-22-33-44-55"]}})
    b = policy_from_dict({"approved_lan": {"gateway_macs": ["00:11:22:33:44:55"]}, "regime": "2025"})
    assert policy_hash(a) == policy_hash(b) != policy_hash(Policy())


def test_a_policy_file_that_is_not_json_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "p.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(PolicyError):
        load_policy(bad)
    good = tmp_path / "ok.json"
    good.write_text(json.dumps({"regime": "2025"}), "utf-8")
    assert load_policy(good).regime == "2025"
