"""Per-user dashboard layout and KPI settings."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata


userDashboardPreferences = sa.Table(
    'userDashboardPreferences',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='userDashboardPreferences_userId_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('activeLayout', sa.String(50), nullable=False, server_default=sa.text("'operations'")),
    sa.Column('widgetConfig', sa.JSON(), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('userId', name='userDashboardPreferences_userId_unique'),
)


dashboard_widget_layouts = sa.Table(
    'dashboard_widget_layouts',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='dashboard_widget_layouts_userId_users_id_fk', ondelete='CASCADE')),
    sa.Column('role', enum('dashboard_widget_layouts', 'role', 'user', 'admin')),
    sa.Column('widgetType', sa.String(100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('height', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('isVisible', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('config', sa.JSON()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


dashboard_kpi_configs = sa.Table(
    'dashboard_kpi_configs',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('role', enum('dashboard_kpi_configs', 'role', 'user', 'admin'), nullable=False),
    sa.Column('kpiType', sa.String(100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('isVisible', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)
