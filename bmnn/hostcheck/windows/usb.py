"""Windows USB storage history: USBSTOR (with device-property timestamps), USB VID/PID, WPD,
MountedDevices, MountPoints2 and setupapi.dev.log. Devices are merged by serial number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from .. import timeutil
from ..fsutil import Tree
from ..model import Collection, Evidence, Kind, attrs
from .hives import Hives
from .registry import value, walk

_PROPS = r"Properties\{83da6326-97a6-4088-9453-a1923f573b29}"
_DEVICE = re.compile(r"Disk&Ven_([^&]*)&Prod_([^&]*)(?:&Rev_([^\\#&]*))?", re.I)
_SETUPAPI = re.compile(
    r">>>\s+\[Device Install.*? - USBSTOR\\([^\]]+)\]\s*\n>>>\s+Section start (\S+ \S+)", re.I
)
SETUPAPI_PATHS = ("Windows/INF/setupapi.dev.log", "Windows/setupapi.log")


@dataclass
class Device:
    serial: str
    vendor: str = ""
    product: str = ""
    sources: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    times: dict[str, datetime] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)

    def time(self, label: str, when: datetime | None) -> None:
        if when and (label not in self.times or (when < self.times[label] if label == "first" else True)):
            self.times[label] = when


def serial_of(instance: str) -> str:
    """Instance id "4C530001230101117543&0" → serial; ids whose 2nd char is '&' are made up by Windows."""
    serial = instance.rsplit("&", 1)[0] if instance.count("&") else instance
    return "" if len(instance) > 1 and instance[1] == "&" else serial.upper()


def _usbstor(hives: Hives, devices: dict[str, Device]) -> None:
    root = walk(hives.control_set(), r"Enum\USBSTOR")
    for model in root.subkeys() if root else []:
        match = _DEVICE.search(model.name)
        for instance in model.subkeys():
            serial = serial_of(instance.name) or instance.name.upper()
            device = devices.setdefault(serial, Device(serial))
            device.vendor, device.product = (match.group(1), match.group(2)) if match else ("", model.name)
            device.sources.append(instance.path)
            device.raw.append(
                f"{model.name}\\{instance.name}; FriendlyName={value(instance, 'FriendlyName', '')}"
            )
            props = walk(instance, _PROPS)
            for code, label in (
                ("0064", "first"),
                ("0065", "installed"),
                ("0066", "last"),
                ("0067", "removed"),
            ):
                device.time(label, timeutil.as_time(value(walk(props, code), "(default)")))
            device.time("key_written", instance.last_write)
            device.extra["real_serial"] = "no" if not serial_of(instance.name) else "yes"


def _usb_ids(hives: Hives, devices: dict[str, Device]) -> None:
    root = walk(hives.control_set(), r"Enum\USB")
    for ids in root.subkeys() if root else []:
        for instance in ids.subkeys():
            device = devices.get(instance.name.upper())
            if device:
                device.extra["vid_pid"] = ids.name


def _mounted(hives: Hives, devices: dict[str, Device]) -> dict[str, str]:
    """Drive letters from MountedDevices; returns volume GUID → serial for MountPoints2."""
    volumes: dict[str, str] = {}
    key = walk(hives.system, "MountedDevices")
    for name, item in (key.values() if key else {}).items():
        data = item.data if isinstance(item.data, bytes) else b""
        text = data.decode("utf-16-le", errors="ignore") if data[:4] == b"_\x00?\x00" else ""
        parts = text.split("#")
        if "USBSTOR" not in text.upper() or len(parts) < 3:
            continue
        serial = serial_of(parts[2])
        if serial in devices:
            if name.startswith("\\DosDevices\\"):
                devices[serial].extra["drive"] = name.rsplit("\\", 1)[-1]
            elif "Volume{" in name:
                volumes[name[name.index("{") :].lower()] = serial
    return volumes


def _mountpoints(hives: Hives, devices: dict[str, Device], volumes: dict[str, str]) -> None:
    for user, ntuser in hives.users:
        mounts = walk(ntuser, r"Software\Microsoft\Windows\CurrentVersion\Explorer\MountPoints2")
        for key in mounts.subkeys() if mounts else []:
            serial = volumes.get(key.name.lower())
            if serial:
                devices[serial].extra["users"] = ",".join(
                    sorted({*devices[serial].extra.get("users", "").split(","), user} - {""})
                )
                devices[serial].time("last_user_mount", key.last_write)
                devices[serial].sources.append(key.path)


def _wpd(hives: Hives, devices: dict[str, Device]) -> None:
    root = walk(hives.software, r"Microsoft\Windows Portable Devices\Devices")
    for key in root.subkeys() if root else []:
        parts = key.name.upper().split("#")
        marker = next((i for i, part in enumerate(parts) if part.endswith("USBSTOR")), None)
        if marker is not None and len(parts) > marker + 2:
            serial = serial_of(parts[marker + 2])
            if serial in devices:
                devices[serial].extra["label"] = str(value(key, "FriendlyName", "") or "")


def _setupapi(tree: Tree, coll: Collection, devices: dict[str, Device], zone: tzinfo) -> set[str]:
    """First-install times from setupapi (local wall time); returns serials found there."""
    found: set[str] = set()
    for rel in SETUPAPI_PATHS:
        text = tree.read_text(coll, tree.path(rel), "events", required=rel == SETUPAPI_PATHS[0])
        for device_id, stamp in _SETUPAPI.findall(text or ""):
            model, _, instance = device_id.partition("\\")
            serial = serial_of(instance) or instance.upper()
            found.add(serial)
            match = _DEVICE.search(model)
            vendor, product = (match.group(1), match.group(2)) if match else ("", model)
            device = devices.setdefault(serial, Device(serial, vendor, product))
            device.time("first", timeutil.parse_iso(stamp.replace("/", "-"), zone))
            device.sources.append(tree.display(tree.path(rel)))
            device.raw.append(f"setupapi: USBSTOR\\{device_id} {stamp}")
    return found


def _evidence(device: Device) -> Evidence:
    first, last = (
        device.times.get("first"),
        (device.times.get("last") or device.times.get("last_user_mount") or device.times.get("key_written")),
    )
    return Evidence(
        Kind.USB_STORAGE,
        device.sources[0],
        " | ".join(device.raw),
        f"Thiết bị lưu trữ USB {device.vendor} {device.product} (số serial {device.serial}) cắm lần đầu "
        f"{timeutil.iso_utc(first)}, lần cuối {timeutil.iso_utc(last)}",
        last or first,
        attrs(
            serial=device.serial if device.extra.get("real_serial") != "no" else "",
            vendor=device.vendor,
            product=device.product,
            first_utc=timeutil.iso_utc(first),
            removed_utc=timeutil.iso_utc(device.times.get("removed")),
            **device.extra,
        ),
    )


def collect_usb(tree: Tree, hives: Hives, coll: Collection, zone: tzinfo) -> None:
    devices: dict[str, Device] = {}
    _usbstor(hives, devices)
    in_registry = set(devices)
    _usb_ids(hives, devices)
    _mountpoints(hives, devices, _mounted(hives, devices))
    _wpd(hives, devices)
    in_log = _setupapi(tree, coll, devices, zone)
    for serial in sorted(in_log - in_registry):
        if hives.system is not None:
            coll.add(
                Evidence(
                    Kind.PROFILE_DELETED,
                    tree.display(tree.path(SETUPAPI_PATHS[0])),
                    serial,
                    f"USB {serial} có trong setupapi.dev.log nhưng khóa USBSTOR đã bị xóa khỏi registry",
                    attrs=attrs(serial=serial),
                )
            )
    for _serial, device in sorted(devices.items()):
        coll.add(_evidence(device))
