"""The hardened HTTP server (services/kit/server.py) over real sockets, as `outbound serve` runs it.

Before it, one unauthenticated connection could stall the process: a 64 MiB header cost 7 s of the
event loop, a header line every 2 s or a body stalled half-way kept a connection forever, and
3,000 idle connections stayed open.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.e2e.procs import ROOT, outbound_process, wait_healthy

HEADER_TIMEOUT = 5
BODY_IDLE_TIMEOUT = 3
MAX_CONNECTIONS = 600
PER_CLIENT = 100
REQUEST = b"GET /auth/jwks HTTP/1.1\r\nhost: server\r\n\r\n"


@dataclass
class Server:
    port: int
    pid: int

    def rss_kib(self, field: str = "VmRSS") -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise AssertionError(f"no {field} for {self.pid}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`outbound serve users` with short timeouts and small caps, so the tests need not wait long."""
    tmp = tmp_path_factory.mktemp("server")
    port = free_port()
    env = {"OUTBOUND_DATA_DIR": str(tmp), "OUTBOUND_WORKERS": "0", "OUTBOUND_LOG_LEVEL": "WARNING",
           "OUTBOUND_SERVER_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
           "OUTBOUND_SERVER_BODY_IDLE_TIMEOUT": str(BODY_IDLE_TIMEOUT),
           "OUTBOUND_SERVER_MAX_CONNECTIONS": str(MAX_CONNECTIONS),
           "OUTBOUND_SERVER_MAX_CONNECTIONS_PER_CLIENT": str(PER_CLIENT)}
    log = tmp / "serve.log"
    with outbound_process(["serve", "users", "--port", str(port)], env, log) as proc:
        wait_healthy(f"http://127.0.0.1:{port}/auth/healthz", proc, log)
        yield Server(port, proc.pid)
        assert proc.poll() is None, log.read_text()[-3000:]


def _status(answer: bytes) -> int | None:
    return int(answer[9:12]) if answer.startswith(b"HTTP/1.1 ") else None


def _read_until_closed(sock: socket.socket, limit: float) -> bytes:
    """Everything the server sends until it closes (a reset counts as closed); fails after ``limit`` s."""
    sock.settimeout(limit)
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


def _content_length(head: bytes) -> int:
    return next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))


