"""Who works in TERP and what each role may open."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, Timestamp, created, enum, foreign, refers_to, serial, table, updated


users = table(
    'users',
    serial(),
    sa.Column('openId', sa.String(64), nullable=False),
    sa.Column('name', sa.Text()),
    sa.Column('email', sa.String(320)),
    sa.Column('loginMethod', sa.String(64)),
    sa.Column('role', enum('users', 'role', 'user', 'admin'), nullable=False, server_default=sa.text("'user'")),
    created('createdAt'),
    updated('updatedAt'),
    sa.Column('lastSignedIn', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('openId'),
)


roles = table(
    'roles',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('is_system_role', sa.Integer(), nullable=False, server_default=sa.text('0')),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('name'),
)


permissions = table(
    'permissions',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('module', sa.String(50), nullable=False),
    created('created_at'),
    sa.UniqueConstraint('name'),
)


role_permissions = table(
    'role_permissions',
    foreign('role_id', 'roles', ondelete='CASCADE', primary_key=True, autoincrement=False),
    foreign('permission_id', 'permissions', ondelete='CASCADE', primary_key=True, autoincrement=False),
    created('created_at'),
    sa.PrimaryKeyConstraint('role_id', 'permission_id', name='role_permissions_role_id_permission_id_pk'),
)


user_roles = table(
    'user_roles',
    sa.Column('user_id', sa.String(255), primary_key=True, autoincrement=False, info=refers_to('users', 'openId')),
    foreign('role_id', 'roles', ondelete='CASCADE', primary_key=True, autoincrement=False),
    created('created_at'),
    sa.PrimaryKeyConstraint('user_id', 'role_id', name='user_roles_user_id_role_id_pk'),
)


user_permission_overrides = table(
    'user_permission_overrides',
    sa.Column('user_id', sa.String(255), primary_key=True, autoincrement=False, info=refers_to('users', 'openId')),
    foreign('permission_id', 'permissions', ondelete='CASCADE', primary_key=True, autoincrement=False),
    sa.Column('granted', sa.Integer(), nullable=False, server_default=sa.text('1')),
    created('created_at'),
    sa.PrimaryKeyConstraint('user_id', 'permission_id', name='user_permission_overrides_user_id_permission_id_pk'),
)
