"""The clients' VIP portal: logins and what each client sees."""

import sqlalchemy as sa

from seed_pipeline.schema.types import Timestamp, created, foreign, serial, table, updated


vip_portal_auth = table(
    'vip_portal_auth',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('email', sa.String(320), nullable=False),
    sa.Column('password_hash', sa.String(255)),
    sa.Column('google_id', sa.String(255)),
    sa.Column('microsoft_id', sa.String(255)),
    sa.Column('session_token', sa.String(255)),
    sa.Column('session_expires_at', Timestamp()),
    sa.Column('reset_token', sa.String(255)),
    sa.Column('reset_token_expires_at', Timestamp()),
    sa.Column('last_login_at', Timestamp()),
    sa.Column('login_count', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('client_id'),
    sa.UniqueConstraint('email'),
    sa.Index('idx_vip_portal_email', 'email'),
    sa.Index('idx_vip_portal_session_token', 'session_token'),
)


vip_portal_configurations = table(
    'vip_portal_configurations',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('module_dashboard_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_live_catalog_enabled', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('module_ar_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_ap_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_transaction_history_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_vip_tier_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_credit_center_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_marketplace_needs_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('module_marketplace_supply_enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('features_config', sa.JSON()),
    sa.Column('advanced_options', sa.JSON()),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('client_id'),
    sa.Index('idx_vip_portal_client_id', 'client_id'),
)
