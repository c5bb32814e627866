"""Pricing rules and profiles, price alerts and sales sheets."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata, refers_to


pricing_defaults = sa.Table(
    'pricing_defaults',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('product_category', sa.String(100), nullable=False),
    sa.Column('default_margin_percent', sa.Numeric(5, 2), nullable=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('product_category', name='pricing_defaults_product_category_unique'),
    sa.Index('idx_product_category', 'product_category'),
)


pricing_profiles = sa.Table(
    'pricing_profiles',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='pricing_profiles_created_by_users_id_fk')),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('updated_at', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
)


pricing_rules = sa.Table(
    'pricing_rules',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('adjustment_type', enum('pricing_rules', 'adjustment_type', 'PERCENT_MARKUP', 'PERCENT_MARKDOWN', 'DOLLAR_MARKUP', 'DOLLAR_MARKDOWN'), nullable=False),
    sa.Column('adjustment_value', sa.Numeric(10, 2), nullable=False),
    sa.Column('conditions', sa.JSON(), nullable=False),
    sa.Column('logic_type', enum('pricing_rules', 'logic_type', 'AND', 'OR'), server_default=sa.text("'AND'")),
    sa.Column('priority', sa.Integer(), server_default=sa.text('0')),
    sa.Column('is_active', sa.Boolean(), server_default=sa.true()),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('updated_at', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_priority', 'priority'),
)


client_price_alerts = sa.Table(
    'client_price_alerts',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='client_price_alerts_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('target_price', sa.Numeric(10, 2), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('triggered_at', Timestamp()),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('expires_at', Timestamp(), nullable=False),
    sa.Index('idx_client_price_alerts_client_id', 'client_id'),
    sa.Index('idx_client_price_alerts_batch_id', 'batch_id'),
    sa.Index('idx_client_price_alerts_active', 'active'),
)


sales_sheet_templates = sa.Table(
    'sales_sheet_templates',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='sales_sheet_templates_client_id_clients_id_fk', ondelete='CASCADE')),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('selected_items', sa.JSON(), nullable=False),
    sa.Column('column_visibility', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='sales_sheet_templates_created_by_users_id_fk'), nullable=False),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('last_used_at', Timestamp()),
    sa.Column('expiration_date', Timestamp()),
    sa.Column('is_active', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('current_version', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_created_by', 'created_by'),
)


salesSheetVersions = sa.Table(
    'salesSheetVersions',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('templateId', sa.Integer(), sa.ForeignKey('sales_sheet_templates.id', name='salesSheetVersions_templateId_sales_sheet_templates_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('versionNumber', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('selected_items', sa.JSON(), nullable=False),
    sa.Column('column_visibility', sa.JSON(), nullable=False),
    sa.Column('changes', sa.Text()),
    sa.Column('createdBy', sa.Integer(), sa.ForeignKey('users.id', name='salesSheetVersions_createdBy_users_id_fk'), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_sales_sheet_versions_template', 'templateId', 'versionNumber'),
)


sales_sheet_history = sa.Table(
    'sales_sheet_history',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('client_id', sa.Integer(), sa.ForeignKey('clients.id', name='sales_sheet_history_client_id_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='sales_sheet_history_created_by_users_id_fk'), nullable=False),
    sa.Column('template_id', sa.Integer(), sa.ForeignKey('sales_sheet_templates.id', name='sales_sheet_history_template_id_sales_sheet_templates_id_fk', ondelete='SET NULL')),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('total_value', sa.Numeric(15, 2), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_created_by', 'created_by'),
    sa.Index('idx_created_at', 'created_at'),
)
