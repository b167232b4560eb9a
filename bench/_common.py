"""Helpers the benchmarks share: free ports, starting `outbound` processes, waiting for health."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTBOUND = [sys.executable, "-m", "services.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 30.0, expect: int = 200) -> float:
    """Seconds until ``url`` answered ``expect``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == expect:
                    return time.perf_counter() - start
        except Exception:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} not healthy after {timeout}s")


@contextlib.contextmanager
def outbound(args: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    full_env = {**os.environ, **env}
    proc = subprocess.Popen([*OUTBOUND, *args], cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (0.0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children, in KiB."""
    total = 0
    pids = [pid]
    with contextlib.suppress(Exception):
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
        pids += [int(p) for p in out.split()]
    for p in pids:
        with contextlib.suppress(Exception):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total
