"""Clients and the CRM record kept about them."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata, refers_to


clients = sa.Table(
    'clients',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
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
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('updated_at', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('teri_code', name='clients_teri_code_unique'),
    sa.Index('idx_teri_code', 'teri_code'),
    sa.Index('idx_total_owed', 'total_owed'),
)


client_activity = sa.Table(
    'client_activity',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='client_activity_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', name='client_activity_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('activity_type', enum('client_activity', 'activity_type', 'CREATED', 'UPDATED', 'TRANSACTION_ADDED', 'PAYMENT_RECORDED', 'NOTE_ADDED', 'TAG_ADDED', 'TAG_REMOVED'), nullable=False),
    sa.Column('metadata', sa.JSON()),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Index('idx_client_id', 'client_id'),
)


client_communications = sa.Table(
    'client_communications',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='client_communications_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('communicationType', enum('client_communications', 'communicationType', 'CALL', 'EMAIL', 'MEETING', 'NOTE'), nullable=False),
    sa.Column('subject', sa.String(255), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('communicated_at', Timestamp(), nullable=False),
    sa.Column('logged_by', sa.Integer(), sa.ForeignKey('users.id', name='client_communications_logged_by_users_id_fk'), nullable=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_communicated_at', 'communicated_at'),
    sa.Index('idx_type', 'communicationType'),
)


client_meeting_history = sa.Table(
    'client_meeting_history',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), nullable=False, info=refers_to('clients')),
    sa.Column('calendar_event_id', sa.Integer(), sa.ForeignKey('calendar_events.id', name='client_meeting_history_calendar_event_id_calendar_events_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('meeting_date', Timestamp(), nullable=False),
    sa.Column('meeting_type', sa.String(100), nullable=False),
    sa.Column('attendees', sa.JSON()),
    sa.Column('outcome', sa.String(50), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('action_items', sa.JSON()),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_meeting_history_client', 'client_id'),
    sa.Index('idx_meeting_history_event', 'calendar_event_id'),
    sa.Index('idx_meeting_history_date', 'meeting_date'),
)


client_notes = sa.Table(
    'client_notes',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='client_notes_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('note_id', sa.Integer(), sa.ForeignKey('freeform_notes.id', name='client_notes_note_id_freeform_notes_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.UniqueConstraint('client_id', 'note_id', name='unique_client_note'),
)


client_transactions = sa.Table(
    'client_transactions',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='client_transactions_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('transaction_type', enum('client_transactions', 'transaction_type', 'INVOICE', 'PAYMENT', 'QUOTE', 'ORDER', 'REFUND', 'CREDIT'), nullable=False),
    sa.Column('transaction_number', sa.String(100)),
    sa.Column('transaction_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.Numeric(15, 2), nullable=False),
    sa.Column('payment_status', enum('client_transactions', 'payment_status', 'PAID', 'PENDING', 'OVERDUE', 'PARTIAL'), server_default=sa.text("'PENDING'")),
    sa.Column('payment_date', sa.Date()),
    sa.Column('payment_amount', sa.Numeric(15, 2)),
    sa.Column('notes', sa.Text()),
    sa.Column('metadata', sa.JSON()),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('updated_at', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_transaction_date', 'transaction_date'),
    sa.Index('idx_payment_status', 'payment_status'),
)
