"""One small registry interface with two back ends: regipy on an offline hive file, and
``winreg`` on a running Windows. Every parser takes a ``RegKey``, so the offline tests exercise
exactly the code the live mode runs; only the thin adapters differ."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from .. import timeutil


@dataclass(frozen=True)
class RegValue:
    name: str
    type: str  # REG_SZ, REG_DWORD, REG_BINARY, REG_MULTI_SZ, REG_QWORD, REG_FILETIME, ...
    data: Any  # str | int | bytes | list[str] | datetime


class RegKey(Protocol):
    name: str
    path: str

    @property
    def last_write(self) -> datetime | None: ...

    def subkey(self, name: str) -> RegKey | None: ...

    def subkeys(self) -> list[RegKey]: ...

    def values(self) -> dict[str, RegValue]: ...


def walk(key: RegKey | None, rel: str) -> RegKey | None:
    for part in [p for p in rel.split("\\") if p]:
        if key is None:
            return None
        key = key.subkey(part)
    return key


def value(key: RegKey | None, name: str, default: Any = None) -> Any:
    if key is None:
        return default
    found = {k.lower(): v for k, v in key.values().items()}.get(name.lower())
    return default if found is None else found.data


class OfflineKey:
    """A key of a hive file, read through regipy (pure Python, the file is read into memory once)."""

    def __init__(self, record: Any, path: str) -> None:
        self._record = record
        self.name = str(record.name)
        self.path = path

    @property
    def last_write(self) -> datetime | None:
        return timeutil.filetime(int(self._record.header.last_modified))

    def subkey(self, name: str) -> OfflineKey | None:
        child = self._record.get_subkey(name, raise_on_missing=False) if self._record.subkey_count else None
        return OfflineKey(child, f"{self.path}\\{child.name}") if child is not None else None

    def subkeys(self) -> list[RegKey]:
        children = self._record.iter_subkeys() or []
        return sorted(
            (OfflineKey(c, f"{self.path}\\{c.name}") for c in children), key=lambda k: k.name.lower()
        )

    def values(self) -> dict[str, RegValue]:
        out: dict[str, RegValue] = {}
        for item in self._record.iter_values(as_json=False, trim_values=False) or []:
            out[str(item.name)] = RegValue(str(item.name), str(item.value_type), item.value)
        return out


def open_hive(path: Path, label: str) -> OfflineKey:
    """Root key of an offline hive; raises regipy/OSError exceptions for the caller to record."""
    from regipy.registry import RegistryHive  # imported lazily: Linux live mode never needs it

    return OfflineKey(RegistryHive(str(path)).root, label)


if sys.platform == "win32":  # pragma: no cover - exercised only on Windows (see SCHEMA.md)
    import winreg

    _TYPES = {
        winreg.REG_SZ: "REG_SZ",
        winreg.REG_EXPAND_SZ: "REG_EXPAND_SZ",
        winreg.REG_DWORD: "REG_DWORD",
        winreg.REG_BINARY: "REG_BINARY",
        winreg.REG_MULTI_SZ: "REG_MULTI_SZ",
        winreg.REG_QWORD: "REG_QWORD",
    }

    class LiveKey:
        """A key of the running registry, opened KEY_READ only (and 64-bit view)."""

        def __init__(self, handle: Any, path: str) -> None:
            self._handle = handle
            self.path = path
            self.name = path.rsplit("\\", 1)[-1]

        @property
        def last_write(self) -> datetime | None:
            return timeutil.filetime(int(winreg.QueryInfoKey(self._handle)[2]))

        def subkey(self, name: str) -> LiveKey | None:
            try:
                handle = winreg.OpenKey(self._handle, name, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
            except OSError:
                return None
            return LiveKey(handle, f"{self.path}\\{name}")

        def subkeys(self) -> list[RegKey]:
            count = winreg.QueryInfoKey(self._handle)[0]
            names = sorted((winreg.EnumKey(self._handle, i) for i in range(count)), key=str.lower)
            return [k for k in (self.subkey(n) for n in names) if k is not None]

        def values(self) -> dict[str, RegValue]:
            out = {}
            for index in range(winreg.QueryInfoKey(self._handle)[1]):
                name, data, kind = winreg.EnumValue(self._handle, index)
                label = _TYPES.get(kind, "REG_FILETIME" if kind & 0xFFFF == 0x10 else f"REG_{kind:#x}")
                out[name or "(default)"] = RegValue(name or "(default)", label, data)
            return out

    def open_live(root: str) -> LiveKey:
        hive = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKU": winreg.HKEY_USERS}[root.split("\\")[0]]
        rest = root.split("\\", 1)[1] if "\\" in root else ""
        return LiveKey(winreg.OpenKey(hive, rest, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY), root)
