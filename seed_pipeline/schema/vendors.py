"""Vendors, their brands and what they offer."""

import sqlalchemy as sa

from seed_pipeline.schema.types import Timestamp, created, enum, foreign, refers_to, serial, table, updated


vendors = table(
    'vendors',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('contactName', sa.String(255)),
    sa.Column('contactEmail', sa.String(320)),
    sa.Column('contactPhone', sa.String(50)),
    sa.Column('paymentTerms', sa.String(100)),
    sa.Column('notes', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


vendorNotes = table(
    'vendorNotes',
    serial(),
    foreign('vendorId', 'vendors', ondelete='CASCADE', nullable=False),
    foreign('userId', 'users', nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    created('createdAt'),
    updated('updatedAt'),
)


vendor_supply = table(
    'vendor_supply',
    serial(),
    foreign('vendor_id', 'vendors', ondelete='CASCADE', nullable=False),
    sa.Column('strain', sa.String(255)),
    sa.Column('product_name', sa.String(255)),
    sa.Column('strain_type', enum('vendor_supply', 'strain_type', 'INDICA', 'SATIVA', 'HYBRID', 'CBD')),
    sa.Column('category', sa.String(100)),
    sa.Column('subcategory', sa.String(100)),
    sa.Column('grade', sa.String(50)),
    sa.Column('quantity_available', sa.Numeric(15, 4), nullable=False),
    sa.Column('unit_price', sa.Numeric(15, 2)),
    sa.Column('status', enum('vendor_supply', 'status', 'AVAILABLE', 'RESERVED', 'PURCHASED', 'EXPIRED'), nullable=False, server_default=sa.text("'AVAILABLE'")),
    sa.Column('available_until', Timestamp()),
    sa.Column('reserved_at', Timestamp()),
    sa.Column('purchased_at', Timestamp()),
    sa.Column('notes', sa.Text()),
    sa.Column('internal_notes', sa.Text()),
    created('created_at', nullable=True),
    updated('updated_at', nullable=True),
    foreign('created_by', 'users', ondelete='RESTRICT', nullable=False),
    sa.Index('idx_vendor_id', 'vendor_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_strain', 'strain'),
    sa.Index('idx_product_name_vs', 'product_name'),
    sa.Index('idx_category', 'category'),
)


brands = table(
    'brands',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('vendorId', sa.Integer(), info=refers_to('vendors')),
    sa.Column('description', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
)
