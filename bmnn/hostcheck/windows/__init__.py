"""Windows collectors: an offline image (mounted volume or a folder of hives and logs) or, on a
running Windows, the live registry through ``winreg`` with the same parsers."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import timeutil
from ..browser import collect_history
from ..facts import freeze
from ..fsutil import Tree
from ..model import Collection, HostFacts, SourceState
from .events import collect_events
from .hives import Hives, open_offline
from .network import collect_networklist, collect_shares, collect_tcpip, collect_wlan
from .system import collect_antivirus, collect_identity, collect_os, host_zone
from .usb import collect_usb

_BROWSERS = (
    ("AppData/Local/Google/Chrome/User Data", "*/History", "chromium"),
    ("AppData/Local/Microsoft/Edge/User Data", "*/History", "chromium"),
    ("AppData/Local/CocCoc/Browser/User Data", "*/History", "chromium"),
    ("AppData/Roaming/Mozilla/Firefox/Profiles", "*/places.sqlite", "firefox"),
)


def _browsers(tree: Tree, coll: Collection) -> None:
    found = 0
    for home in [p for p in tree.glob("Users", "*") if p.is_dir()]:
        for rel, pattern, engine in _BROWSERS:
            for path in tree.glob(f"Users/{home.name}/{rel}", pattern):
                found += 1
                collect_history(tree, coll, path, engine, home.name)
    if not found:
        coll.source("/Users/*/AppData (trình duyệt)", SourceState.ABSENT, "browser")


def collect_from(tree: Tree, hives: Hives, coll: Collection, *, live: bool) -> HostFacts:
    zone_name = host_zone(hives)
    zone = timeutil.get_zone(zone_name)
    collect_identity(hives, coll)
    installed = collect_os(hives, coll)
    coll.identity["install_utc"] = timeutil.iso_utc(installed)
    wireless = collect_networklist(hives, coll, zone)
    collect_tcpip(hives, coll)
    collect_wlan(tree, coll, wireless)
    collect_shares(hives, coll)
    collect_usb(tree, hives, coll, zone)
    collect_events(tree, coll)
    collect_antivirus(hives, coll)
    _browsers(tree, coll)
    # Current connections are not observable from hives; live Windows would need the IP Helper API,
    # which is left to the inspector's visual check (documented in SCHEMA.md).
    return freeze(coll, platform="windows", live=live, observable=False, zone=zone_name)


def collect_windows(image: Path) -> HostFacts:
    tree = Tree(image, case_insensitive=True)
    coll = Collection()
    return collect_from(tree, open_offline(tree, coll), coll, live=False)


def collect_windows_live() -> HostFacts:  # pragma: no cover - needs a running Windows
    if sys.platform != "win32":
        raise RuntimeError("Chế độ trực tiếp Windows chỉ chạy trên Windows.")
    from .registry import open_live  # type: ignore[attr-defined]  # defined only on win32

    coll = Collection()
    hives = Hives(system=open_live("HKLM\\SYSTEM"), software=open_live("HKLM\\SOFTWARE"))
    # Only the profiles loaded now are under HKU; other users' NTUSER.DAT files are locked by Windows
    # and are reported absent by the offline reader if the inspector copies them separately.
    users = open_live("HKU")
    hives.users = [(key.name, key) for key in users.subkeys() if not key.name.endswith("_Classes")]
    tree = Tree(Path(Path.cwd().anchor), case_insensitive=True)
    return collect_from(tree, hives, coll, live=True)
