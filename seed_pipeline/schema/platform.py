"""The app's own audit trail and deployment log."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, Timestamp, created, polymorphic, polymorphic_refs, refers_to, serial, table


auditLogs = table(
    'auditLogs',
    serial(),
    sa.Column('actorId', sa.Integer(), nullable=False, info=refers_to('users')),
    sa.Column('entity', sa.String(50), nullable=False),
    sa.Column('entityId', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(100), nullable=False),
    sa.Column('before', sa.Text()),
    sa.Column('after', sa.Text()),
    sa.Column('reason', sa.Text()),
    created('createdAt'),
    info=polymorphic_refs(polymorphic('entity', 'entityId', {'order': 'orders', 'client': 'clients', 'Batch': 'batches', 'invoice': 'invoices', 'product': 'products', 'vendor': 'vendors'})),
)


deployments = table(
    'deployments',
    serial(),
    sa.Column('commitSha', sa.String(40), nullable=False),
    sa.Column('commitMessage', sa.Text(), nullable=False),
    sa.Column('commitTimestamp', Timestamp(), nullable=False),
    sa.Column('branch', sa.String(255), nullable=False),
    sa.Column('author', sa.String(255), nullable=False),
    sa.Column('pusher', sa.String(255), nullable=False),
    sa.Column('status', sa.String(50), nullable=False, server_default=sa.text("'pending'")),
    sa.Column('startedAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('completedAt', Timestamp()),
    sa.Column('duration', sa.Integer()),
    sa.Column('doDeploymentId', sa.String(255)),
    sa.Column('buildLogs', sa.Text()),
    sa.Column('deploymentUrl', sa.String(500)),
    sa.Column('errorMessage', sa.Text()),
    sa.Column('githubDeliveryId', sa.String(255)),
    sa.Column('webhookPayload', sa.JSON()),
    sa.Index('idx_deployments_status', 'status'),
    sa.Index('idx_deployments_branch', 'branch'),
    sa.Index('idx_deployments_commit_sha', 'commitSha'),
)
