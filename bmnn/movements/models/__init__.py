"""Tables of the movements of secret items. No workflows here: they live in ``services``."""

from bmnn.movements.models.copies import CopyEntry, CopyKind, CopyPermission, CopyStatus, ItemCopy
from bmnn.movements.models.destruction import (
    DestructionCase,
    DestructionLine,
    DestructionStage,
    EmergencyDestruction,
)
from bmnn.movements.models.merger import MergerHandover, MergerStage
from bmnn.movements.models.outside import (
    CustodianDeparture,
    PermitStatus,
    ProvisionRequest,
    Recall,
    RecipientKind,
    TakeOutPermit,
)

__all__ = [
    "CopyEntry",
    "CopyKind",
    "CopyPermission",
    "CopyStatus",
    "CustodianDeparture",
    "DestructionCase",
    "DestructionLine",
    "DestructionStage",
    "EmergencyDestruction",
    "ItemCopy",
    "MergerHandover",
    "MergerStage",
    "PermitStatus",
    "ProvisionRequest",
    "Recall",
    "RecipientKind",
    "TakeOutPermit",
]
