"""Crash-safety harness: SIGKILL ``bmnn`` processes in the middle of their work and check what a
restart finds.

Scenarios, each run in a fresh installation (SQLite data folder, or PostgreSQL when a database URL
is given):

* ``register``: a process registers outgoing entries in a loop and, *after* each commit, appends
  the number to an acknowledgement file; it is killed at a random moment. Afterwards every
  acknowledged number must exist, numbers must run 1..N with no gap or duplicate, the counter must
  equal N, the ledger must verify and the database must pass its integrity check.
* ``backup``: ``bmnn backup`` is killed at a random moment; the target is either absent or a backup
  that verifies, and the installation is untouched.
* ``restore``: ``bmnn restore`` is killed at a random moment; after the next ``bmnn`` start the data
  is wholly the old or wholly the restored state and verifies.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

WORKER = r"""
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from bmnn.accounts.models import User
from bmnn.lib import clock
from bmnn.registers.services.outgoing import OutgoingInput, register_outgoing
from bmnn.registry.models import SecretItem
clerk = User.objects.get(username="demo.clerk")
item = SecretItem.objects.filter(status="classified").order_by("pk").first()
ack = open(sys.argv[1], "a", encoding="ascii")
while True:
    entry = register_outgoing(actor=clerk, data=OutgoingInput(item_id=item.pk, date=clock.today(), recipients=["UBND tỉnh"], quantity=1))
    ack.write(f"{entry.seq}\n"); ack.flush(); os.fsync(ack.fileno())
"""

SETUP_ITEM = r"""
import datetime as dt, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from bmnn.accounts.models import User
from bmnn.catalog.models import CatalogItem
from bmnn.lib import clock
from bmnn.registry.services import create_item
from bmnn.registry.services.common import ItemInput
head = User.objects.get(username="demo.head")
basis = CatalogItem.objects.filter(level="secret").first()
day = clock.today() - dt.timedelta(days=1)
create_item(actor=head, data=ItemInput(kind="paper_document", level="secret", basis_ids=[basis.pk],
    classified_on=day, document_type="Báo cáo", number="7/BC-THU", date=day, summary="Báo cáo thử", copies=3))
"""

CHECK = r"""
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.db import connection
from bmnn.audit import ledger
from bmnn.registers.models import OutgoingEntry, RegisterCounter
seqs = sorted(OutgoingEntry.objects.values_list("seq", flat=True))
counter = RegisterCounter.objects.filter(kind="outgoing").values_list("last_seq", flat=True).first() or 0
integrity = "ok"
if connection.vendor == "sqlite":
    with connection.cursor() as c:
        c.execute("PRAGMA integrity_check")
        integrity = c.fetchone()[0]
print(",".join(map(str, seqs)) or "-", counter, integrity, int(ledger.verify().ok))
"""


@dataclass
class Result:
    scenario: str
    trials: int = 0
    survived: int = 0
    failures: list[str] = field(default_factory=list)


def python(
    code: str, env: dict[str, str], *args: str, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def bmnn(args: list[str], env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bmnn", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def install(folder: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(BMNN_DATA_DIR=str(folder), BMNN_ALLOW_TEMP_PATHS="1")
    if database_url:
        env["DATABASE_URL"] = database_url
    for step in (["init", "--no-input"], ["demo"]):
        done = bmnn(step, env)
        if done.returncode:
            raise RuntimeError(done.stderr)
    made = python(SETUP_ITEM, env)
    if made.returncode:
        raise RuntimeError(made.stderr)
    return env


def kill_after(cmd: list[str], env: dict[str, str], delay: float) -> int:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    return proc.wait()


def register_trial(folder: Path, env: dict[str, str], rng: random.Random) -> str | None:
    ack = folder.parent / f"{folder.name}.ack"
    kill_after([sys.executable, "-c", WORKER, str(ack)], env, rng.uniform(1.0, 3.0))
    acked = [int(x) for x in ack.read_text().split()] if ack.exists() else []
    out = python(CHECK, env)
    if out.returncode:
        return f"check failed: {out.stderr.strip().splitlines()[-1:]}"
    seqs_text, counter, integrity, ledger_ok = out.stdout.split()
    seqs = [] if seqs_text == "-" else [int(s) for s in seqs_text.split(",")]
    problems = []
    if missing := sorted(set(acked) - set(seqs)):
        problems.append(f"acknowledged but lost: {missing[:5]}")
    if seqs != list(range(1, len(seqs) + 1)):
        problems.append("gap or duplicate in numbers")
    if int(counter) != len(seqs):
        problems.append(f"counter {counter} != {len(seqs)} entries")
    if integrity != "ok" or ledger_ok != "1":
        problems.append(f"integrity={integrity} ledger_ok={ledger_ok}")
    return "; ".join(problems) or None


def backup_trial(folder: Path, env: dict[str, str], rng: random.Random, passphrase: Path) -> str | None:
    target = folder.parent / f"{folder.name}-{rng.randrange(10**9)}.bmnnbak"
    kill_after(
        [sys.executable, "-m", "bmnn", "backup", str(target), "--passphrase-file", str(passphrase)],
        env,
        rng.uniform(0.2, 2.5),
    )
    problems = []
    if target.exists():
        check = bmnn(["restore", str(target), "--passphrase-file", str(passphrase), "--check-only"], env)
        if check.returncode:
            problems.append("a backup file exists but does not verify: " + check.stderr.strip()[-200:])
    if bmnn(["ledger", "verify"], env).returncode:
        problems.append("installation damaged by a killed backup")
    return "; ".join(problems) or None


EMPTY_TARGET = r"""
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
django.setup()
from django.db import connection
print(int("audit_ledgerentry" not in connection.introspection.table_names()
          or not connection.cursor().execute("SELECT 1 FROM audit_ledgerentry LIMIT 1").fetchone()))
