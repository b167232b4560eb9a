"""messages: the wire form built at rendering (without its Date) and what it was built from

Revision ID: 0010_email_message_wire
Revises: 0009_email_step_variants
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_email_message_wire"
down_revision = "0009_email_step_variants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("email_messages") as batch:
        batch.add_column(sa.Column("wire", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("wire_key", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("email_messages") as batch:
        batch.drop_column("wire_key")
        batch.drop_column("wire")
