"""Linux collectors: a live system (root "/") or a mounted root directory."""

from __future__ import annotations

from pathlib import Path

from .. import timeutil
from ..facts import freeze
from ..fsutil import Tree
from ..model import Collection, Evidence, HostFacts, Kind, attrs
from .current import collect_current
from .logs import collect_logs
from .profiles import collect_leases, collect_nm_profiles, collect_wpa_conf
from .system import collect_browsers, collect_clamav, collect_identity, collect_os, host_timezone


def _deleted_from_logs(coll: Collection, known: set[str]) -> None:
    """A profile activated in the logs but absent from disk was deleted after use."""
    for item in list(coll.evidence):
        uuid = item.attr("uuid")
        if item.kind == Kind.NET_EVENT and uuid and uuid not in known:
            coll.add(
                Evidence(
                    Kind.PROFILE_DELETED,
                    item.source,
                    item.raw,
                    f"Hồ sơ kết nối '{item.attr('name')}' ({uuid}) đã được dùng nhưng nay không còn",
                    item.time_utc,
                    attrs(uuid=uuid, name=item.attr("name")),
                )
            )


def collect_linux(root: Path, *, live: bool) -> HostFacts:
    tree = Tree(root)
    coll = Collection()
    zone_name = host_timezone(tree)
    zone = timeutil.get_zone(zone_name)
    collect_identity(tree, coll)
    # /proc and /sys exist only on a running system (or a fixture that imitates one).
    observable = live or tree.path("proc/net/route").exists()
    if observable:
        collect_current(tree, coll)
    known = collect_nm_profiles(tree, coll)
    collect_wpa_conf(tree, coll)
    collect_leases(tree, coll, known)
    collect_logs(tree, coll, zone)
    _deleted_from_logs(coll, known)
    install = collect_os(tree, coll, zone)
    coll.identity["install_utc"] = timeutil.iso_utc(install)
    collect_clamav(tree, coll)
    collect_browsers(tree, coll)
    return freeze(coll, platform="linux", live=live, observable=observable, zone=zone_name)
