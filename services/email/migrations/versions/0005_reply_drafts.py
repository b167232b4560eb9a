"""reply drafts: the answer to an interested reply offering free slots

Revision ID: 0005_email_reply_drafts
Revises: 0004_email_booking_page
Create Date: 2026-12-04 18:10:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005_email_reply_drafts'
down_revision: Union[str, Sequence[str], None] = '0004_email_booking_page'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('email_reply_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=True),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('answered_id', sa.Integer(), nullable=True),
    sa.Column('mailbox_id', sa.Integer(), nullable=True),
    sa.Column('to_email', sa.String(length=320), nullable=False),
    sa.Column('to_name', sa.String(length=200), nullable=True),
    sa.Column('subject', sa.String(length=1000), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('in_reply_to', sa.String(length=250), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('page_url', sa.String(length=2000), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('sent_message_id', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['answered_id'], ['email_messages.id'], name=op.f('fk_email_reply_drafts_answered_id_email_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['campaign_id'], ['email_campaigns.id'], name=op.f('fk_email_reply_drafts_campaign_id_email_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mailbox_id'], ['email_mailboxes.id'], name=op.f('fk_email_reply_drafts_mailbox_id_email_mailboxes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_reply_drafts')),
    sa.UniqueConstraint('key', name=op.f('uq_email_reply_drafts_key'))
    )
    with op.batch_alter_table('email_reply_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_email_reply_drafts_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_email_reply_drafts_contact_id'), ['contact_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('email_reply_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_reply_drafts_contact_id'))
        batch_op.drop_index(batch_op.f('ix_email_reply_drafts_campaign_id'))
    op.drop_table('email_reply_drafts')
