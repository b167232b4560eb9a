"""GET /auth/me on the users service directly vs through the gateway, in the distributed topology.

Both run as separate processes (`outbound serve users`, `outbound serve gateway`) with the same
token; runs alternate direct/gateway so drift on a noisy machine hits both sides alike. Prints
throughput and p99 latency for each side and their ratios. Goal: gateway >= 0.5x direct throughput.

Also counts the TCP connections the gateway opens to the users service, per 1,000 requests it
forwards (from /proc/net/tcp: every socket to the service's port, TIME_WAIT included, that appeared
during the gateway's runs). Goal: no more than the upstream pool holds (100), however many requests.

Load comes from wrk when it is installed (apt-get install wrk), else from a small asyncio client.

    .venv/bin/python bench/gateway.py [--rounds 3] [--seconds 5] [--connections 16]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import free_port, outbound, wait_http

ADMIN = ("bench@example.com", "bench password 123")


def login(base: str) -> str:
    req = urllib.request.Request(f"{base}/auth/login", method="POST",
                                 data=json.dumps({"email": ADMIN[0], "password": ADMIN[1]}).encode(),
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        return str(json.load(resp)["access_token"])


def sockets_to(port: int) -> set[int]:
    """Local ports of every TCP socket on this machine, in any state, whose remote end is ``port``."""
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                local, remote = line.split()[1:3]
                if int(remote.rsplit(":", 1)[1], 16) == port:
                    ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def run_wrk(url: str, token: str, seconds: int, connections: int) -> tuple[float, float]:
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-H",
                          f"Authorization: Bearer {token}", url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    assert m, out
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} failed responses\n{out}")
    return rps, p99


async def _asyncio_load(host: str, port: int, path: str, token: str, seconds: float,
                        connections: int) -> tuple[float, float]:
    request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n\r\n").encode()
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def one() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
            await reader.readexactly(length)
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(head.decode())
            latencies.append((time.perf_counter() - t0) * 1000)
        writer.close()

    await asyncio.gather(*(one() for _ in range(connections)))
    return len(latencies) / seconds, statistics.quantiles(latencies, n=100)[98]


def run_load(url: str, token: str, seconds: int, connections: int) -> tuple[float, float]:
    if shutil.which("wrk"):
        return run_wrk(url, token, seconds, connections)
    m = re.match(r"http://([^:/]+):(\d+)(/.*)", url)
    assert m
    return asyncio.run(_asyncio_load(m.group(1), int(m.group(2)), m.group(3), token, seconds, connections))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=16)
    args = ap.parse_args()
    users_port, gw_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as data:
        env = {"OUTBOUND_DATA_DIR": data, "OUTBOUND_ADMIN_EMAIL": ADMIN[0], "OUTBOUND_ADMIN_PASSWORD": ADMIN[1],
               "OUTBOUND_USERS_URL": f"http://127.0.0.1:{users_port}", "OUTBOUND_RATE_LIMIT_IP": "0",
               "OUTBOUND_RATE_LIMIT_USER": "0", "OUTBOUND_LOG_LEVEL": "WARNING", "OUTBOUND_WORKERS": "0"}
        with outbound(["serve", "users", "--port", str(users_port)], env), \
                outbound(["serve", "gateway", "--port", str(gw_port)], env):
            # Generous: on a loaded shared machine a first start (migrations, keys) can take half a minute.
            wait_http(f"http://127.0.0.1:{users_port}/auth/healthz", timeout=120)
            wait_http(f"http://127.0.0.1:{gw_port}/api/auth/healthz", timeout=120)
            token = login(f"http://127.0.0.1:{users_port}")
            direct = f"http://127.0.0.1:{users_port}/auth/me"
            via = f"http://127.0.0.1:{gw_port}/api/auth/me"
            run_load(direct, token, 1, args.connections)  # warm both paths (token caches, pools)
            before = sockets_to(users_port)
            warm_rps, _ = run_load(via, token, 1, args.connections)
            # The warm-up counts too: the pool fills there, and those are connections opened all the same.
            upstream_connections, forwarded = len(sockets_to(users_port) - before), int(warm_rps)
            results: dict[str, list[tuple[float, float]]] = {"direct": [], "gateway": []}
            for _ in range(args.rounds):
                results["direct"].append(run_load(direct, token, args.seconds, args.connections))
                before = sockets_to(users_port)
                results["gateway"].append(run_load(via, token, args.seconds, args.connections))
                upstream_connections += len(sockets_to(users_port) - before)
                forwarded += int(results["gateway"][-1][0] * args.seconds)
    med = {k: (statistics.median(r for r, _ in v), statistics.median(p for _, p in v)) for k, v in results.items()}
    print(f"loadgen: {'wrk' if shutil.which('wrk') else 'asyncio'}, {args.connections} connections, "
          f"{args.rounds}x{args.seconds}s alternating")
    print(f"direct_rps: {med['direct'][0]:.0f}")
    print(f"gateway_rps: {med['gateway'][0]:.0f}")
    print(f"direct_p99_ms: {med['direct'][1]:.2f}")
    print(f"gateway_p99_ms: {med['gateway'][1]:.2f}")
    print(f"throughput_ratio: {med['gateway'][0] / med['direct'][0]:.2f}  (goal >= 0.50)")
    print(f"p99_ratio: {med['gateway'][1] / med['direct'][1]:.2f}")
    print(f"gateway_requests_forwarded: {forwarded}")
    print(f"upstream_connections_opened: {upstream_connections}")
    print(f"upstream_connections_per_1000_requests: {upstream_connections * 1000 / max(forwarded, 1):.1f}  "
          f"(goal <= 100, the pool size)")


if __name__ == "__main__":
    main()
