"""Orders, their lines, invoices, returns and the sales register."""

import sqlalchemy as sa

from seed_pipeline.schema.types import (
    NOW, Timestamp, created, enum, foreign, polymorphic, polymorphic_refs, refers_to, serial, table, updated,
)


orders = table(
    'orders',
    serial(),
    sa.Column('order_number', sa.String(50), nullable=False),
    sa.Column('orderType', enum('orders', 'orderType', 'QUOTE', 'SALE'), nullable=False),
    sa.Column('is_draft', sa.Boolean(), nullable=False, server_default=sa.true()),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('client_need_id', sa.Integer(), info=refers_to('client_needs')),
    foreign('intake_event_id', 'calendar_events', ondelete='SET NULL'),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('subtotal', sa.Numeric(15, 2), nullable=False),
    sa.Column('tax', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('discount', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('total', sa.Numeric(15, 2), nullable=False),
    sa.Column('total_cogs', sa.Numeric(15, 2)),
    sa.Column('total_margin', sa.Numeric(15, 2)),
    sa.Column('avg_margin_percent', sa.Numeric(5, 2)),
    sa.Column('valid_until', sa.Date()),
    sa.Column('quoteStatus', enum('orders', 'quoteStatus', 'DRAFT', 'SENT', 'VIEWED', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'CONVERTED')),
    sa.Column('paymentTerms', enum('orders', 'paymentTerms', 'COD', 'NET_7', 'NET_15', 'NET_30', 'CONSIGNMENT', 'PARTIAL'), nullable=False),
    sa.Column('cash_payment', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('due_date', sa.Date()),
    sa.Column('saleStatus', enum('orders', 'saleStatus', 'PENDING', 'PARTIAL', 'PAID', 'OVERDUE', 'CANCELLED')),
    sa.Column('invoice_id', sa.Integer(), info=refers_to('invoices')),
    sa.Column('fulfillmentStatus', enum('orders', 'fulfillmentStatus', 'PENDING', 'PACKED', 'SHIPPED'), server_default=sa.text("'PENDING'")),
    sa.Column('packed_at', Timestamp()),
    foreign('packed_by', 'users'),
    sa.Column('shipped_at', Timestamp()),
    foreign('shipped_by', 'users'),
    foreign('converted_from_order_id', 'orders'),
    sa.Column('converted_at', Timestamp()),
    sa.Column('confirmed_at', Timestamp()),
    sa.Column('related_sample_request_id', sa.Integer(), info=refers_to('sampleRequests')),
    sa.Column('notes', sa.Text()),
    foreign('created_by', 'users', nullable=False),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.UniqueConstraint('order_number'),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_order_type', 'orderType'),
    sa.Index('idx_is_draft', 'is_draft'),
    sa.Index('idx_quote_status', 'quoteStatus'),
    sa.Index('idx_sale_status', 'saleStatus'),
    sa.Index('idx_fulfillment_status', 'fulfillmentStatus'),
    sa.Index('idx_created_at', 'created_at'),
)


order_line_items = table(
    'order_line_items',
    serial(),
    sa.Column('order_id', sa.Integer(), nullable=False, info=refers_to('orders')),
    sa.Column('batch_id', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('product_display_name', sa.String(255)),
    sa.Column('quantity', sa.Numeric(10, 2), nullable=False),
    sa.Column('cogs_per_unit', sa.Numeric(10, 2), nullable=False),
    sa.Column('original_cogs_per_unit', sa.Numeric(10, 2), nullable=False),
    sa.Column('is_cogs_overridden', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('cogs_override_reason', sa.Text()),
    sa.Column('margin_percent', sa.Numeric(5, 2), nullable=False),
    sa.Column('margin_dollar', sa.Numeric(10, 2), nullable=False),
    sa.Column('is_margin_overridden', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('margin_source', enum('order_line_items', 'margin_source', 'CUSTOMER_PROFILE', 'DEFAULT', 'MANUAL'), nullable=False),
    sa.Column('unit_price', sa.Numeric(10, 2), nullable=False),
    sa.Column('line_total', sa.Numeric(10, 2), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False, server_default=sa.false()),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_batch_id', 'batch_id'),
)


order_status_history = table(
    'order_status_history',
    serial(),
    foreign('order_id', 'orders', ondelete='CASCADE', nullable=False),
    sa.Column('fulfillmentStatus', enum('order_status_history', 'fulfillmentStatus', 'PENDING', 'PACKED', 'SHIPPED'), nullable=False, server_default=sa.text("'PENDING'")),
    foreign('changed_by', 'users', nullable=False),
    sa.Column('changed_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('notes', sa.Text()),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_changed_at', 'changed_at'),
)


order_audit_log = table(
    'order_audit_log',
    serial(),
    sa.Column('order_id', sa.Integer(), nullable=False, info=refers_to('orders')),
    sa.Column('action', sa.String(50), nullable=False),
    sa.Column('changes', sa.JSON()),
    sa.Column('user_id', sa.Integer(), info=refers_to('users')),
    sa.Column('reason', sa.Text()),
    sa.Column('timestamp', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_timestamp', 'timestamp'),
)


recurring_orders = table(
    'recurring_orders',
    serial(),
    foreign('client_id', 'clients', ondelete='CASCADE', nullable=False),
    sa.Column('frequency', enum('recurring_orders', 'frequency', 'DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY'), nullable=False),
    sa.Column('day_of_week', sa.Integer()),
    sa.Column('day_of_month', sa.Integer()),
    sa.Column('order_template', sa.JSON(), nullable=False),
    sa.Column('status', enum('recurring_orders', 'status', 'ACTIVE', 'PAUSED', 'CANCELLED'), nullable=False, server_default=sa.text("'ACTIVE'")),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date()),
    sa.Column('last_generated_date', sa.Date()),
    sa.Column('next_generation_date', sa.Date(), nullable=False),
    sa.Column('notify_client', sa.Boolean(), server_default=sa.true()),
    sa.Column('notify_email', sa.String(255)),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    foreign('created_by', 'users', ondelete='RESTRICT', nullable=False),
    sa.Index('idx_client_id', 'client_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_next_generation_date', 'next_generation_date'),
)


returns = table(
    'returns',
    serial(),
    foreign('order_id', 'orders', ondelete='CASCADE', nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('returnReason', enum('returns', 'returnReason', 'DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'CUSTOMER_CHANGED_MIND', 'OTHER'), nullable=False),
    sa.Column('notes', sa.Text()),
    foreign('processed_by', 'users', nullable=False),
    sa.Column('processed_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_order_id', 'order_id'),
    sa.Index('idx_processed_at', 'processed_at'),
)


invoices = table(
    'invoices',
    serial(),
    sa.Column('invoiceNumber', sa.String(50), nullable=False),
    sa.Column('customerId', sa.Integer(), nullable=False, info=refers_to('clients')),
    sa.Column('invoiceDate', sa.Date(), nullable=False),
    sa.Column('dueDate', sa.Date(), nullable=False),
    sa.Column('subtotal', sa.Numeric(12, 2), nullable=False),
    sa.Column('taxAmount', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('discountAmount', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('totalAmount', sa.Numeric(12, 2), nullable=False),
    sa.Column('amountPaid', sa.Numeric(12, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('amountDue', sa.Numeric(12, 2), nullable=False),
    sa.Column('status', enum('invoices', 'status', 'DRAFT', 'SENT', 'VIEWED', 'PARTIAL', 'PAID', 'OVERDUE', 'VOID'), nullable=False, server_default=sa.text("'DRAFT'")),
    sa.Column('paymentTerms', sa.String(100)),
    sa.Column('notes', sa.Text()),
    sa.Column('referenceType', sa.String(50)),
    sa.Column('referenceId', sa.Integer()),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('invoiceNumber'),
    info=polymorphic_refs(polymorphic('referenceType', 'referenceId', {'ORDER': 'orders'})),
)


invoiceLineItems = table(
    'invoiceLineItems',
    serial(),
    sa.Column('invoiceId', sa.Integer(), nullable=False, info=refers_to('invoices')),
    sa.Column('productId', sa.Integer(), info=refers_to('products')),
    sa.Column('batchId', sa.Integer(), info=refers_to('batches')),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('quantity', sa.Numeric(10, 2), nullable=False),
    sa.Column('unitPrice', sa.Numeric(12, 2), nullable=False),
    sa.Column('taxRate', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('discountPercent', sa.Numeric(5, 2), nullable=False, server_default=sa.text("'0.00'")),
    sa.Column('lineTotal', sa.Numeric(12, 2), nullable=False),
    created('createdAt'),
)


sales = table(
    'sales',
    serial(),
    sa.Column('batchId', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('quantity', sa.String(20), nullable=False),
    sa.Column('cogsAtSale', sa.String(20), nullable=False),
    sa.Column('salePrice', sa.String(20), nullable=False),
    sa.Column('cogsOverride', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('customerId', sa.Integer(), info=refers_to('clients')),
    sa.Column('saleDate', Timestamp(), nullable=False),
    sa.Column('notes', sa.Text()),
    sa.Column('createdBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
    updated('updatedAt'),
)
