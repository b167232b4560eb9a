"""contacts: form of address (herr | frau | unknown) for the greeting

Revision ID: 0005_leads
Revises: 0004_leads
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_leads"
down_revision = "0004_leads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("form_of_address", sa.String(length=8), nullable=False,
                                   server_default="unknown"))


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("form_of_address")
