"""Lots, batches and everything that moves or values stock."""

import sqlalchemy as sa

from seed_pipeline.schema.types import (
    Timestamp, created, enum, foreign, polymorphic, polymorphic_refs, refers_to, serial, table, updated,
)


lots = table(
    'lots',
    serial(),
    sa.Column('code', sa.String(50), nullable=False),
    sa.Column('vendorId', sa.Integer(), nullable=False, info=refers_to('vendors')),
    sa.Column('date', Timestamp(), nullable=False),
    sa.Column('notes', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('code'),
)


batches = table(
    'batches',
    serial(),
    sa.Column('code', sa.String(50), nullable=False),
    sa.Column('sku', sa.String(100), nullable=False),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('lotId', sa.Integer(), nullable=False, info=refers_to('lots')),
    sa.Column('batchStatus', enum('batches', 'batchStatus', 'AWAITING_INTAKE', 'LIVE', 'PHOTOGRAPHY_COMPLETE', 'ON_HOLD', 'QUARANTINED', 'SOLD_OUT', 'CLOSED'), nullable=False, server_default=sa.text("'AWAITING_INTAKE'")),
    foreign('statusId', 'workflow_statuses', ondelete='SET NULL'),
    sa.Column('grade', sa.String(10)),
    sa.Column('isSample', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('sampleOnly', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('sampleAvailable', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('cogsMode', enum('batches', 'cogsMode', 'FIXED', 'RANGE'), nullable=False),
    sa.Column('unitCogs', sa.String(20)),
    sa.Column('unitCogsMin', sa.String(20)),
    sa.Column('unitCogsMax', sa.String(20)),
    sa.Column('paymentTerms', enum('batches', 'paymentTerms', 'COD', 'NET_7', 'NET_15', 'NET_30', 'CONSIGNMENT', 'PARTIAL'), nullable=False),
    sa.Column('amountPaid', sa.String(20), server_default=sa.text("'0'")),
    sa.Column('metadata', sa.Text()),
    foreign('photo_session_event_id', 'calendar_events', ondelete='SET NULL'),
    sa.Column('onHandQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('sampleQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('reservedQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('quarantineQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('holdQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('defectiveQty', sa.String(20), nullable=False, server_default=sa.text("'0'")),
    sa.Column('publishEcom', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('publishB2b', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('sku'),
)


batchLocations = table(
    'batchLocations',
    serial(),
    sa.Column('batchId', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('site', sa.String(100), nullable=False),
    sa.Column('zone', sa.String(100)),
    sa.Column('rack', sa.String(100)),
    sa.Column('shelf', sa.String(100)),
    sa.Column('bin', sa.String(100)),
    sa.Column('qty', sa.String(20), nullable=False),
    created('createdAt'),
    updated('updatedAt'),
)


batch_status_history = table(
    'batch_status_history',
    serial(),
    foreign('batchId', 'batches', ondelete='CASCADE', nullable=False),
    foreign('fromStatusId', 'workflow_statuses', ondelete='SET NULL'),
    foreign('toStatusId', 'workflow_statuses', ondelete='RESTRICT', nullable=False),
    foreign('changedBy', 'users', ondelete='RESTRICT', nullable=False),
    sa.Column('notes', sa.Text()),
    created('createdAt'),
    sa.Index('idx_batch_status_history_batchId', 'batchId'),
    sa.Index('idx_batch_status_history_toStatusId', 'toStatusId'),
    sa.Index('idx_batch_status_history_changedBy', 'changedBy'),
    sa.Index('idx_batch_status_history_createdAt', 'createdAt'),
)


inventoryMovements = table(
    'inventoryMovements',
    serial(),
    foreign('batchId', 'batches', ondelete='CASCADE', nullable=False),
    sa.Column('inventoryMovementType', enum('inventoryMovements', 'inventoryMovementType', 'INTAKE', 'SALE', 'RETURN', 'REFUND_RETURN', 'ADJUSTMENT', 'QUARANTINE', 'RELEASE_FROM_QUARANTINE', 'DISPOSAL', 'TRANSFER', 'SAMPLE'), nullable=False),
    sa.Column('quantityChange', sa.String(20), nullable=False),
    sa.Column('quantityBefore', sa.String(20), nullable=False),
    sa.Column('quantityAfter', sa.String(20), nullable=False),
    sa.Column('referenceType', sa.String(50)),
    sa.Column('referenceId', sa.Integer()),
    sa.Column('adjustmentReason', enum('inventoryMovements', 'adjustmentReason', 'DAMAGED', 'EXPIRED', 'LOST', 'THEFT', 'COUNT_DISCREPANCY', 'QUALITY_ISSUE', 'REWEIGH', 'OTHER')),
    sa.Column('notes', sa.Text()),
    foreign('performedBy', 'users', nullable=False),
    created('createdAt'),
    sa.Index('idx_inventory_movements_batch', 'batchId'),
    sa.Index('idx_inventory_movements_type', 'inventoryMovementType'),
    sa.Index('idx_inventory_movements_reference', 'referenceType', 'referenceId'),
    sa.Index('idx_inventory_movements_created', 'createdAt'),
    info=polymorphic_refs(polymorphic('referenceType', 'referenceId', {'LOT': 'lots', 'ORDER': 'orders', 'RETURN': 'returns', 'SAMPLE_REQUEST': 'sampleRequests', 'WAREHOUSE_TRANSFER': None})),
)


inventoryAlerts = table(
    'inventoryAlerts',
    serial(),
    sa.Column('inventoryAlertType', enum('inventoryAlerts', 'inventoryAlertType', 'LOW_STOCK', 'EXPIRING', 'OVERSTOCK', 'SLOW_MOVING'), nullable=False),
    foreign('batchId', 'batches', ondelete='CASCADE', nullable=False),
    sa.Column('threshold', sa.Numeric(10, 2)),
    sa.Column('currentValue', sa.Numeric(10, 2)),
    sa.Column('alertSeverity', enum('inventoryAlerts', 'alertSeverity', 'LOW', 'MEDIUM', 'HIGH'), nullable=False),
    sa.Column('alertStatus', enum('inventoryAlerts', 'alertStatus', 'ACTIVE', 'ACKNOWLEDGED', 'RESOLVED'), nullable=False, server_default=sa.text("'ACTIVE'")),
    sa.Column('message', sa.Text()),
    foreign('acknowledgedBy', 'users'),
    sa.Column('acknowledgedAt', Timestamp()),
    sa.Column('resolvedAt', Timestamp()),
    sa.Column('resolution', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.Index('idx_inventory_alerts_batch', 'batchId'),
    sa.Index('idx_inventory_alerts_status', 'alertStatus'),
    sa.Index('idx_inventory_alerts_type', 'inventoryAlertType'),
    sa.Index('idx_inventory_alerts_severity', 'alertSeverity'),
)


alert_configurations = table(
    'alert_configurations',
    serial(),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('alert_type', enum('alert_configurations', 'alert_type', 'LOW_STOCK', 'EXPIRING_BATCH', 'OVERDUE_PAYMENT', 'HIGH_VALUE_ORDER', 'SAMPLE_CONVERSION', 'CUSTOM'), nullable=False),
    sa.Column('target_type', enum('alert_configurations', 'target_type', 'GLOBAL', 'PRODUCT', 'BATCH', 'CLIENT', 'CATEGORY'), nullable=False),
    sa.Column('target_id', sa.Integer()),
    sa.Column('threshold_value', sa.Numeric(15, 4), nullable=False),
    sa.Column('threshold_operator', enum('alert_configurations', 'threshold_operator', 'LESS_THAN', 'GREATER_THAN', 'EQUALS'), nullable=False),
    sa.Column('delivery_method', enum('alert_configurations', 'delivery_method', 'DASHBOARD', 'EMAIL', 'BOTH'), nullable=False, server_default=sa.text("'DASHBOARD'")),
    sa.Column('email_address', sa.String(255)),
    sa.Column('is_active', sa.Boolean(), server_default=sa.true()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_alert_type', 'alert_type'),
    sa.Index('idx_is_active', 'is_active'),
    info=polymorphic_refs(polymorphic('target_type', 'target_id', {'PRODUCT': 'products', 'BATCH': 'batches', 'CLIENT': 'clients', 'CATEGORY': 'categories', 'GLOBAL': None})),
)


inventoryViews = table(
    'inventoryViews',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    foreign('createdBy', 'users', ondelete='CASCADE'),
    sa.Column('isShared', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('createdAt'),
    updated('updatedAt'),
    sa.Index('idx_inventory_views_created_by', 'createdBy'),
)


intake_sessions = table(
    'intake_sessions',
    serial(),
    sa.Column('session_number', sa.String(50), nullable=False),
    foreign('vendor_id', 'clients', ondelete='RESTRICT', nullable=False),
    sa.Column('status', enum('intake_sessions', 'status', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'), nullable=False, server_default=sa.text("'IN_PROGRESS'")),
    sa.Column('receive_date', sa.Date(), nullable=False),
    foreign('received_by', 'users', ondelete='RESTRICT', nullable=False),
    sa.Column('paymentTerms', enum('intake_sessions', 'paymentTerms', 'COD', 'NET_7', 'NET_15', 'NET_30', 'CONSIGNMENT', 'PARTIAL'), nullable=False),
    sa.Column('payment_due_date', sa.Date()),
    sa.Column('total_amount', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('amount_paid', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('internal_notes', sa.Text()),
    sa.Column('vendor_notes', sa.Text()),
    sa.Column('receipt_generated', sa.Boolean(), server_default=sa.false()),
    sa.Column('receipt_generated_at', Timestamp()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Column('completed_at', Timestamp()),
    sa.UniqueConstraint('session_number'),
    sa.Index('idx_vendor_id', 'vendor_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_receive_date', 'receive_date'),
)


intake_session_batches = table(
    'intake_session_batches',
    serial(),
    foreign('intake_session_id', 'intake_sessions', ondelete='CASCADE', nullable=False),
    foreign('batch_id', 'batches', ondelete='CASCADE', nullable=False),
    sa.Column('received_qty', sa.Numeric(15, 4), nullable=False),
    sa.Column('unit_cost', sa.Numeric(15, 4), nullable=False),
    sa.Column('total_cost', sa.Numeric(15, 4), nullable=False),
    sa.Column('internal_notes', sa.Text()),
    sa.Column('vendor_notes', sa.Text()),
    sa.Column('cogs_agreement', sa.Text()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Index('idx_intake_session_id', 'intake_session_id'),
    sa.Index('idx_batch_id', 'batch_id'),
)


purchaseOrders = table(
    'purchaseOrders',
    serial(),
    sa.Column('poNumber', sa.String(50), nullable=False),
    foreign('vendorId', 'vendors', ondelete='RESTRICT', nullable=False),
    foreign('intakeSessionId', 'intake_sessions', ondelete='SET NULL'),
    sa.Column('purchaseOrderStatus', enum('purchaseOrders', 'purchaseOrderStatus', 'DRAFT', 'SENT', 'CONFIRMED', 'RECEIVING', 'RECEIVED', 'CANCELLED'), nullable=False, server_default=sa.text("'DRAFT'")),
    sa.Column('orderDate', sa.Date(), nullable=False),
    sa.Column('expectedDeliveryDate', sa.Date()),
    sa.Column('actualDeliveryDate', sa.Date()),
    sa.Column('subtotal', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('tax', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('shipping', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('total', sa.Numeric(15, 2), server_default=sa.text("'0'")),
    sa.Column('paymentTerms', sa.String(100)),
    sa.Column('paymentDueDate', sa.Date()),
    sa.Column('notes', sa.Text()),
    sa.Column('vendorNotes', sa.Text()),
    foreign('createdBy', 'users', ondelete='RESTRICT', nullable=False),
    created('createdAt'),
    updated('updatedAt'),
    sa.Column('sentAt', Timestamp()),
    sa.Column('confirmedAt', Timestamp()),
    sa.UniqueConstraint('poNumber'),
    sa.Index('idx_po_vendor_id', 'vendorId'),
    sa.Index('idx_po_status', 'purchaseOrderStatus'),
    sa.Index('idx_po_order_date', 'orderDate'),
)


purchaseOrderItems = table(
    'purchaseOrderItems',
    serial(),
    foreign('purchaseOrderId', 'purchaseOrders', ondelete='CASCADE', nullable=False),
    foreign('productId', 'products', ondelete='RESTRICT', nullable=False),
    sa.Column('quantityOrdered', sa.Numeric(15, 4), nullable=False),
    sa.Column('quantityReceived', sa.Numeric(15, 4), server_default=sa.text("'0'")),
    sa.Column('unitCost', sa.Numeric(15, 4), nullable=False),
    sa.Column('totalCost', sa.Numeric(15, 4), nullable=False),
    sa.Column('notes', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.Index('idx_poi_po_id', 'purchaseOrderId'),
    sa.Index('idx_poi_product_id', 'productId'),
)


cogsHistory = table(
    'cogsHistory',
    serial(),
    sa.Column('batchId', sa.Integer(), nullable=False, info=refers_to('batches')),
    sa.Column('oldCogs', sa.String(20)),
    sa.Column('newCogs', sa.String(20), nullable=False),
    sa.Column('changeType', sa.String(50), nullable=False),
    sa.Column('affectedSalesCount', sa.Integer(), server_default=sa.text('0')),
    sa.Column('reason', sa.Text()),
    sa.Column('changedBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
)


cogs_rules = table(
    'cogs_rules',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('condition_field', enum('cogs_rules', 'condition_field', 'QUANTITY', 'TOTAL_VALUE', 'CLIENT_TIER', 'PAYMENT_TERMS')),
    sa.Column('condition_operator', enum('cogs_rules', 'condition_operator', 'GT', 'GTE', 'LT', 'LTE', 'EQ')),
    sa.Column('condition_value', sa.Numeric(15, 4)),
    sa.Column('adjustment_type', enum('cogs_rules', 'adjustment_type', 'PERCENTAGE', 'FIXED_AMOUNT', 'USE_MIN', 'USE_MAX')),
    sa.Column('adjustment_value', sa.Numeric(10, 4)),
    sa.Column('priority', sa.Integer(), server_default=sa.text('0')),
    sa.Column('is_active', sa.Boolean(), server_default=sa.true()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    sa.Index('idx_priority', 'priority'),
    sa.Index('idx_is_active', 'is_active'),
)
