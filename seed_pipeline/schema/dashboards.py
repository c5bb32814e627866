"""Per-user dashboard layout and KPI settings."""

import sqlalchemy as sa

from seed_pipeline.schema.types import created, enum, foreign, serial, table, updated


userDashboardPreferences = table(
    'userDashboardPreferences',
    serial(),
    foreign('userId', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('activeLayout', sa.String(50), nullable=False, server_default=sa.text("'operations'")),
    sa.Column('widgetConfig', sa.JSON(), nullable=False),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('userId'),
)


dashboard_widget_layouts = table(
    'dashboard_widget_layouts',
    serial(),
    foreign('userId', 'users', ondelete='CASCADE'),
    sa.Column('role', enum('dashboard_widget_layouts', 'role', 'user', 'admin')),
    sa.Column('widgetType', sa.String(100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('height', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('isVisible', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('config', sa.JSON()),
    created('createdAt'),
    updated('updatedAt'),
)


dashboard_kpi_configs = table(
    'dashboard_kpi_configs',
    serial(),
    sa.Column('role', enum('dashboard_kpi_configs', 'role', 'user', 'admin'), nullable=False),
    sa.Column('kpiType', sa.String(100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('isVisible', sa.Boolean(), nullable=False, server_default=sa.true()),
    created('createdAt'),
    updated('updatedAt'),
)
