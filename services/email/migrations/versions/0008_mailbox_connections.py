"""mailboxes: how many SMTP connections the sender may open at once

Revision ID: 0008_email_mailbox_connections
Revises: 0007_email_references
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_email_mailbox_connections"
down_revision = "0007_email_references"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("email_mailboxes") as batch:
        batch.add_column(sa.Column("max_connections", sa.Integer(), nullable=False, server_default="4"))


def downgrade() -> None:
    with op.batch_alter_table("email_mailboxes") as batch:
        batch.drop_column("max_connections")
