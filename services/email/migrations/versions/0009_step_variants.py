"""campaign steps: A/B variants; messages: the variant they were rendered from

Revision ID: 0009_email_step_variants
Revises: 0008_email_mailbox_connections
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_email_step_variants"
down_revision = "0008_email_mailbox_connections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("email_campaign_steps") as batch:
        batch.add_column(sa.Column("variants", sa.JSON(), nullable=True))
    with op.batch_alter_table("email_messages") as batch:
        batch.add_column(sa.Column("variant", sa.String(1), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("email_messages") as batch:
        batch.drop_column("variant")
    with op.batch_alter_table("email_campaign_steps") as batch:
        batch.drop_column("variants")
