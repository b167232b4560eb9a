"""templates: the salutation's register (formal unless the sender chooses informal)

Revision ID: 0006_email_register
Revises: 0005_email_reply_drafts
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_email_register"
down_revision = "0005_email_reply_drafts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("email_templates") as batch:
        batch.add_column(sa.Column("register", sa.String(12), nullable=False, server_default="formal"))


def downgrade() -> None:
    with op.batch_alter_table("email_templates") as batch:
        batch.drop_column("register")
