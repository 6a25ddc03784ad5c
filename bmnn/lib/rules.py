"""The shape every legal rule answers in: a list of violations, each with its article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    code: str
    message_vi: str
    basis: str

    def as_dict(self) -> dict[str, str]:
        """Shape of the API's 422 body: ``{"code", "message", "basis"}``."""
        return {"code": self.code, "message": self.message_vi, "basis": self.basis}

    as_json = as_dict


class RuleViolation(Exception):
    """A service refused an act; carries every violated rule, not just the first."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = list(violations)
        super().__init__("; ".join(v.message_vi for v in self.violations))
