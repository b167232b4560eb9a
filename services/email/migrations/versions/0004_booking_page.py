"""a campaign's booking page (personal {{ booking_url }} per lead)

Revision ID: 0004_email_booking_page
Revises: 0003_email
Create Date: 2026-12-04 18:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004_email_booking_page'
down_revision: Union[str, Sequence[str], None] = '0003_email'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('email_campaigns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('booking_page_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('email_campaigns', schema=None) as batch_op:
        batch_op.drop_column('booking_page_id')
