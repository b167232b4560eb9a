"""The users service's demo rows: the shared demo account visitors enter as, a few colleagues, and the
sender profiles every draft is signed with.

No password opens these accounts: the demo account is entered through ``POST /auth/demo``, and the
colleagues are there to be seen (hosts of booking pages, authors of notes). Their password hash is
of a random secret nobody kept, so it is a valid argon2id hash that never matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from services.users.models import User

from .world import World

# argon2id of 32 random bytes that were thrown away: verifies as a normal hash, matches no password.
LOCKED_PASSWORD_HASH = ("$argon2id$v=19$m=65536,t=3,p=4$h2YoHkk696XNTZBPB9B3Ag"  # noqa: S105 (locks, opens nothing)
                        "$HwpII1y9CcglnGxiTEERke64UXEN+wFPYkRZVQhqt8U")
SELLER = "Nordlicht Software GmbH"
SELLER_DOMAIN = "nordlicht.demo.outbound.invalid"
OFFER = "Terminbuchung und Auftragsverwaltung für Handwerk und Mittelstand"


@dataclass(frozen=True)
class DemoUser:
    id: int
    email: str
    name: str
    role: str
    sender_role: str


def demo_users(demo_account_email: str) -> list[DemoUser]:
    """The demo account first (id 1): visitors act as Lena Vogel, who wrote the notes and runs the campaigns."""
    return [
        DemoUser(1, demo_account_email, "Lena Vogel (Demo)", "demo", "Vertriebsleiterin"),
        DemoUser(2, f"jonas.brandt@{SELLER_DOMAIN}", "Jonas Brandt", "sales", "Account Executive"),
        DemoUser(3, f"aylin.demir@{SELLER_DOMAIN}", "Aylin Demir", "sales", "Sales Development"),
        DemoUser(4, f"markus.weber@{SELLER_DOMAIN}", "Markus Weber", "admin", "Geschäftsführer"),
    ]


def users_rows(world: World, demo_account_email: str,
               booking_url: str | None) -> list[tuple[type[Any], list[dict[str, Any]]]]:
    """``booking_url``: the demo account's booking page (its sender profile offers it in every draft)."""
    rows = []
    for u in demo_users(demo_account_email):
        display = u.name.removesuffix(" (Demo)")
        joined = world.now - timedelta(days=120 - u.id * 3)
        rows.append({
            "id": u.id, "email": u.email, "name": u.name, "role": u.role, "password_hash": LOCKED_PASSWORD_HASH,
            "is_active": True, "created_at": joined, "updated_at": joined, "last_login_at": None,
            "sender_name": display, "sender_role": u.sender_role, "sender_company": SELLER, "sender_offer": OFFER,
            "sender_calendar_url": booking_url if u.id == 1 else None,
            "sender_signature": f"{display}\n{u.sender_role} · {SELLER}\nHafenstraße 12, 20457 Hamburg"})
    return [(User, rows)]
