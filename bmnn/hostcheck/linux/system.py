"""Linux machine identity, time zone, OS and package updates, antivirus, browser databases."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from pathlib import Path

from .. import timeutil
from ..browser import collect_history
from ..fsutil import Tree
from ..model import Collection, Evidence, Kind, SourceState, attrs

_CVD_DATE = re.compile(r"^ClamAV-VDB:(\d{1,2} \w{3} \d{4} \d{2}-\d{2}) ([+-]\d{4}):(\d+):(\d+)")
_DPKG_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (status installed|upgrade|install) ")


def _first_line(tree: Tree, rel: str) -> str:
    try:
        return tree.path(rel).read_text(encoding="utf-8", errors="replace").strip().splitlines()[0]
    except (OSError, IndexError):
        return ""


def host_timezone(tree: Tree) -> str:
    name = _first_line(tree, "etc/timezone")
    if name:
        return name
    try:
        target = str(tree.path("etc/localtime").readlink())
    except OSError:
        return ""
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""


def collect_identity(tree: Tree, coll: Collection) -> None:
    coll.identity["hostname"] = _first_line(tree, "etc/hostname")
    coll.identity["machine_id"] = _first_line(tree, "etc/machine-id")
    serials = {}
    for name in ("sys_vendor", "product_name", "product_serial", "product_uuid", "board_serial"):
        path = tree.path(f"sys/class/dmi/id/{name}")
        if path.exists():
            value = _first_line(tree, f"sys/class/dmi/id/{name}")
            serials[name] = value or "(không đọc được — cần quyền root)"
    coll.identity["hardware"] = serials


def collect_os(tree: Tree, coll: Collection, zone: tzinfo) -> datetime | None:
    """OS name and the time of the last package installation/upgrade (dpkg, apt history)."""
    text = tree.read_text(coll, tree.path("etc/os-release"), "os") or ""
    pretty = dict(ln.split("=", 1) for ln in text.splitlines() if "=" in ln).get("PRETTY_NAME", "").strip('"')
    coll.identity["os"] = pretty
    if pretty:
        coll.add(
            Evidence(
                Kind.OS_INFO, "/etc/os-release", pretty, f"Hệ điều hành: {pretty}", attrs=attrs(name=pretty)
            )
        )
    latest: tuple[datetime, str, str] | None = None
    earliest: datetime | None = None
    for path in tree.glob("var/log", "dpkg.log*"):
        for line in (tree.read_text(coll, path, "os") or "").splitlines():
            match = _DPKG_LINE.match(line)
            when = timeutil.parse_iso(match.group(1), zone) if match else None
            if when is None:
                continue
            earliest = when if earliest is None or when < earliest else earliest
            if latest is None or when > latest[0]:
                latest = (when, tree.display(path), line)
    if latest:
        coll.add(
            Evidence(
                Kind.OS_UPDATE,
                latest[1],
                latest[2],
                "Lần cài đặt/cập nhật gói phần mềm gần nhất",
                latest[0],
                attrs(first_utc=timeutil.iso_utc(earliest)),
            )
        )
    elif not tree.glob("var/log", "dpkg.log*"):
        coll.source("/var/log/dpkg.log", SourceState.ABSENT, "os")
    return earliest


def _cvd_header(data: bytes) -> tuple[datetime | None, str]:
    header = data[:512].decode("ascii", errors="replace")
    match = _CVD_DATE.match(header)
    if not match:
        return None, header.split(":", 3)[2] if header.count(":") >= 3 else ""
    stamp = datetime.strptime(f"{match.group(1)} {match.group(2)}", "%d %b %Y %H-%M %z")
    return timeutil.parse_iso(stamp.isoformat(), timeutil.get_zone("UTC")), match.group(3)


def collect_clamav(tree: Tree, coll: Collection) -> None:
    databases = [
        p for p in tree.glob("var/lib/clamav", "*.c[vl]d") if p.name.split(".")[0] in ("daily", "main")
    ]
    engine = next(
        (p for p in (tree.path("usr/bin/clamscan"), tree.path("usr/sbin/clamd")) if p.exists()), None
    )
    if not databases and engine is None:
        coll.source("/var/lib/clamav", SourceState.ABSENT, "antivirus")
        return
    newest: tuple[datetime | None, str, str] = (None, "", "")
    for path in databases:
        with_data = tree.read_bytes(coll, path, "antivirus")
        when, version = _cvd_header(with_data or b"")
        if when and (newest[0] is None or when > newest[0]):
            newest = (when, tree.display(path), version)
    coll.add(
        Evidence(
            Kind.AV_STATUS,
            newest[1] or (tree.display(engine) if engine else "/var/lib/clamav"),
            f"version={newest[2]}" if newest[2] else "no signature database",
            "ClamAV có cài đặt"
            + ("; cơ sở dữ liệu mẫu virus đọc được" if newest[0] else "; không đọc được mẫu virus"),
            newest[0],
            attrs(
                product="ClamAV",
                present="yes",
                enabled="yes",
                signature_utc=timeutil.iso_utc(newest[0]),
                version=newest[2],
            ),
        )
    )


def _browser_dbs(tree: Tree) -> list[tuple[Path, str, str]]:
    found: list[tuple[Path, str, str]] = []
    homes = [tree.path("root"), *[p for p in tree.glob("home", "*") if p.is_dir()]]
    for home in homes:
        for pattern in (
            ".mozilla/firefox/*/places.sqlite",
            "snap/firefox/common/.mozilla/firefox/*/places.sqlite",
        ):
            found += [(p, "firefox", home.name) for p in sorted(home.glob(pattern))]
        for vendor in ("google-chrome", "chromium", "microsoft-edge", "BraveSoftware/Brave-Browser"):
            found += [(p, "chromium", home.name) for p in sorted(home.glob(f".config/{vendor}/*/History"))]
    return found


def collect_browsers(tree: Tree, coll: Collection) -> None:
    dbs = _browser_dbs(tree)
    if not dbs:
        coll.source(
            "/home/*/(firefox|chromium)", SourceState.ABSENT, "browser", "không có CSDL lịch sử duyệt web"
        )
    for path, engine, user in dbs:
        collect_history(tree, coll, path, engine, user)
