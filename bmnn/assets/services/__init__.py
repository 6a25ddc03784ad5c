"""Every change to devices: one function, one transaction, one ledger entry. Rules first, all at once."""

from bmnn.assets.services.devices import (
    record_inspection,
    record_wipe,
    register_device,
    report_seal_broken,
    retire_device,
    seal_device,
    update_device,
    upload_hostcheck,
)
from bmnn.assets.services.storage import allocate_storage, register_storage, return_storage

__all__ = [
    "allocate_storage",
    "record_inspection",
    "record_wipe",
    "register_device",
    "register_storage",
    "report_seal_broken",
    "retire_device",
    "return_storage",
    "seal_device",
    "update_device",
    "upload_hostcheck",
]
