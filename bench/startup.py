"""Time from `outbound up` to a healthy /healthz, and resident memory of the whole stack.

Baseline in the same run: a bare Python interpreter importing nothing (process start cost) and
`outbound --help` (import of the CLI), so the figure says what our own start-up adds.

    .venv/bin/python bench/startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import OUTBOUND, ROOT, free_port, outbound, rss_kib, wait_http


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    bare, cli, first, warm, rss = [], [], [], [], []
    for _ in range(args.runs):
        bare.append(timed([sys.executable, "-c", "pass"]))
        cli.append(timed([*OUTBOUND, "--help"]))
        with tempfile.TemporaryDirectory() as data:
            for bucket in (first, warm):  # a fresh data dir (migrations run), then the same one again
                port = free_port()
                env = {"OUTBOUND_DATA_DIR": data, "OUTBOUND_ADMIN_EMAIL": "a@example.com",
                       "OUTBOUND_ADMIN_PASSWORD": "bench password 123", "OUTBOUND_LOG_LEVEL": "WARNING"}
                t0 = time.perf_counter()
                with outbound(["up", "--port", str(port)], env) as proc:
                    wait_http(f"http://127.0.0.1:{port}/healthz", timeout=60)
                    bucket.append(time.perf_counter() - t0)
                    time.sleep(0.5)
                    rss.append(rss_kib(proc.pid))
    print(f"runs: {args.runs}")
    print(f"python_start_s: {statistics.median(bare):.2f}")
    print(f"cli_import_s: {statistics.median(cli):.2f}")
    print(f"up_to_healthy_first_start_s: {statistics.median(first):.2f}  (fresh data dir: migrations + keys + admin)")
    print(f"up_to_healthy_restart_s: {statistics.median(warm):.2f}")
    print(f"ratio_restart_vs_cli_import: {statistics.median(warm) / statistics.median(cli):.1f}")
    print(f"stack_rss_mib: {statistics.median(rss) / 1024:.0f}")


if __name__ == "__main__":
    main()
