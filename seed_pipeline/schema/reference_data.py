"""Vocabularies and settings the app seeds for itself: places, categories, grades, statuses, numbering."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, metadata, refers_to


locations = sa.Table(
    'locations',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('site', sa.String(100), nullable=False),
    sa.Column('zone', sa.String(100)),
    sa.Column('rack', sa.String(100)),
    sa.Column('shelf', sa.String(100)),
    sa.Column('bin', sa.String(100)),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


categories = sa.Table(
    'categories',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='categories_name_unique'),
)


subcategories = sa.Table(
    'subcategories',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('categoryId', sa.Integer(), nullable=False, info=refers_to('categories')),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


grades = sa.Table(
    'grades',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(50), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('sortOrder', sa.Integer(), server_default=sa.text('0')),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='grades_name_unique'),
)


workflow_statuses = sa.Table(
    'workflow_statuses',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('slug', sa.String(50), nullable=False),
    sa.Column('color', sa.String(20), nullable=False, server_default=sa.text("'#6B7280'")),
    sa.Column('order', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('slug', name='workflow_statuses_slug_unique'),
    sa.Index('idx_workflow_statuses_order', 'order'),
    sa.Index('idx_workflow_statuses_isActive', 'isActive'),
)


paymentMethods = sa.Table(
    'paymentMethods',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('code', sa.String(50), nullable=False),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('sortOrder', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('code', name='paymentMethods_code_unique'),
    sa.Index('idx_payment_methods_active', 'isActive'),
    sa.Index('idx_payment_methods_sort', 'sortOrder'),
)


sequences = sa.Table(
    'sequences',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(50), nullable=False),
    sa.Column('prefix', sa.String(20), nullable=False),
    sa.Column('currentValue', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='sequences_name_unique'),
)


expenseCategories = sa.Table(
    'expenseCategories',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('categoryName', sa.String(255), nullable=False),
    sa.Column('parentCategoryId', sa.Integer(), info=refers_to('expenseCategories')),
    sa.Column('ledgerAccountId', sa.Integer(), info=refers_to('accounts')),
    sa.Column('isActive', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)
