"""Sample requests, allocations and the sample stock log."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, Timestamp, created, enum, foreign, serial, table, updated


sampleRequests = table(
    'sampleRequests',
    serial(),
    foreign('clientId', 'clients', ondelete='CASCADE', nullable=False),
    foreign('requestedBy', 'users', nullable=False),
    sa.Column('requestDate', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('products', sa.JSON(), nullable=False),
    sa.Column('sampleRequestStatus', enum('sampleRequests', 'sampleRequestStatus', 'PENDING', 'FULFILLED', 'CANCELLED'), nullable=False, server_default=sa.text("'PENDING'")),
    sa.Column('fulfilledDate', Timestamp()),
    foreign('fulfilledBy', 'users'),
    sa.Column('cancelledDate', Timestamp()),
    foreign('cancelledBy', 'users'),
    sa.Column('cancellationReason', sa.Text()),
    sa.Column('notes', sa.Text()),
    sa.Column('totalCost', sa.Numeric(10, 2)),
    foreign('relatedOrderId', 'orders'),
    sa.Column('conversionDate', Timestamp()),
    created('createdAt'),
    updated('updatedAt'),
    sa.Index('idx_sample_requests_client', 'clientId'),
    sa.Index('idx_sample_requests_status', 'sampleRequestStatus'),
    sa.Index('idx_sample_requests_date', 'requestDate'),
    sa.Index('idx_sample_requests_order', 'relatedOrderId'),
)


sampleAllocations = table(
    'sampleAllocations',
    serial(),
    foreign('clientId', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('monthYear', sa.String(7), nullable=False),
    sa.Column('allocatedQuantity', sa.String(20), nullable=False),
    sa.Column('usedQuantity', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('remainingQuantity', sa.String(20), nullable=False),
    created('createdAt'),
    updated('updatedAt'),
    sa.Index('idx_sample_allocations_client_month', 'clientId', 'monthYear'),
    sa.Index('idx_sample_allocations_unique', 'clientId', 'monthYear'),
)


sample_inventory_log = table(
    'sample_inventory_log',
    serial(),
    foreign('batch_id', 'batches', ondelete='CASCADE', nullable=False),
    foreign('order_id', 'orders', ondelete='CASCADE'),
    sa.Column('quantity', sa.Numeric(15, 4), nullable=False),
    sa.Column('action', enum('sample_inventory_log', 'action', 'ALLOCATED', 'RELEASED', 'CONSUMED'), nullable=False),
    sa.Column('notes', sa.Text()),
    foreign('created_by', 'users'),
    created('created_at', nullable=True),
    sa.Index('idx_batch_id', 'batch_id'),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_created_at', 'created_at'),
)
