"""messages and reply drafts: the References chain of a reply in a thread (RFC 5322 §3.6.4)

Revision ID: 0007_email_references
Revises: 0006_email_register
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_email_references"
down_revision = "0006_email_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("email_messages", "email_reply_drafts"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("references", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in ("email_reply_drafts", "email_messages"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("references")
