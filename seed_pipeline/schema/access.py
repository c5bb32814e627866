"""Who works in TERP and what each role may open."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata, refers_to


users = sa.Table(
    'users',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('openId', sa.String(64), nullable=False),
    sa.Column('name', sa.Text()),
    sa.Column('email', sa.String(320)),
    sa.Column('loginMethod', sa.String(64)),
    sa.Column('role', enum('users', 'role', 'user', 'admin'), nullable=False, server_default=sa.text("'user'")),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Column('lastSignedIn', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('openId', name='users_openId_unique'),
)


roles = sa.Table(
    'roles',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('is_system_role', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='roles_name_unique'),
)


permissions = sa.Table(
    'permissions',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('module', sa.String(50), nullable=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('name', name='permissions_name_unique'),
)


role_permissions = sa.Table(
    'role_permissions',
    metadata,
    sa.Column('role_id', sa.Integer(), sa.ForeignKey('roles.id', name='role_permissions_role_id_roles_id_fk', ondelete='CASCADE'), primary_key=True, autoincrement=False),
    sa.Column('permission_id', sa.Integer(), sa.ForeignKey('permissions.id', name='role_permissions_permission_id_permissions_id_fk', ondelete='CASCADE'), primary_key=True, autoincrement=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.PrimaryKeyConstraint('role_id', 'permission_id', name='role_permissions_role_id_permission_id_pk'),
)


user_roles = sa.Table(
    'user_roles',
    metadata,
    sa.Column('user_id', sa.String(255), primary_key=True, autoincrement=False, info=refers_to('users', 'openId')),
    sa.Column('role_id', sa.Integer(), sa.ForeignKey('roles.id', name='user_roles_role_id_roles_id_fk', ondelete='CASCADE'), primary_key=True, autoincrement=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.PrimaryKeyConstraint('user_id', 'role_id', name='user_roles_user_id_role_id_pk'),
)


user_permission_overrides = sa.Table(
    'user_permission_overrides',
    metadata,
    sa.Column('user_id', sa.String(255), primary_key=True, autoincrement=False, info=refers_to('users', 'openId')),
    sa.Column('permission_id', sa.Integer(), sa.ForeignKey('permissions.id', name='user_permission_overrides_permission_id_permissions_id_fk', ondelete='CASCADE'), primary_key=True, autoincrement=False),
    sa.Column('granted', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.PrimaryKeyConstraint('user_id', 'permission_id', name='user_permission_overrides_user_id_permission_id_pk'),
)