def _read_response(sock: socket.socket) -> int | None:
    """One whole response (head and Content-Length body) from a kept-alive connection; its status."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = _content_length(head)
    while len(body) < length:
        body += sock.recv(65536)
    return _status(head)


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int | None:
    writer.write(REQUEST)
    head = await reader.readuntil(b"\r\n\r\n")
    length = _content_length(head)
    await reader.readexactly(length)
    return _status(head)


# --- one connection at a time ----------------------------------------------------------------------
def test_an_oversized_head_is_refused_with_431_and_memory_stays_flat(server: Server) -> None:
    before, peak_before = server.rss_kib(), server.rss_kib("VmHWM")
    for _ in range(8):
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            sock.sendall(b"GET /auth/jwks HTTP/1.1\r\nhost: server\r\nx-big: ")
            sent = 0
            with contextlib.suppress(OSError):
                for _ in range(64):  # 64 MiB, unless the server cuts us off first
                    sock.sendall(b"a" * (1 << 20))
                    sent += 1 << 20
            answer = _read_until_closed(sock, 10)
            assert _status(answer) == 431, answer[:200]
            assert b"application/problem+json" in answer
            # Refused after the first 64 KiB, not after reading everything: most of it never left here.
            assert sent < 32 << 20, sent
    # Unfixed, eight of these took the process from ~100 MiB to 669 MiB.
    grown, peak_grown = server.rss_kib() - before, server.rss_kib("VmHWM") - peak_before
    assert grown < 16 * 1024 and peak_grown < 16 * 1024, (grown, peak_grown)
    # A normal request on a fresh connection is unaffected.
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(REQUEST)
        assert _status(sock.recv(200)) == 200


def test_a_head_just_under_the_cap_is_served(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        filler = b"x-fill: " + b"b" * 60_000 + b"\r\n"
        sock.sendall(b"GET /auth/jwks HTTP/1.1\r\nhost: server\r\n" + filler + b"\r\n")
        assert _status(sock.recv(200)) == 200


def test_a_slow_head_is_closed_after_the_header_timeout(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"GET /auth/jwks HTTP/1.1\r\nhost: server\r\n")
        lines = 0
        sock.settimeout(2)
        answer = b""
        for _ in range(HEADER_TIMEOUT * 5):  # a header line every 2 s, for up to five times the timeout
            try:
                answer = sock.recv(65536)
                break
            except TimeoutError:
                sock.sendall(b"x-slow: 1\r\n")
                lines += 1
        assert _status(answer) == 408, answer[:200]
        assert lines <= HEADER_TIMEOUT, lines  # closed at the timeout, whatever kept trickling in
        assert _read_until_closed(sock, 5) == b""


def test_an_idle_connection_is_closed_without_an_answer(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        assert _read_until_closed(sock, HEADER_TIMEOUT * 5) == b""


def test_a_stalled_body_is_closed(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        # 20 of 1,000 bytes, then nothing.
        sock.sendall(b"POST /auth/login HTTP/1.1\r\nhost: server\r\ncontent-type: application/json\r\n"
                     b"content-length: 1000\r\n\r\n" + b'{"email": "a@example.')
        answer = _read_until_closed(sock, BODY_IDLE_TIMEOUT * 5)
        assert _status(answer) == 408, answer[:200]


def test_a_slow_but_steady_body_and_keep_alive_still_work(server: Server) -> None:
    """The timers bite on stalls, not on clients that keep sending or on reused connections."""
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        body = json.dumps({"email": "nobody@example.com", "password": "not the password"}).encode()
        sock.sendall(b"POST /auth/login HTTP/1.1\r\nhost: server\r\ncontent-type: application/json\r\n"
                     b"content-length: " + str(len(body)).encode() + b"\r\n\r\n")
        for i in range(0, len(body), 8):
            time.sleep(BODY_IDLE_TIMEOUT / 4)  # in all well past the idle timeout, but never idle that long
            sock.sendall(body[i:i + 8])
        sock.settimeout(10)
        assert _read_response(sock) == 401
        for _ in range(3):
            sock.sendall(REQUEST)
            assert _read_response(sock) == 200


# --- many connections ------------------------------------------------------------------------------
async def test_thousands_of_idle_connections_are_refused_or_closed(server: Server) -> None:
    """3,000 connections that never send a byte: each is refused by a cap at once or closed at the timeout."""
    sources = [f"127.0.1.{i}" for i in range(1, 31)]

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bytes:
        try:
            # Fails the test (TimeoutError) if the server leaves the connection open.
            return await asyncio.wait_for(reader.read(65536), HEADER_TIMEOUT * 10)
        except ConnectionResetError:
            return b""
        finally:
            writer.close()

    connections = []
    for batch in range(0, 3000, 250):  # bursts below the listen backlog; all are open before any is read
        connections += await asyncio.gather(*(
            asyncio.open_connection("127.0.0.1", server.port, local_addr=(sources[i % len(sources)], 0))
            for i in range(batch, batch + 250)))
    results = await asyncio.gather(*(answer(r, w) for r, w in connections))
    refused = sum(1 for r in results if _status(r) == 503)
    closed = sum(1 for r in results if r == b"")
    assert refused + closed == 3000, [r[:100] for r in results if r and _status(r) != 503][:3]
    assert refused >= 1 and closed >= 1, (refused, closed)
    # Once they are gone, a normal client is served.
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    assert await _get(reader, writer) == 200
    writer.close()


async def test_the_total_connection_cap(server: Server) -> None:
    held = []
    for i in range(MAX_CONNECTIONS):
        held.append(await asyncio.open_connection("127.0.0.1", server.port,
                                                  local_addr=(f"127.0.2.{i // PER_CLIENT + 1}", 0)))
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.3.1", 0))
    answer = await reader.read(65536)
    assert _status(answer) == 503 and b"connection limit" in answer, answer[:300]
    writer.close()
    for _reader, w in held:
        w.close()


async def test_one_address_cannot_take_every_connection(server: Server) -> None:
    held = []
    for _ in range(PER_CLIENT):
        held.append(await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.0.5", 0)))
    reader, _writer = await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.0.5", 0))
    assert _status(await reader.read(200)) == 503
    # Another address is still served meanwhile.
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.0.6", 0))
    assert await _get(reader, writer) == 200
    for _reader, w in held:
        w.close()
    writer.close()


async def _latencies(port: int, seconds: float) -> list[float]:
    """Latency of each sequential request on one kept-alive connection for ``seconds``."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(out) < 50:  # a stalled server still yields a p99
        t0 = time.perf_counter()
        assert await _get(reader, writer) == 200
        out.append(time.perf_counter() - t0)
    writer.close()
    return out


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


