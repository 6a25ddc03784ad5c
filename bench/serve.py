"""`bmnn serve` cold start time (process start → first HTTP 200 on /accounts/login/) and RSS.

Goal (issue #2): ≤ 3 s and ≤ 200 MB. Usage: python bench/serve.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import BMNN, env_for, free_port, run  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    env = env_for(Path(tempfile.mkdtemp(prefix="bmnn-serve-")) / "data")
    env.pop("DATABASE_URL", None)
    assert run(["init", "--no-input"], env).returncode == 0
    assert run(["demo"], env).returncode == 0
    times, rss = [], []
    for _ in range(3):
        port = free_port()
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*BMNN, "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
        times.append(time.perf_counter() - start)
        for _ in range(20):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5).read()
        rss.append(rss_mb(proc.pid))
        proc.terminate()
        proc.wait()
    print(f"cold start to first 200: min {min(times):.2f} s, max {max(times):.2f} s (goal ≤ 3 s)")
    print(f"RSS after 20 requests: max {max(rss):.0f} MB (goal ≤ 200 MB)")


if __name__ == "__main__":
    main()
