"""Pricing rules and profiles, price alerts and sales sheets."""

import sqlalchemy as sa

from seed_pipeline.schema.types import Timestamp, created, enum, foreign, refers_to, serial, table, updated


pricing_defaults = table(
    'pricing_defaults',
    serial(),
    sa.Column('product_category', sa.String(100), nullable=False),
    sa.Column('default_margin_percent', sa.Numeric(5, 2), nullable=False),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('product_category'),
    sa.Index('idx_product_category', 'product_category'),
)


pricing_profiles = table(
    'pricing_profiles',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('rules', sa.JSON(), nullable=False),
    foreign('created_by', 'users'),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
)


pricing_rules = table(
    'pricing_rules',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('adjustment_type', enum('pricing_rules', 'adjustment_type', 'PERCENT_MARKUP', 'PERCENT_MARKDOWN', 'DOLLAR_MARKUP', 'DOLLAR_MARKDOWN'), nullable=False),
    sa.Column('adjustment_value', sa.Numeric(10, 2), nullable=False),
    sa.Column('conditions', sa.JSON(), nullable=False),
    sa.Column('logic_type', enum('pricing_rules', 'logic_type', 'AND', 'OR'), server_default=sa.text("'AND'")),
    sa.Column('priority', sa.Integer(), server_default=sa.text('0')),
    sa.Column('is_active', sa.Boolean(), server_default=sa.true()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Index('idx_priority', 'priority'),
)


client_price_alerts = table(
    'client_price_alerts',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('target_price', sa.Numeric(10, 2), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('triggered_at', Timestamp()),
    created('created_at'),
    sa.Column('expires_at', Timestamp(), nullable=False),
    sa.Index('idx_client_price_alerts_client_id', 'client_id'),
    sa.Index('idx_client_price_alerts_batch_id', 'batch_id'),
    sa.Index('idx_client_price_alerts_active', 'active'),
)


sales_sheet_templates = table(
    'sales_sheet_templates',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    foreign('client_id', 'clients', ondelete='CASCADE'),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('selected_items', sa.JSON(), nullable=False),
    sa.Column('column_visibility', sa.JSON(), nullable=False),
    foreign('created_by', 'users', nullable=False),
    created('created_at', nullable=True),
    sa.Column('last_used_at', Timestamp()),
    sa.Column('expiration_date', Timestamp()),
    sa.Column('is_active', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('current_version', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_created_by', 'created_by'),
)


salesSheetVersions = table(
    'salesSheetVersions',
    serial(),
    foreign('templateId', 'sales_sheet_templates', ondelete='CASCADE', nullable=False),
    sa.Column('versionNumber', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('selected_items', sa.JSON(), nullable=False),
    sa.Column('column_visibility', sa.JSON(), nullable=False),
    sa.Column('changes', sa.Text()),
    foreign('createdBy', 'users', nullable=False),
    created('createdAt'),
    sa.Index('idx_sales_sheet_versions_template', 'templateId', 'versionNumber'),
)


sales_sheet_history = table(
    'sales_sheet_history',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    foreign('created_by', 'users', nullable=False),
    foreign('template_id', 'sales_sheet_templates', ondelete='SET NULL'),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('total_value', sa.Numeric(15, 2), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text()),
    created('created_at', nullable=True),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_created_by', 'created_by'),
    sa.Index('idx_created_at', 'created_at'),
)
