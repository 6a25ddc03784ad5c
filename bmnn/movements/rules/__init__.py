"""Pure rules for the movements of secret items. No Django, no clock: callers pass facts in.

Each act is judged under the regime in force on the act's date (domain.md §1): Luật 29/2018/QH14 and
NĐ 26/2020/NĐ-CP before 01/03/2026, Luật 117/2025/QH15 and NĐ 63/2026/NĐ-CP from that day.
"""

from bmnn.movements.rules.common import REGIME_2025_FROM, cite
from bmnn.movements.rules.copying import CopyAct, CopyDecision, check_copy, check_copy_decision
from bmnn.movements.rules.destruction import (
    CouncilFacts,
    DecisionFacts,
    DestructionRecordFacts,
    EmergencyFacts,
    LineFacts,
    MinutesFacts,
    ProposalFacts,
    check_council,
    check_decision,
    check_destruction_record,
    check_emergency,
    check_minutes,
    check_proposal,
)
from bmnn.movements.rules.merger import (
    MergerConfirmation,
    MergerFacts,
    check_merger,
    check_merger_confirmation,
)
from bmnn.movements.rules.outside import (
    DepartureFacts,
    ProvisionDecision,
    ProvisionFacts,
    RecallFacts,
    ReturnFacts,
    TakeOutDecision,
    TakeOutFacts,
    check_departure,
    check_provision,
    check_provision_decision,
    check_recall,
    check_return,
    check_take_out,
    check_take_out_decision,
)

__all__ = [
    "REGIME_2025_FROM",
    "CopyAct",
    "CopyDecision",
    "CouncilFacts",
    "DecisionFacts",
    "DepartureFacts",
    "DestructionRecordFacts",
    "EmergencyFacts",
    "LineFacts",
    "MergerConfirmation",
    "MergerFacts",
    "MinutesFacts",
    "ProposalFacts",
    "ProvisionDecision",
    "ProvisionFacts",
    "RecallFacts",
    "ReturnFacts",
    "TakeOutDecision",
    "TakeOutFacts",
    "check_copy",
    "check_copy_decision",
    "check_council",
    "check_decision",
    "check_departure",
    "check_destruction_record",
    "check_emergency",
    "check_merger",
    "check_merger_confirmation",
    "check_minutes",
    "check_proposal",
    "check_provision",
    "check_provision_decision",
    "check_recall",
    "check_return",
    "check_take_out",
    "check_take_out_decision",
    "cite",
]
