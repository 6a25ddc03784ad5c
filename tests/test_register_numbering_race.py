"""Register numbers under real concurrency: several processes registering at once on the same
database (the SQLite file of a data folder, or PostgreSQL when DATABASE_URL is set) never get the same
number and leave no gap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import env_for, fresh_database_url, run

WORKER = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.db import transaction
from bmnn.accounts.models import User
from bmnn.registers.services import allocate
from bmnn.lib import clock
clerk = User.objects.get(username="demo.clerk")
for _ in range(int(sys.argv[1])):
    with transaction.atomic():
        slot = allocate(actor=clerk, kind="outgoing", on=clock.today())
    print(slot.seq, flush=True)
"""

PROCESSES, EACH = 4, 25


def test_four_processes_registering_at_once_get_every_number_exactly_once(tmp_path: Path) -> None:
    with fresh_database_url() as url:
        env = env_for(tmp_path, **({"DATABASE_URL": url} if url else {}))
        if not url:
            env.pop("DATABASE_URL", None)
        for step in (["init", "--no-input"], ["demo", "--users-only"]):
            result = run(step, env)
            assert result.returncode == 0, result.stderr
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, str(EACH)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        numbers: list[int] = []
        for proc in procs:
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, err
            numbers += [int(line) for line in out.split()]
    assert sorted(numbers) == list(range(1, PROCESSES * EACH + 1))


SERVICE_WORKER = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from bmnn.accounts.models import User
from bmnn.lib import clock
from bmnn.registers import services
from bmnn.registry.models import SecretItem
clerk = User.objects.get(username="demo.clerk")
item = SecretItem.objects.create(
    agency=clerk.agency, document_type="Công văn", number=f"{os.getpid()}/CV", initial_level="secret",
    level="secret", status="classified", regime="2025", custodian=clerk,
)
for _ in range(int(sys.argv[1])):
    entry = services.register_outgoing(actor=clerk, data=services.OutgoingInput(
        item_id=item.pk, date=clock.today(), recipients=["UBND tỉnh Mẫu"]))
    print(entry.seq, flush=True)
"""

VERIFY = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from bmnn.registers.models import OutgoingEntry, SearchRow
from bmnn.audit.models import LedgerEntry
print(OutgoingEntry.objects.count(), SearchRow.objects.filter(kind="outgoing").count(),
      LedgerEntry.objects.filter(event="registers.outgoing_registered").count())
"""


def test_four_processes_registering_outgoing_documents_get_every_number_once(tmp_path: Path) -> None:
    with fresh_database_url() as url:
        env = env_for(tmp_path, **({"DATABASE_URL": url} if url else {}))
        if not url:
            env.pop("DATABASE_URL", None)
        for step in (["init", "--no-input"], ["demo", "--users-only"]):
            result = run(step, env)
            assert result.returncode == 0, result.stderr
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", SERVICE_WORKER, str(EACH)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        numbers: list[int] = []
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
            numbers += [int(line) for line in out.split()]
        counts = subprocess.run(
            [sys.executable, "-c", VERIFY], env=env, capture_output=True, text=True, check=True
        )
    total = PROCESSES * EACH
    assert sorted(numbers) == list(range(1, total + 1))
    assert counts.stdout.split() == [str(total)] * 3
