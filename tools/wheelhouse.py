"""Build an offline wheelhouse for installing bmnn on air-gapped PCs (Windows and Linux).

    python tools/wheelhouse.py --out wheelhouse [--platform linux|windows|all] [--extras encrypted,postgres]

Makes ``OUT/<platform>/`` with the bmnn wheel and every dependency as a binary wheel for CPython
3.11 on that platform, SHA256SUMS, and CAI-DAT.txt (install steps in Vietnamese). pip evaluates
environment markers against the machine it runs on, not the target, so dependencies that only apply
on Windows (colorama; tzdata, which Windows lacks as a system time-zone database) are added
explicitly — the usual reason an offline Windows install fails.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = {
    "linux": ["manylinux2014_x86_64", "manylinux_2_28_x86_64", "manylinux_2_17_x86_64"],
    "windows": ["win_amd64"],
}
# Pure-Python dependencies published only as source archives: built once into a py3-none-any wheel
# here, so the target PC never needs a compiler or the index.
SOURCE_ONLY = ["hexdump"]
ALWAYS = {"linux": ["tzdata"], "windows": ["tzdata", "colorama"]}
INSTRUCTIONS = {
    "windows": """CÀI ĐẶT bmnn TRÊN MÁY KHÔNG NỐI MẠNG (Windows 64-bit)
1. Cài Python 3.11 (64-bit) từ bộ cài đã chép kèm; chọn "Add python.exe to PATH".
2. Chép cả thư mục này vào máy, ví dụ D:\\bmnn-cai-dat.
3. Mở cửa sổ lệnh (cmd) và chạy:
     py -3.11 -m venv C:\\bmnn\\venv
     C:\\bmnn\\venv\\Scripts\\pip install --no-index --find-links D:\\bmnn-cai-dat "bmnn[{extras}]"
     C:\\bmnn\\venv\\Scripts\\bmnn init --encrypt
     C:\\bmnn\\venv\\Scripts\\bmnn serve
4. Mở trình duyệt tại http://127.0.0.1:8000/.
Kiểm tra tính nguyên vẹn trước khi cài: certutil -hashfile TÊN_TỆP SHA256, so với SHA256SUMS.
""",
    "linux": """CÀI ĐẶT bmnn TRÊN MÁY KHÔNG NỐI MẠNG (Linux x86-64)
1. Cần Python 3.11 trở lên (python3, python3-venv).
2. Chép thư mục này vào máy, ví dụ /opt/bmnn-cai-dat, rồi chạy:
     sha256sum -c SHA256SUMS
     python3 -m venv /opt/bmnn/venv
     /opt/bmnn/venv/bin/pip install --no-index --find-links /opt/bmnn-cai-dat "bmnn[{extras}]"
     /opt/bmnn/venv/bin/bmnn init --encrypt
     /opt/bmnn/venv/bin/bmnn serve
3. Mở trình duyệt tại http://127.0.0.1:8000/.
""",
}


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project["optional-dependencies"][extra]
    # Markers are evaluated on the building machine, so drop them and add per-platform needs below.
    return [re.split(r"\s*;", r, maxsplit=1)[0] for r in reqs if "sys_platform == 'win32'" not in r]


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def build(platform: str, out: Path, extras: list[str], python_version: str) -> Path:
    target = out / platform
    target.mkdir(parents=True, exist_ok=True)
    pip("wheel", "--no-deps", "--quiet", "-w", str(target), str(ROOT), *SOURCE_ONLY)
    platform_args = [arg for tag in PLATFORMS[platform] for arg in ("--platform", tag)]
    pip(
        "download", "--quiet", "--only-binary=:all:", "--implementation", "cp",
        "--python-version", python_version, *platform_args, "-d", str(target), "--find-links", str(target),
        *requirements(extras), *ALWAYS[platform],
    )  # fmt: skip
    sums = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in sorted(target.glob("*.whl"))]
    (target / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    (target / "CAI-DAT.txt").write_text(
        INSTRUCTIONS[platform].format(extras=",".join(extras)), encoding="utf-8"
    )
    print(f"{platform}: {len(sums)} wheels in {target}", file=sys.stderr)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheelhouse")
    parser.add_argument("--platform", choices=["linux", "windows", "all"], default="all")
    parser.add_argument("--extras", default="encrypted,postgres")
    parser.add_argument("--python-version", default="3.11")
    args = parser.parse_args(argv)
    extras = [e for e in args.extras.split(",") if e]
    for platform in ["linux", "windows"] if args.platform == "all" else [args.platform]:
        build(platform, args.out, extras, args.python_version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
