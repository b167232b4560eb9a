"""An attacker for tests/kit/test_server.py, run as its own process so it never shares the measuring loop.

    python -m tests.kit.slow_clients PORT [--slow 1000] [--slow-from 127.0.0.2] [--big 4] [--big-from 127.0.0.3]

``--slow`` connections send a request line, then one header line every 2 s, and reconnect at that
rhythm whenever the server closes them; ``--big`` senders send 64 MiB request heads one after
another. Prints ``ready`` once the slow connections are open; on SIGTERM prints what it saw as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import socket
from collections import Counter

BIG = 64 * 1024 * 1024
CHUNK = b"a" * (1024 * 1024)
seen: Counter[str] = Counter()


async def slow_client(port: int, source: str, opened: asyncio.Event, counter: list[int], total: int) -> None:
    first = True
    while True:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
        except OSError:
            seen["connect_failed"] += 1
            await asyncio.sleep(2)
            continue
        seen["slow_opened"] += 1
        if first:
            first = False
            counter[0] += 1
            if counter[0] == total:
                opened.set()
        try:
            writer.write(b"GET /auth/jwks HTTP/1.1\r\nhost: victim\r\n")
            while True:
                try:
                    answer = await asyncio.wait_for(reader.read(200), 2)
                except TimeoutError:
                    writer.write(b"x-slow: still here\r\n")
                    continue
                status = answer[9:12].decode("latin-1") if answer.startswith(b"HTTP/1.1 ") else "closed"
                seen[f"slow_{status}"] += 1
                break
        except OSError:
            seen["slow_reset"] += 1
        finally:
            writer.close()
        await asyncio.sleep(2)


async def big_sender(port: int, source: str) -> None:
    loop = asyncio.get_running_loop()
    while True:
        sock = socket.socket()
        sock.setblocking(False)
        try:
            sock.bind((source, 0))
            await loop.sock_connect(sock, ("127.0.0.1", port))
            await loop.sock_sendall(sock, b"GET /auth/jwks HTTP/1.1\r\nhost: victim\r\nx-big: ")
            with contextlib.suppress(OSError):
                for _ in range(BIG // len(CHUNK)):
                    await loop.sock_sendall(sock, CHUNK)
            try:
                answer = await asyncio.wait_for(loop.sock_recv(sock, 200), 5)
            except (OSError, TimeoutError):
                answer = b""
            seen[f"big_{answer[9:12].decode('latin-1') or 'no answer'}"] += 1
        except OSError:
            seen["big_connect_failed"] += 1
        finally:
            sock.close()
        await asyncio.sleep(0.05)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--slow", type=int, default=1000)
    ap.add_argument("--slow-from", default="127.0.0.2")
    ap.add_argument("--big", type=int, default=4)
    ap.add_argument("--big-from", default="127.0.0.3")
    args = ap.parse_args()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    opened = asyncio.Event()
    counter = [0]
    tasks = [asyncio.create_task(slow_client(args.port, args.slow_from, opened, counter, args.slow))
             for _ in range(args.slow)]
    if args.slow:
        await opened.wait()
    tasks += [asyncio.create_task(big_sender(args.port, args.big_from)) for _ in range(args.big)]
    print("ready", flush=True)
    await stop.wait()
    for task in tasks:
        task.cancel()
    print(json.dumps(dict(seen)), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
