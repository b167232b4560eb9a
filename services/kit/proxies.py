"""Who the client really is behind proxies: X-Forwarded-For is believed only from trusted hops."""

from __future__ import annotations

import ipaddress
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=64)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(t, strict=False) for t in trusted)


def is_trusted(address: str | None, trusted: tuple[str, ...]) -> bool:
    """``trusted`` holds addresses or CIDR ranges (``127.0.0.1``, ``172.28.0.0/16``)."""
    if not address or not trusted:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in _networks(trusted))


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[str, ...]) -> str | None:
    """The nearest hop that is not a trusted proxy: a client cannot forge its way past our own proxies."""
    if not is_trusted(peer, trusted) or not forwarded_for:
        return peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",")]):
        if hop and not is_trusted(hop, trusted):
            return hop[:64]
    return peer
