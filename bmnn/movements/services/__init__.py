"""One function per legal act on a secret item's movements: rules checked, state changed, one ledger entry."""

from bmnn.movements.services.copying import decide_copy, perform_copy, record_copy, request_copy
from bmnn.movements.services.destruction import (
    decide_destruction,
    form_council,
    propose_destruction,
    record_destruction,
    record_minutes,
)
from bmnn.movements.services.emergency import (
    acknowledge_emergency,
    destroy_in_emergency,
    record_destruction_file,
)
from bmnn.movements.services.merger import confirm_merger, reconcile_merger
from bmnn.movements.services.outside import (
    ProvisionInput,
    TakeOutInput,
    confirm_take_out_return,
    decide_provision,
    decide_take_out,
    register_provision_request,
    request_take_out,
)
from bmnn.movements.services.recalls import (
    confirm_recall_return,
    holdings_of,
    issue_recall,
    open_departure,
    record_departure_commitment,
)

__all__ = [
    "ProvisionInput",
    "TakeOutInput",
    "acknowledge_emergency",
    "confirm_merger",
    "confirm_recall_return",
    "confirm_take_out_return",
    "decide_copy",
    "decide_destruction",
    "decide_provision",
    "decide_take_out",
    "destroy_in_emergency",
    "form_council",
    "holdings_of",
    "issue_recall",
    "open_departure",
    "perform_copy",
    "propose_destruction",
    "reconcile_merger",
    "record_copy",
    "record_departure_commitment",
    "record_destruction",
    "record_destruction_file",
    "record_minutes",
    "register_provision_request",
    "request_copy",
    "request_take_out",
]
