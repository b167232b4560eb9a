"""jobs: count lease expiries apart from attempts

Revision ID: 0002_calendar_jobs_v2
Revises: 0001_calendar
"""
from alembic import op

from services.kit.jobs import add_lease_expiries

revision = "0002_calendar_jobs_v2"
down_revision = "0001_calendar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_lease_expiries("calendar_jobs")


def downgrade() -> None:
    with op.batch_alter_table("calendar_jobs") as batch:
        batch.drop_column("lease_expiries")
