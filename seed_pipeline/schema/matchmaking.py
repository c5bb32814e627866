"""Client needs matched against vendor supply and inventory; interest lists."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, Timestamp, created, enum, foreign, refers_to, serial, table, updated


client_needs = table(
    'client_needs',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('strain', sa.String(255)),
    sa.Column('product_name', sa.String(255)),
    foreign('strainId', 'strains', ondelete='SET NULL'),
    sa.Column('strain_type', enum('client_needs', 'strain_type', 'INDICA', 'SATIVA', 'HYBRID', 'CBD', 'ANY')),
    sa.Column('category', sa.String(100)),
    sa.Column('subcategory', sa.String(100)),
    sa.Column('grade', sa.String(50)),
    sa.Column('quantity_min', sa.Numeric(15, 4)),
    sa.Column('quantity_max', sa.Numeric(15, 4)),
    sa.Column('price_max', sa.Numeric(15, 2)),
    sa.Column('status', enum('client_needs', 'status', 'ACTIVE', 'FULFILLED', 'EXPIRED', 'CANCELLED'), nullable=False, server_default=sa.text("'ACTIVE'")),
    sa.Column('priority', enum('client_needs', 'priority', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'), nullable=False, server_default=sa.text("'MEDIUM'")),
    sa.Column('needed_by', sa.Date()),
    sa.Column('expires_at', Timestamp()),
    sa.Column('fulfilled_at', Timestamp()),
    sa.Column('notes', sa.Text()),
    sa.Column('internal_notes', sa.Text()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    foreign('created_by', 'users', ondelete='RESTRICT', nullable=False),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_strain', 'strain'),
    sa.Index('idx_product_name_cn', 'product_name'),
    sa.Index('idx_category', 'category'),
    sa.Index('idx_priority', 'priority'),
)


match_records = table(
    'match_records',
    serial(),
    foreign('client_need_id', 'client_needs', ondelete='SET NULL'),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    foreign('inventory_batch_id', 'batches', ondelete='SET NULL'),
    foreign('vendor_supply_id', 'vendor_supply', ondelete='SET NULL'),
    foreign('historical_order_id', 'orders', ondelete='SET NULL'),
    sa.Column('match_type', enum('match_records', 'match_type', 'EXACT', 'CLOSE', 'HISTORICAL'), nullable=False),
    sa.Column('confidence_score', sa.Numeric(5, 2), nullable=False),
    sa.Column('match_reasons', sa.JSON(), nullable=False),
    sa.Column('user_action', enum('match_records', 'user_action', 'CREATED_QUOTE', 'CONTACTED_VENDOR', 'DISMISSED', 'NONE')),
    sa.Column('actioned_at', Timestamp()),
    foreign('actioned_by', 'users', ondelete='SET NULL'),
    sa.Column('resulted_in_sale', sa.Boolean(), server_default=sa.false()),
    foreign('sale_order_id', 'orders', ondelete='SET NULL'),
    created('created_at', nullable=True),
    sa.Index('idx_client_need_id', 'client_need_id'),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_match_type', 'match_type'),
    sa.Index('idx_user_action', 'user_action'),
)


client_interest_lists = table(
    'client_interest_lists',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('submitted_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('status', sa.String(20), nullable=False, server_default=sa.text("'NEW'")),
    sa.Column('total_items', sa.Integer(), nullable=False),
    sa.Column('total_value', sa.Numeric(10, 2), nullable=False),
    sa.Column('reviewed_at', Timestamp()),
    sa.Column('reviewed_by', sa.Integer(), info=refers_to('users')),
    sa.Column('converted_to_order_id', sa.Integer(), info=refers_to('orders')),
    sa.Column('converted_at', Timestamp()),
    sa.Column('converted_by', sa.Integer(), info=refers_to('users')),
    sa.Column('notes', sa.Text()),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_client_interest_lists_client_id', 'client_id'),
    sa.Index('idx_client_interest_lists_status', 'status'),
)


client_interest_list_items = table(
    'client_interest_list_items',
    serial(),
    foreign('interest_list_id', 'client_interest_lists', ondelete='CASCADE', fk_name='client_interest_list_items_interest_list_id_client_9ab93016_fk', nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('item_name', sa.String(255), nullable=False),
    sa.Column('category', sa.String(100)),
    sa.Column('subcategory', sa.String(100)),
    sa.Column('price_at_interest', sa.Numeric(10, 2), nullable=False),
    sa.Column('quantity_at_interest', sa.Numeric(10, 2)),
    created('created_at'),
    sa.Index('idx_interest_list_items_list_id', 'interest_list_id'),
    sa.Index('idx_interest_list_items_batch_id', 'batch_id'),
)


client_draft_interests = table(
    'client_draft_interests',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('added_at', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('client_id', 'batch_id', name='idx_client_draft_unique'),
    sa.Index('idx_client_draft_interests_client_id', 'client_id'),
    sa.Index('idx_client_draft_interests_batch_id', 'batch_id'),
)


client_catalog_views = table(
    'client_catalog_views',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_client_catalog_views_client_id', 'client_id'),
)
