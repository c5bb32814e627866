"""Vendors, their brands and what they offer."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata, refers_to


vendors = sa.Table(
    'vendors',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('contactName', sa.String(255)),
    sa.Column('contactEmail', sa.String(320)),
    sa.Column('contactPhone', sa.String(50)),
    sa.Column('paymentTerms', sa.String(100)),
    sa.Column('notes', sa.Text()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='vendors_name_unique'),
)


vendorNotes = sa.Table(
    'vendorNotes',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('vendorId', sa.Integer(), sa.ForeignKey('vendors.id', name='vendorNotes_vendorId_vendors_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='vendorNotes_userId_users_id_fk'), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


vendor_supply = sa.Table(
    'vendor_supply',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('vendor_id', sa.Integer(), sa.ForeignKey('vendors.id', name='vendor_supply_vendor_id_vendors_id_fk', ondelete='CASCADE'), nullable=False),
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
    sa.Column('created_at', Timestamp(), server_default=NOW),
    sa.Column('updated_at', Timestamp(), server_default=NOW, info=ON_UPDATE_NOW),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='vendor_supply_created_by_users_id_fk', ondelete='RESTRICT'), nullable=False),
    sa.Index('idx_vendor_id', 'vendor_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_strain', 'strain'),
    sa.Index('idx_product_name_vs', 'product_name'),
    sa.Index('idx_category', 'category'),
)


brands = sa.Table(
    'brands',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('vendorId', sa.Integer(), info=refers_to('vendors')),
    sa.Column('description', sa.Text()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)
