"""Strains, products and their tags, media and synonyms."""

import sqlalchemy as sa

from seed_pipeline.schema.types import created, foreign, refers_to, serial, table, updated


strains = table(
    'strains',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('standardizedName', sa.String(255), nullable=False),
    sa.Column('aliases', sa.Text()),
    sa.Column('category', sa.String(50)),
    sa.Column('description', sa.Text()),
    sa.Column('openthcId', sa.String(255)),
    sa.Column('openthcStub', sa.String(255)),
    sa.Column('parentStrainId', sa.Integer(), info=refers_to('strains')),
    sa.Column('baseStrainName', sa.String(255)),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


products = table(
    'products',
    serial(),
    sa.Column('brandId', sa.Integer(), nullable=False, info=refers_to('brands')),
    sa.Column('strainId', sa.Integer(), info=refers_to('strains')),
    sa.Column('nameCanonical', sa.String(500), nullable=False),
    sa.Column('category', sa.String(100), nullable=False),
    sa.Column('subcategory', sa.String(100)),
    sa.Column('uomSellable', sa.String(20), nullable=False, server_default=sa.text("'EA'")),
    sa.Column('description', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
)


productMedia = table(
    'productMedia',
    serial(),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('url', sa.String(1000), nullable=False),
    sa.Column('type', sa.String(50), nullable=False),
    sa.Column('filename', sa.String(255), nullable=False),
    sa.Column('size', sa.Integer()),
    sa.Column('uploadedBy', sa.Integer(), nullable=False, info=refers_to('users')),
    created('createdAt'),
)


productSynonyms = table(
    'productSynonyms',
    serial(),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('synonym', sa.String(500), nullable=False),
    created('createdAt'),
)


tags = table(
    'tags',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('standardizedName', sa.String(100), nullable=False),
    sa.Column('category', sa.String(50)),
    sa.Column('description', sa.Text()),
    created('createdAt'),
    updated('updatedAt'),
    sa.UniqueConstraint('name'),
)


productTags = table(
    'productTags',
    serial(),
    sa.Column('productId', sa.Integer(), nullable=False, info=refers_to('products')),
    sa.Column('tagId', sa.Integer(), nullable=False, info=refers_to('tags')),
    created('createdAt'),
)


tagGroups = table(
    'tagGroups',
    serial(),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('color', sa.String(7)),
    foreign('createdBy', 'users', nullable=False),
    created('createdAt'),
    updated('updatedAt'),
)


tagGroupMembers = table(
    'tagGroupMembers',
    serial(),
    foreign('groupId', 'tagGroups', ondelete='CASCADE', nullable=False),
    foreign('tagId', 'tags', ondelete='CASCADE', nullable=False),
    created('createdAt'),
    sa.Index('idx_tag_group_members_group_tag', 'groupId', 'tagId'),
)


tagHierarchy = table(
    'tagHierarchy',
    serial(),
    foreign('parentTagId', 'tags', ondelete='CASCADE', nullable=False),
    foreign('childTagId', 'tags', ondelete='CASCADE', nullable=False),
    created('createdAt'),
    sa.Index('idx_tag_hierarchy_parent_child', 'parentTagId', 'childTagId'),
    sa.Index('idx_tag_hierarchy_unique', 'parentTagId', 'childTagId'),
)