async def test_a_normal_clients_p99_holds_while_an_attacker_holds_1000_slow_connections(server: Server) -> None:
    """The measured case of issue 8: p99 under attack within 2x of the baseline measured here, now.

    The machine is shared, so one noisy round may miss; up to three rounds are run and one must hold.
    Unfixed, a single 64 MiB head stalled every request for seconds: no round comes near 2x then.
    """
    rounds = []
    with _attacker_on_its_own_core(server.pid) as attacker_cpus:
        for _ in range(3):
            if await _one_attack_round(server, attacker_cpus, rounds) <= 2.0:
                return
    raise AssertionError(f"p99 under attack above 2x baseline in every round (before, attack, after, ratio): "
                         f"{rounds}")


@contextlib.contextmanager
def _attacker_on_its_own_core(server_pid: int) -> Iterator[set[int] | None]:
    """Pin the attacker to one core and the server and this client to the others, for the test's duration.

    In production the attacker's own CPU is on another machine; here it shares two cores with the server
    and the client, and its busy loop alone (not the server's handling of it) tripled a 1 ms p99 in CI.
    What the test measures is the server's work under attack, so that is what shares the client's cores.
    """
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cpus) < 2:
        yield None
        return
    rest = set(cpus[:-1])
    # Affinity is per thread on Linux: every thread of the server, and this (the event loop's) thread.
    threads = [0, *(int(tid) for tid in os.listdir(f"/proc/{server_pid}/task"))]
    before = {tid: os.sched_getaffinity(tid) for tid in threads}
    for tid in threads:
        os.sched_setaffinity(tid, rest)
    try:
        yield {cpus[-1]}
    finally:
        for tid, cpu_set in before.items():
            with contextlib.suppress(ProcessLookupError):
                os.sched_setaffinity(tid, cpu_set)


async def _one_attack_round(server: Server, attacker_cpus: set[int] | None,
                            rounds: list[tuple[float, float, float, float]]) -> float:
    baseline_before = _p99(await _latencies(server.port, 3))
    attacker = subprocess.Popen([sys.executable, "-m", "tests.kit.slow_clients", str(server.port),
                                 "--slow", "1000", "--big", "4"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
    if attacker_cpus:  # before it reads "ready" it has opened nothing; its threads inherit this
        os.sched_setaffinity(attacker.pid, attacker_cpus)
    try:
        assert attacker.stdout is not None
        assert attacker.stdout.readline().strip() == "ready"
        # Long enough for held slow connections to be cut at the header timeout and come back.
        under_attack = _p99(await _latencies(server.port, HEADER_TIMEOUT * 2))
    finally:
        attacker.terminate()
        out, _ = attacker.communicate(timeout=30)
    seen = json.loads(out.strip().splitlines()[-1])
    # The attack really happened: oversized heads were refused, slow connections were capped and cut.
    assert seen.get("big_431", 0) >= 4, seen
    assert seen.get("slow_503", 0) >= 1000 - PER_CLIENT, seen
    assert seen.get("slow_408", 0) >= 1, seen
    baseline_after = _p99(await _latencies(server.port, 3))
    ratio = under_attack / max(baseline_before, baseline_after)
    rounds.append((round(baseline_before * 1000, 2), round(under_attack * 1000, 2),
                   round(baseline_after * 1000, 2), round(ratio, 2)))
    print(f"p99 ms before {rounds[-1][0]}, under attack {rounds[-1][1]}, after {rounds[-1][2]}: "
          f"ratio {rounds[-1][3]}")
    return ratio
