"""Client addresses behind proxies: only trusted hops may speak for the client."""

from __future__ import annotations

from services.kit.proxies import client_address, is_trusted

TRUSTED = ("127.0.0.1", "::1", "10.0.0.0/8")


def test_untrusted_peer_cannot_claim_another_address() -> None:
    assert client_address("203.0.113.9", "1.2.3.4", TRUSTED) == "203.0.113.9"


def test_trusted_proxy_hands_over_the_nearest_untrusted_hop() -> None:
    # The client put 6.6.6.6 in front itself; the proxy appended the real address.
    assert client_address("127.0.0.1", "6.6.6.6, 198.51.100.7", TRUSTED) == "198.51.100.7"
    assert client_address("10.1.2.3", "198.51.100.7, 10.9.9.9", TRUSTED) == "198.51.100.7"


def test_cidr_and_garbage() -> None:
    assert is_trusted("10.200.0.1", TRUSTED)
    assert not is_trusted("11.0.0.1", TRUSTED)
    assert not is_trusted("not-an-ip", TRUSTED)
    assert client_address("127.0.0.1", None, TRUSTED) == "127.0.0.1"
