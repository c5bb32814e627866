"""Clients and the CRM record kept about them."""

import sqlalchemy as sa

from seed_pipeline.schema.types import Timestamp, created, enum, foreign, refers_to, serial, table, updated


clients = table(
    'clients',
    serial(),
    sa.Column('teri_code', sa.String(50), nullable=False),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('email', sa.String(255)),
    sa.Column('phone', sa.String(50)),
    sa.Column('address', sa.Text()),
    sa.Column('is_buyer', sa.Boolean(), server_default=sa.false()),
    sa.Column('is_seller', sa.Boolean(), server_default=sa.false()),
    sa.Column('is_brand', sa.Boolean(), server_default=sa.false()),
    sa.Column('is_referee', sa.Boolean(), server_default=sa.false()),
    sa.Column('is_contractor', sa.Boolean(), server_default=sa.false()),
    sa.Column('tags', sa.JSON()),
    sa.Column('pricing_profile_id', sa.Integer(), info=refers_to('pricing_profiles')),
    sa.Column('custom_pricing_rules', sa.JSON()),
    sa.Column('cogsAdjustmentType', enum('clients', 'cogsAdjustmentType', 'NONE', 'PERCENTAGE', 'FIXED_AMOUNT'), server_default=sa.text("'NONE'")),
    sa.Column('cogs_adjustment_value', sa.Numeric(10, 4), server_default=sa.text("'0'")),
    sa.Column('auto_defer_consignment', sa.Boolean(), server_default=sa.false()),
    sa.Column('total_spent', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('total_profit', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('avg_profit_margin', sa.Numeric(5, 2), server_default=sa.text("'0'")),
    sa.Column('total_owed', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('oldest_debt_days', sa.Integer(), server_default=sa.text('0')),
    sa.Column('vip_portal_enabled', sa.Boolean(), server_default=sa.false()),
    sa.Column('vip_portal_last_login', Timestamp()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.UniqueConstraint('teri_code'),
    sa.Index('idx_teri_code', 'teri_code'),
    sa.Index('idx_total_owed', 'total_owed'),
)


client_activity = table(
    'client_activity',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('activity_type', enum('client_activity', 'activity_type', 'CREATED', 'UPDATED', 'TRANSACTION_ADDED', 'PAYMENT_RECORDED', 'NOTE_ADDED', 'TAG_ADDED', 'TAG_REMOVED'), nullable=False),
    sa.Column('metadata', sa.JSON()),
    created('created_at', nullable=True),
    sa.Index('idx_client_id', 'client_id'),
)


client_communications = table(
    'client_communications',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('communicationType', enum('client_communications', 'communicationType', 'CALL', 'EMAIL', 'MEETING', 'NOTE'), nullable=False),
    sa.Column('subject', sa.String(255), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('communicated_at', Timestamp(), nullable=False),
    foreign('logged_by', 'users', nullable=False),
    created('created_at'),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_communicated_at', 'communicated_at'),
    sa.Index('idx_type', 'communicationType'),
)


client_meeting_history = table(
    'client_meeting_history',
    serial(),
    sa.Column('client_id', sa.Integer(), nullable=False, info=refers_to('clients')),
    foreign('calendar_event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('meeting_date', Timestamp(), nullable=False),
    sa.Column('meeting_type', sa.String(100), nullable=False),
    sa.Column('attendees', sa.JSON()),
    sa.Column('outcome', sa.String(50), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('action_items', sa.JSON()),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_meeting_history_client', 'client_id'),
    sa.Index('idx_meeting_history_event', 'calendar_event_id'),
    sa.Index('idx_meeting_history_date', 'meeting_date'),
)


client_notes = table(
    'client_notes',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    foreign('note_id', 'freeform_notes', ondelete='CASCADE', nullable=False),
    created('created_at', nullable=True),
    sa.UniqueConstraint('client_id', 'note_id', name='unique_client_note'),
)


client_transactions = table(
    'client_transactions',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('transaction_type', enum('client_transactions', 'transaction_type', 'INVOICE', 'PAYMENT', 'QUOTE', 'ORDER', 'REFUND', 'CREDIT'), nullable=False),
    sa.Column('transaction_number', sa.String(100)),
    sa.Column('transaction_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(15, 2), nullable=False),
    sa.Column('payment_status', enum('client_transactions', 'payment_status', 'PAID', 'PENDING', 'OVERDUE', 'PARTIAL'), server_default=sa.text("'PENDING'")),
    sa.Column('payment_date', sa.Date()),
    sa.Column('payment_amount', sa.Numeric(15, 2)),
    sa.Column('notes', sa.Text()),
    sa.Column('metadata', sa.JSON()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_transaction_date', 'transaction_date'),
    sa.Index('idx_payment_status', 'payment_status'),
)
