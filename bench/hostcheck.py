"""Print host-checker timings: the live Linux check of this machine, a large synthetic Linux root,
and an offline Windows image (fixture scenario enlarged to realistic sizes).

Goals (issue #9): live Linux ≤ 30 s, offline Windows image ≤ 60 s.
Run: .venv/bin/python bench/hostcheck.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bmnn.hostcheck.api import run_check
from bmnn.hostcheck.policy import Policy
from bmnn.hostcheck.tests.fixtures import linux_trees, regf, windows_images
from bmnn.hostcheck.tests.fixtures.common import NOW, chromium_db, t, write


def timed(label: str, **kwargs: object) -> float:
    start = time.perf_counter()
    result = run_check(policy=Policy(), now=NOW if kwargs else None, **kwargs)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    print(
        f"{label}: {elapsed:.2f} s — {len(result.facts.evidence)} chứng cứ, {len(result.facts.sources)} nguồn, "
        f"kết quả {result.report['overall']}"
    )
    return elapsed


def big_linux(root: Path, lines: int) -> None:
    linux_trees.usb(root)
    start = t("2026-01-01T00:00:00+07:00")
    chunk = []
    for index in range(lines):
        stamp = (start + timedelta(seconds=index * 5)).isoformat()
        chunk.append(f"{stamp} secpc CRON[{index}]: (root) CMD (run-parts /etc/cron.hourly)\n")
        if index % 5000 == 0:
            chunk.append(
                f"{stamp} secpc kernel: usb 1-1: New USB device found, idVendor=0781, idProduct=5567\n"
                f"{stamp} secpc kernel: usb 1-1: SerialNumber: S{index:08d}\n"
                f"{stamp} secpc kernel: usb-storage 1-1:1.0: USB Mass Storage device detected\n"
            )
    write(root, "var/log/syslog", "".join(chunk))


def big_windows(root: Path) -> None:
    image = windows_images.Image()
    packages = r"Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages"
    for index in range(8000):  # a real SOFTWARE hive holds thousands of servicing packages
        image.software.set(
            rf"{packages}\Package_{index}_for_KB50{index:05d}~31bf3856ad364e35~amd64~~10.0.1.{index}",
            "CurrentState",
            regf.dword(112),
        )
    for index in range(40000):  # filler so the hive has a realistic size
        image.software.set(
            rf"Classes\CLSID\{{{index:08X}-0000-0000-0000-000000000000}}", "", regf.sz("x" * 40)
        )
    for index in range(300):
        image.software.set(
            rf"Microsoft\Windows\CurrentVersion\Uninstall\App{index}", "DisplayName", regf.sz(f"App {index}")
        )
    for index in range(200):
        windows_images._usbstor(
            image,
            f"Disk&Ven_V{index}&Prod_P{index}&Rev_1.00",
            f"SER{index:012d}",
            "2026-01-03T10:01:00+07:00",
            "2026-02-09T10:01:00+07:00",
            "2026-02-09T11:00:00+07:00",
        )
    for index in range(100):
        image.profile(
            f"{{{index:08X}-0000-4000-8000-000000000000}}",
            f"Net {index}",
            0x47,
            "2026-01-10T10:00:00+07:00",
            "2026-02-10T10:00:00+07:00",
            bytes(6),
            f"Net {index}",
        )
    image.save(
        root,
        setupapi="".join(
            f">>>  [Device Install (Hardware initiated) - USBSTOR\\Disk&Ven_V{i % 200}&Prod_P&Rev_1\\SER{i % 200:012d}&0]\n"
            f">>>  Section start 2026/01/03 10:01:05.123\n"
            + "     ndv: filler line for realistic size\n"
            * 40
            for i in range(20000)
        ),
    )
    visits = [
        (f"https://site{i % 500}.example.vn/page/{i}", t("2026-02-10T10:00:00+07:00")) for i in range(100000)
    ]
    chromium_db(root / "Users/canbo/AppData/Local/Google/Chrome/User Data/Default/History", visits)


def main() -> int:
    live = timed("Kiểm tra Linux trực tiếp (máy này, '/')")
    with tempfile.TemporaryDirectory() as tmp:
        linux_root, windows_root = Path(tmp) / "linux", Path(tmp) / "windows"
        big_linux(linux_root, 500_000)
        size = sum(p.stat().st_size for p in linux_root.rglob("*") if p.is_file()) / 1e6
        linux = timed(f"Linux --root tổng hợp ({size:.0f} MB, 500 000 dòng nhật ký)", root=linux_root)
        big_windows(windows_root)
        size = sum(p.stat().st_size for p in windows_root.rglob("*") if p.is_file()) / 1e6
        windows = timed(f"Ảnh Windows ngoại tuyến tổng hợp ({size:.0f} MB)", windows_image=windows_root)
    print(
        f"Mục tiêu: Linux trực tiếp ≤ 30 s ({'đạt' if live <= 30 else 'KHÔNG đạt'}), "
        f"ảnh Windows ≤ 60 s ({'đạt' if windows <= 60 else 'KHÔNG đạt'}); Linux tổng hợp {linux:.2f} s"
    )
    return 0 if live <= 30 and windows <= 60 else 1


if __name__ == "__main__":
    raise SystemExit(main())
