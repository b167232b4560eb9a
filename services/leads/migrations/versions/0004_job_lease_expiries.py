"""jobs: count lease expiries apart from attempts

Revision ID: 0004_leads
Revises: 0003_leads
"""
from alembic import op

from services.kit.jobs import add_lease_expiries

revision = "0004_leads"
down_revision = "0003_leads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_lease_expiries("leads_jobs")


def downgrade() -> None:
    with op.batch_alter_table("leads_jobs") as batch:
        batch.drop_column("lease_expiries")
