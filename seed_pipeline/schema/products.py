"""Strains, products and their tags, media and synonyms."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, metadata, refers_to


strains = sa.Table(
    'strains',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('standardizedName', sa.String(255), nullable=False),
    sa.Column('aliases', sa.Text()),
    sa.Column('category', sa.String(50)),
    sa.Column('description', sa.Text()),
    sa.Column('openthcId', sa.String(255)),
    sa.Column('openthcStub', sa.String(255)),
    sa.Column('parentStrainId', sa.Integer(), info=refers_to('strains')),
    sa.Column('baseStrainName', sa.String(255)),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='strains_name_unique'),
)


products = sa.Table(
    'products',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('brandId', sa.Integer(), nullable=False, info=refers_to('brands')),
    sa.Column('strainId', sa.Integer(), info=refers_to('strains')),
    sa.Column('nameCanonical', sa.String(500), nullable=False),
    sa.Column('category', sa.String(100), nullable=False),
    sa.Column('subcategory', sa.String(100)),
    sa.Column('uomSellable', sa.String(20), nullable=False, server_default=sa.text("'EA'")),
    sa.Column('description', sa.Text()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


productMedia = sa.Table(
    'productMedia',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('url', sa.String(1000), nullable=False),
    sa.Column('type', sa.String(50), nullable=False),
    sa.Column('filename', sa.String(255), nullable=False),
    sa.Column('size', sa.Integer()),
    sa.Column('uploadedBy', sa.Integer(), nullable=False, info=refers_to('users')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
)


productSynonyms = sa.Table(
    'productSynonyms',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('synonym', sa.String(500), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
)


tags = sa.Table(
    'tags',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('standardizedName', sa.String(100), nullable=False),
    sa.Column('category', sa.String(50)),
    sa.Column('description', sa.Text()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.UniqueConstraint('name', name='tags_name_unique'),
)


productTags = sa.Table(
    'productTags',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('tagId', sa.Integer(), nullable=False, info=refers_to('tags')),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
)


tagGroups = sa.Table(
    'tagGroups',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('color', sa.String(7)),
    sa.Column('createdBy', sa.Integer(), sa.ForeignKey('users.id', name='tagGroups_createdBy_users_id_fk'), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


tagGroupMembers = sa.Table(
    'tagGroupMembers',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('groupId', sa.Integer(), sa.ForeignKey('tagGroups.id', name='tagGroupMembers_groupId_tagGroups_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('tagId', sa.Integer(), sa.ForeignKey('tags.id', name='tagGroupMembers_tagId_tags_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_tag_group_members_group_tag', 'groupId', 'tagId'),
)


tagHierarchy = sa.Table(
    'tagHierarchy',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('parentTagId', sa.Integer(), sa.ForeignKey('tags.id', name='tagHierarchy_parentTagId_tags_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('childTagId', sa.Integer(), sa.ForeignKey('tags.id', name='tagHierarchy_childTagId_tags_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_tag_hierarchy_parent_child', 'parentTagId', 'childTagId'),
    sa.Index('idx_tag_hierarchy_unique', 'parentTagId', 'childTagId'),
)
