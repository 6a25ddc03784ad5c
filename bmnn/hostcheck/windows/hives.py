"""Locate and open the hives of a Windows image (or the live registry) as ``RegKey`` roots."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import Tree
from ..model import Collection, SourceState
from .registry import RegKey, open_hive, value, walk

HIVE_DIRS = ("Windows/System32/config", "")  # a full volume, or a folder holding the hive files


@dataclass
class Hives:
    system: RegKey | None = None
    software: RegKey | None = None
    users: list[tuple[str, RegKey]] = field(default_factory=list)

    def control_set(self) -> RegKey | None:
        current = value(walk(self.system, "Select"), "Current", 1)
        return walk(self.system, f"ControlSet{int(current):03d}") or walk(self.system, "ControlSet001")


def _open(tree: Tree, coll: Collection, path: Path, label: str) -> RegKey | None:
    shown = tree.display(path)
    if not path.is_file():
        coll.source(shown, SourceState.ABSENT, "registry")
        return None
    try:
        key = open_hive(path, label)
        key.subkeys()  # force a first parse so a corrupt hive is reported here
    except Exception as exc:
        coll.source(shown, SourceState.UNREADABLE, "registry", f"{type(exc).__name__}: {exc}"[:200])
        return None
    coll.source(shown, SourceState.READ, "registry")
    return key


def _find(tree: Tree, name: str) -> Path:
    for folder in HIVE_DIRS:
        candidate = tree.path(f"{folder}/{name}" if folder else name)
        if candidate.is_file():
            return candidate
    return tree.path(f"{HIVE_DIRS[0]}/{name}")


def open_offline(tree: Tree, coll: Collection) -> Hives:
    hives = Hives(
        system=_open(tree, coll, _find(tree, "SYSTEM"), "HKLM\\SYSTEM"),
        software=_open(tree, coll, _find(tree, "SOFTWARE"), "HKLM\\SOFTWARE"),
    )
    profiles = [(p.name, p / "NTUSER.DAT") for p in tree.glob("Users", "*") if p.is_dir()]
    loose = tree.path("NTUSER.DAT")
    if loose.is_file():
        profiles.append(("(NTUSER.DAT)", loose))
    for user, path in profiles:
        candidate = tree.path(f"Users/{user}/NTUSER.DAT") if user != "(NTUSER.DAT)" else path
        if candidate.is_file():
            key = _open(tree, coll, candidate, f"HKU\\{user}")
            if key is not None:
                hives.users.append((user, key))
    return hives
