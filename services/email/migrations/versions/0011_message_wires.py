"""messages: the wire form moves to a table of its own (SQLite rewrote it with every status change of the row)

Revision ID: 0011_email_message_wires
Revises: 0010_email_message_wire
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_email_message_wires"
down_revision = "0010_email_message_wire"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_message_wires",
        sa.Column("message_id", sa.String(250), sa.ForeignKey("email_messages.message_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("wire", sa.LargeBinary(), nullable=False),
        sa.Column("wire_key", sa.String(32), nullable=False),
    )
    op.execute("""
        INSERT INTO email_message_wires (message_id, wire, wire_key)
        SELECT message_id, wire, wire_key FROM email_messages
        WHERE wire IS NOT NULL AND wire_key IS NOT NULL AND message_id IS NOT NULL AND status IN ('queued', 'sending')""")
    with op.batch_alter_table("email_messages") as batch:
        batch.drop_column("wire_key")
        batch.drop_column("wire")


def downgrade() -> None:
    with op.batch_alter_table("email_messages") as batch:
        batch.add_column(sa.Column("wire", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("wire_key", sa.String(32), nullable=True))
    op.drop_table("email_message_wires")
