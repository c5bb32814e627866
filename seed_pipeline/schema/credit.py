"""Client credit: limits, signals, credits and the transaction register they apply to."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, created, enum, foreign, serial, table, updated


credit_system_settings = table(
    'credit_system_settings',
    serial(),
    sa.Column('revenue_momentum_weight', sa.Integer(), nullable=False, server_default=sa.text('20')),
    sa.Column('cash_collection_weight', sa.Integer(), nullable=False, server_default=sa.text('25')),
    sa.Column('profitability_weight', sa.Integer(), nullable=False, server_default=sa.text('20')),
    sa.Column('debt_aging_weight', sa.Integer(), nullable=False, server_default=sa.text('15')),
    sa.Column('repayment_velocity_weight', sa.Integer(), nullable=False, server_default=sa.text('10')),
    sa.Column('tenure_weight', sa.Integer(), nullable=False, server_default=sa.text('10')),
    sa.Column('learning_mode_threshold', sa.Integer(), nullable=False, server_default=sa.text('3')),
    sa.Column('min_invoices_for_activation', sa.Integer(), nullable=False, server_default=sa.text('15')),
    sa.Column('directional_sensitivity', sa.Numeric(5, 4), nullable=False, server_default=sa.text("'0.1'")),
    sa.Column('revenue_multiplier', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'2'")),
    sa.Column('margin_multiplier', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'2.5'")),
    sa.Column('global_min_limit', sa.Numeric(15, 2), nullable=False, server_default=sa.text("'1000'")),
    sa.Column('global_max_limit', sa.Numeric(15, 2), nullable=False, server_default=sa.text("'1000000'")),
    foreign('updated_by', 'users'),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
)


client_credit_limits = table(
    'client_credit_limits',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('credit_limit', sa.Numeric(15, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('current_exposure', sa.Numeric(15, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('utilization_percent', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('credit_health_score', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('base_capacity', sa.Numeric(15, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('risk_modifier', sa.Numeric(5, 4), nullable=False, server_default=sa.text("'1'")),
    sa.Column('directional_factor', sa.Numeric(5, 4), nullable=False, server_default=sa.text("'1'")),
    sa.Column('mode', enum('client_credit_limits', 'mode', 'LEARNING', 'ACTIVE'), nullable=False, server_default=sa.text("'LEARNING'")),
    sa.Column('confidence_score', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('data_readiness', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('trend', enum('client_credit_limits', 'trend', 'IMPROVING', 'STABLE', 'WORSENING'), nullable=False, server_default=sa.text("'STABLE'")),
    sa.Column('last_calculated', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.UniqueConstraint('client_id'),
    sa.Index('idx_client_id', 'client_id'),
)


credit_signal_history = table(
    'credit_signal_history',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('revenue_momentum', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('cash_collection_strength', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('profitability_quality', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('debt_aging_risk', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('repayment_velocity', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('tenure_depth', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0'")),
    sa.Column('revenue_momentum_trend', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('cash_collection_trend', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('profitability_trend', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('debt_aging_trend', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('repayment_velocity_trend', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('calculation_metadata', sa.JSON()),
    sa.Column('calculated_at', Timestamp(), server_default=NOW),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_calculated_at', 'calculated_at'),
)


credit_audit_log = table(
    'credit_audit_log',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('event_type', enum('credit_audit_log', 'event_type', 'LIMIT_CALCULATED', 'LIMIT_INCREASED', 'LIMIT_DECREASED', 'MODE_CHANGED', 'MANUAL_OVERRIDE', 'EXPOSURE_EXCEEDED'), nullable=False),
    sa.Column('old_value', sa.Numeric(15, 2)),
    sa.Column('new_value', sa.Numeric(15, 2)),
    sa.Column('change_percent', sa.Numeric(5, 2)),
    sa.Column('reason', sa.Text()),
    sa.Column('metadata', sa.JSON()),
    foreign('triggered_by', 'users'),
    created('created_at', nullable=True),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_created_at', 'created_at'),
)


transactions = table(
    'transactions',
    serial(),
    sa.Column('transactionNumber', sa.String(50), nullable=False),
    sa.Column('transactionType', enum('transactions', 'transactionType', 'INVOICE', 'PAYMENT', 'REFUND', 'CREDIT', 'QUOTE', 'ORDER', 'SALE'), nullable=False),
    foreign('clientId', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('transactionDate', Timestamp(), nullable=False),
    sa.Column('amount', sa.String(20), nullable=False),
    sa.Column('transactionStatus', enum('transactions', 'transactionStatus', 'DRAFT', 'PENDING', 'CONFIRMED', 'COMPLETED', 'PARTIAL', 'PAID', 'OVERDUE', 'VOID', 'WRITTEN_OFF'), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('metadata', sa.Text()),
    foreign('createdBy', 'users', nullable=False),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('transactionNumber'),
    sa.Index('idx_transactions_client_id', 'clientId'),
    sa.Index('idx_transactions_type', 'transactionType'),
    sa.Index('idx_transactions_date', 'transactionDate'),
    sa.Index('idx_transactions_status', 'transactionStatus'),
)


transactionLinks = table(
    'transactionLinks',
    serial(),
    foreign('parentTransactionId', 'transactions', ondelete='CASCADE', nullable=False),
    foreign('childTransactionId', 'transactions', ondelete='CASCADE', nullable=False),
    sa.Column('transactionLinkType', enum('transactionLinks', 'transactionLinkType', 'REFUND_OF', 'PAYMENT_FOR', 'CREDIT_APPLIED_TO', 'CONVERTED_FROM', 'PARTIAL_OF', 'RELATED_TO'), nullable=False),
    sa.Column('linkAmount', sa.String(20)),
    sa.Column('notes', sa.Text()),
    foreign('createdBy', 'users', nullable=False),
    created('createdAt'),
    sa.Index('idx_transaction_links_parent', 'parentTransactionId'),
    sa.Index('idx_transaction_links_child', 'childTransactionId'),
    sa.Index('idx_transaction_links_type', 'transactionLinkType'),
)


credits = table(
    'credits',
    serial(),
    sa.Column('creditNumber', sa.String(50), nullable=False),
    foreign('clientId', 'clients', ondelete='CASCADE', nullable=False),
    foreign('transactionId', 'transactions'),
    sa.Column('creditAmount', sa.String(20), nullable=False),
    sa.Column('amountUsed', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('amountRemaining', sa.String(20), nullable=False),
    sa.Column('creditReason', sa.String(100)),
    sa.Column('expirationDate', Timestamp()),
    sa.Column('creditStatus', enum('credits', 'creditStatus', 'ACTIVE', 'PARTIALLY_USED', 'FULLY_USED', 'EXPIRED', 'VOID'), nullable=False, server_default=sa.text("'ACTIVE'")),
    sa.Column('notes', sa.Text()),
    foreign('createdBy', 'users', nullable=False),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('creditNumber'),
    sa.Index('idx_credits_client_id', 'clientId'),
    sa.Index('idx_credits_status', 'creditStatus'),
    sa.Index('idx_credits_expiration', 'expirationDate'),
)


creditApplications = table(
    'creditApplications',
    serial(),
    foreign('creditId', 'credits', ondelete='CASCADE', nullable=False),
    foreign('invoiceId', 'transactions', ondelete='CASCADE', nullable=False),
    sa.Column('amountApplied', sa.String(20), nullable=False),
    sa.Column('appliedDate', Timestamp(), nullable=False),
    sa.Column('notes', sa.Text()),
    foreign('appliedBy', 'users', nullable=False),
    created('createdAt'),
    sa.Index('idx_credit_applications_credit', 'creditId'),
    sa.Index('idx_credit_applications_invoice', 'invoiceId'),
)
