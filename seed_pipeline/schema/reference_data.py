"""Vocabularies and settings the app seeds for itself: places, categories, grades, statuses, numbering."""

import sqlalchemy as sa

from seed_pipeline.schema.types import created, refers_to, serial, table, updated


locations = table(
    'locations',
    serial(),
    sa.Column('site', sa.String(100), nullable=False),
    sa.Column('zone', sa.String(100)),
    sa.Column('rack', sa.String(100)),
    sa.Column('shelf', sa.String(100)),
    sa.Column('bin', sa.String(100)),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('createdAt'),
    updated('updatedAt'),
)


categories = table(
    'categories',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


subcategories = table(
    'subcategories',
    serial(),
    sa.Column('categoryId', sa.Integer(), nullable=False, info=refers_to('categories')),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('createdAt'),
    updated('updatedAt'),
)


grades = table(
    'grades',
    serial(),
    sa.Column('name', sa.String(50), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('sortOrder', sa.Integer(), server_default=sa.text('0')),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


workflow_statuses = table(
    'workflow_statuses',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('slug', sa.String(50), nullable=False),
    sa.Column('color', sa.String(20), nullable=False, server_default=sa.text("'#6B7280'")),
    sa.Column('order', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('slug'),
    sa.Index('idx_workflow_statuses_order', 'order'),
    sa.Index('idx_workflow_statuses_isActive', 'isActive'),
)


paymentMethods = table(
    'paymentMethods',
    serial(),
    sa.Column('code', sa.String(50), nullable=False),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('isActive', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('sortOrder', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('code'),
    sa.Index('idx_payment_methods_active', 'isActive'),
    sa.Index('idx_payment_methods_sort', 'sortOrder'),
)


sequences = table(
    'sequences',
    serial(),
    sa.Column('name', sa.String(50), nullable=False),
    sa.Column('prefix', sa.String(20), nullable=False),
    sa.Column('currentValue', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


expenseCategories = table(
    'expenseCategories',
    serial(),
    sa.Column('categoryName', sa.String(255), nullable=False),
    sa.Column('parentCategoryId', sa.Integer(), info=refers_to('expenseCategories')),
    sa.Column('ledgerAccountId', sa.Integer(), info=refers_to('accounts')),
    sa.Column('isActive', sa.Boolean(), nullable=False, server_default=sa.true()),
    created('createdAt'),
    updated('updatedAt'),
)
