"""What a browser downloads for the SPA: the sign-in route against the whole bundle, plain against brotli.

Reads the build (frontend/dist, made by `npm run build`; its .vite/manifest.json says which chunks
each route needs) and fetches the files through the real gateway in-process, once asking for no
encoding and once as a browser does (``gzip, deflate, br, zstd``), counting the bytes of the answers.

* login route JS: the entry chunk and its static imports, plus the sign-in page's chunk and its static
  imports: what /login runs before it can draw. Goal: < 100 kB gzip.
* booking route JS: the same for the public booking page (/book/<token>), which a lead opens from an
  e-mail: the entry plus the booking chunk, without the session, the query cache or the CRM's layout.
* all JS: every chunk of the build (what the app once shipped as one bundle on every first visit).
* on the wire: index.html, the login route's JS and the CSS, plain vs as served to a browser.

    .venv/bin/python bench/spa.py [--dist frontend/dist]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from bench._common import ROOT

LOGIN_PAGE = "src/features/auth/components/LoginPage.tsx"
BOOKING_PAGE = "src/features/booking/components/BookingRoutes.tsx"
BROWSER = "gzip, deflate, br, zstd"


def chunks_for(manifest: dict[str, dict], key: str, seen: set[str] | None = None) -> set[str]:
    """``key``'s chunk and every chunk it imports statically (what must load before it runs)."""
    seen = set() if seen is None else seen
    if key in seen:
        return seen
    seen.add(key)
    for dep in manifest[key].get("imports", []):
        chunks_for(manifest, dep, seen)
    return seen


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


async def wire_bytes(dist: Path, paths: list[str], accept_encoding: str) -> tuple[int, dict[str, int]]:
    """Bytes of the answers the gateway gives for ``paths``, and how many came in each encoding."""
    from gateway.main import create_app
    from gateway.settings import GatewaySettings
    from tests.asgi import lifespan

    with tempfile.TemporaryDirectory() as data:
        gateway = create_app(GatewaySettings(static_dir=dist, data_dir=Path(data)), local_apps={})
        total, encodings = 0, {}
        async with lifespan(gateway), httpx.AsyncClient(transport=httpx.ASGITransport(app=gateway),
                                                        base_url="http://spa") as client:
            for path in paths:
                async with client.stream("GET", path, headers={"accept-encoding": accept_encoding}) as resp:
                    resp.raise_for_status()
                    body = b"".join([chunk async for chunk in resp.aiter_raw()])
                total += len(body)
                encoding = resp.headers.get("content-encoding", "identity")
                encodings[encoding] = encodings.get(encoding, 0) + 1
        return total, encodings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", type=Path, default=ROOT / "frontend" / "dist")
    args = ap.parse_args()
    manifest_path = args.dist / ".vite" / "manifest.json"
    if not manifest_path.exists():
        sys.exit(f"{manifest_path} is missing: run `npm run build` in frontend/ first")
    manifest: dict[str, dict] = json.loads(manifest_path.read_text())
    entry = next(key for key, chunk in manifest.items() if chunk.get("isEntry"))
    login = chunks_for(manifest, entry) | chunks_for(manifest, LOGIN_PAGE)
    login_js = sorted(manifest[key]["file"] for key in login)
    all_js = sorted({chunk["file"] for chunk in manifest.values() if chunk["file"].endswith(".js")})
    css = sorted({f for key in login for f in manifest[key].get("css", [])})

    def size(files: list[str], measure=len) -> float:  # type: ignore[no-untyped-def]
        return sum(measure((args.dist / f).read_bytes()) for f in files) / 1000

    login_gz, all_gz = size(login_js, gzip_size), size(all_js, gzip_size)
    print(f"chunks: {len(all_js)} JS files; the login route needs {len(login_js)}")
    print(f"login_route_js_kb: {size(login_js):.1f}")
    print(f"login_route_js_gzip_kb: {login_gz:.1f}  (goal < 100)")
    print(f"all_js_kb: {size(all_js):.1f}")
    print(f"all_js_gzip_kb: {all_gz:.1f}")
    print(f"login_route_share_of_all_js_gzip: {login_gz / all_gz:.2f}")
    booking = chunks_for(manifest, entry) | chunks_for(manifest, BOOKING_PAGE)
    booking_js = sorted(manifest[key]["file"] for key in booking)
    own = sorted(manifest[key]["file"] for key in chunks_for(manifest, BOOKING_PAGE) - chunks_for(manifest, entry))
    booking_gz = size(booking_js, gzip_size)
    print(f"booking_route_js_kb: {size(booking_js):.1f}  ({len(booking_js)} files)")
    print(f"booking_route_js_gzip_kb: {booking_gz:.1f}  (goal < 100)")
    print(f"booking_chunks_beyond_entry_gzip_kb: {size(own, gzip_size):.1f}  ({', '.join(own)})")
    print(f"booking_route_share_of_all_js_gzip: {booking_gz / all_gz:.2f}")

    paths = ["/login", *(f"/{f}" for f in login_js + css)]
    plain, _ = asyncio.run(wire_bytes(args.dist, paths, "identity"))
    served, encodings = asyncio.run(wire_bytes(args.dist, paths, BROWSER))
    print(f"login_route_wire_plain_kb: {plain / 1000:.1f}  (index.html, JS, CSS without Accept-Encoding)")
    print(f"login_route_wire_browser_kb: {served / 1000:.1f}  (Accept-Encoding: {BROWSER}; "
          + ", ".join(f"{n} {e}" for e, n in sorted(encodings.items())) + ")")
    print(f"wire_ratio_browser_vs_plain: {served / plain:.2f}")
    booking_css = sorted({f for key in booking for f in manifest[key].get("css", [])})
    paths = ["/book/x", *(f"/{f}" for f in booking_js + booking_css)]
    served, _ = asyncio.run(wire_bytes(args.dist, paths, BROWSER))
    print(f"booking_route_wire_browser_kb: {served / 1000:.1f}  (index.html, JS, CSS as served to a browser)")


if __name__ == "__main__":
    main()
