"""site crawls: what the crawl saw, kept per site

Revision ID: 0003_leads
Revises: 0002_leads
Create Date: 2026-12-03 17:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003_leads'
down_revision: Union[str, Sequence[str], None] = '0002_leads'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('site_crawls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site', sa.String(length=253), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('crawled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('pages', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_crawls')),
    sa.UniqueConstraint('site', name=op.f('uq_site_crawls_site'))
    )


def downgrade() -> None:
    op.drop_table('site_crawls')