"""


def restore_trial(
    folder: Path, env: dict[str, str], rng: random.Random, passphrase: Path, backup: Path, heads: set[str]
) -> str | None:
    """``heads`` holds the acceptable ledger heads: the state before and the restored one; with ""
    in it (a new, empty PostgreSQL target), an untouched empty database is acceptable too."""
    cmd = [sys.executable, "-m", "bmnn", "restore", str(backup), "--passphrase-file", str(passphrase)]
    kill_after(cmd, env, rng.uniform(0.3, 4.0))
    if "" in heads and python(EMPTY_TARGET, env).stdout.strip() == "1":
        return None  # killed before the load committed: the new database is still empty
    verify = bmnn(["ledger", "verify"], env)  # the next start finishes an interrupted swap first
    if verify.returncode:
        return (
            "after a killed restore the ledger does not verify: "
            + (verify.stdout + verify.stderr).strip()[-200:]
        )
    head = bmnn(["ledger", "head"], env).stdout.strip()
    return (
        None if head in heads else f"unexpected ledger head {head} (neither the old nor the restored state)"
    )


@contextlib.contextmanager
def database() -> Iterator[str | None]:
    base = os.environ.get("DATABASE_URL")
    if not base:
        yield None
        return
    import psycopg

    name = f"bmnn_crash_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run(scenario: str, trials: int, work: Path, rng: random.Random) -> Result:
    """``trials`` kills of one scenario in a fresh installation under ``work``."""
    result = Result(scenario)
    passphrase = work / "pass"
    passphrase.write_text("cụm mật khẩu thử sập nguồn")
    passphrase.chmod(0o600)
    with database() as url:
        env = install(work / scenario, url)
        backup, heads = None, set()
        if scenario == "restore":
            backup = work / "restore-source.bmnnbak"
            bmnn(["backup", str(backup), "--passphrase-file", str(passphrase)], env)
            heads.add(bmnn(["ledger", "head"], env).stdout.strip())
            bmnn(["demo", "--remove"], env)  # the live state now differs from the backup
            heads.add(bmnn(["ledger", "head"], env).stdout.strip())
        for i in range(trials):
            if scenario == "register":
                problem = register_trial(work / scenario, env, rng)
            elif scenario == "backup":
                problem = backup_trial(work / scenario, env, rng, passphrase)
            else:
                problem = _restore(work, env, rng, passphrase, backup, heads, url, i)
            result.trials += 1
            result.survived += problem is None
            if problem:
                result.failures.append(f"#{i}: {problem}")
            print(f"\r{scenario}: {result.survived}/{result.trials}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return result


def _restore(
    work: Path,
    env: dict[str, str],
    rng: random.Random,
    passphrase: Path,
    backup: Path | None,
    heads: set[str],
    url: str | None,
    i: int,
) -> str | None:
    assert backup is not None, "the restore scenario takes its backup first"
    if not url:
        return restore_trial(work / "restore", env, rng, passphrase, backup, heads)
    with database() as fresh:  # PostgreSQL restores only into an empty database: one per trial
        assert fresh is not None
        env = {**env, "DATABASE_URL": fresh, "BMNN_DATA_DIR": str(work / f"restore-pg-{i}")}
        return restore_trial(work / f"restore-pg-{i}", env, rng, passphrase, backup, heads | {""})
