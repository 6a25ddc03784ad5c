"""JSON-lines serialisation for backups that keeps datetimes to the microsecond.

Django's encoder cuts microseconds to milliseconds; ledger hashes cover the exact time of each entry,
so a backup must carry it exactly or the restored ledger would not verify.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime):
            return o.isoformat().replace("+00:00", "Z")
        if isinstance(o, dt.time):
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    def _init_options(self) -> None:
        super()._init_options()  # type: ignore[misc]  # exists at run time, not in django-stubs
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = jsonl.Deserializer
