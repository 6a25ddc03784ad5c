"""Roll-up without a network: signed report packages carried on a USB stick (issue #6 item 5).

``package`` (pure: canonical JSON, Ed25519 sign/verify), ``keys`` (this agency's key pair in the data
folder), ``consolidate`` (pure sums), ``rules`` (pure checks: period, duplicates).
"""
