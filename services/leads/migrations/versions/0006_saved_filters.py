"""saved contact filters (a list view to return to, a campaign's audience)

Revision ID: 0006_leads
Revises: 0005_leads
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_leads"
down_revision = "0005_leads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filters")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_filters_name")),
    )


def downgrade() -> None:
    op.drop_table("saved_filters")
