"""users: the sender profile (name, role, company, one-line offer, calendar link, signature)

Revision ID: 0002_users
Revises: 0001_users
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_users"
down_revision = "0001_users"
branch_labels = None
depends_on = None

COLUMNS = (("sender_name", 120), ("sender_role", 120), ("sender_company", 200), ("sender_offer", 300),
           ("sender_calendar_url", 500), ("sender_signature", 1000))


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for name, _length in COLUMNS:
            batch.drop_column(name)
