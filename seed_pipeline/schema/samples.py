"""Sample requests, allocations and the sample stock log."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata


sampleRequests = sa.Table(
    'sampleRequests',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('clientId', sa.Integer(), sa.ForeignKey('clients.id', name='sampleRequests_clientId_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('requestedBy', sa.Integer(), sa.ForeignKey('users.id', name='sampleRequests_requestedBy_users_id_fk'), nullable=False),
    sa.Column('requestDate', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('products', sa.JSON(), nullable=False),
    sa.Column('sampleRequestStatus', enum('sampleRequests', 'sampleRequestStatus', 'PENDING', 'FULFILLED', 'CANCELLED'), nullable=False, server_default=sa.text("'PENDING'")),
    sa.Column('fulfilledDate', Timestamp()),
    sa.Column('fulfilledBy', sa.Integer(), sa.ForeignKey('users.id', name='sampleRequests_fulfilledBy_users_id_fk')),
    sa.Column('cancelledDate', Timestamp()),
    sa.Column('cancelledBy', sa.Integer(), sa.ForeignKey('users.id', name='sampleRequests_cancelledBy_users_id_fk')),
    sa.Column('cancellationReason', sa.Text()),
    sa.Column('notes', sa.Text()),
    sa.Column('totalCost', sa.Numeric(10, 2)),
    sa.Column('relatedOrderId', sa.Integer(), sa.ForeignKey('orders.id', name='sampleRequests_relatedOrderId_orders_id_fk')),
    sa.Column('conversionDate', Timestamp()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_sample_requests_client', 'clientId'),
    sa.Index('idx_sample_requests_status', 'sampleRequestStatus'),
    sa.Index('idx_sample_requests_date', 'requestDate'),
    sa.Index('idx_sample_requests_order', 'relatedOrderId'),
)


sampleAllocations = sa.Table(
    'sampleAllocations',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('clientId', sa.Integer(), sa.ForeignKey('clients.id', name='sampleAllocations_clientId_clients_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('monthYear', sa.String(7), nullable=False),
    sa.Column('allocatedQuantity', sa.String(20), nullable=False),
    sa.Column('usedQuantity', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('remainingQuantity', sa.String(20), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_sample_allocations_client_month', 'clientId', 'monthYear'),
    sa.Index('idx_sample_allocations_unique', 'clientId', 'monthYear'),
)


sample_inventory_log = sa.Table(
    'sample_inventory_log',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('batch_id', sa.Integer(), sa.ForeignKey('batches.id', name='sample_inventory_log_batch_id_batches_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('order_id', sa.Integer(), sa.ForeignKey('orders.id', name='sample_inventory_log_order_id_orders_id_fk', ondelete='CASCADE')),
    sa.Column('quantity', sa.Numeric(15, 4), nullable=False),
    sa.Column('action', enum('sample_inventory_log', 'action', 'ALLOCATED', 'RELEASED', 'CONSUMED'), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='sample_inventory_log_created_by_users_id_fk')),
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Index('idx_batch_id', 'batch_id'),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_created_at', 'created_at'),
)
