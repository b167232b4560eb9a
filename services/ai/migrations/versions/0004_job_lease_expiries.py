"""jobs: count lease expiries apart from attempts

Revision ID: 0004_ai
Revises: 0003_ai
"""
from alembic import op

from services.kit.jobs import add_lease_expiries

revision = "0004_ai"
down_revision = "0003_ai"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_lease_expiries("ai_jobs")


def downgrade() -> None:
    with op.batch_alter_table("ai_jobs") as batch:
        batch.drop_column("lease_expiries")
