"""jobs table

Revision ID: 0001_email
Revises:
"""
from alembic import op

from services.kit.jobs import jobs_table_columns

revision = "0001_email"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("email_jobs", *jobs_table_columns())


def downgrade() -> None:
    op.drop_table("email_jobs")
