"""Comments, notes, todo lists and the inbox."""

import sqlalchemy as sa

from seed_pipeline.schema.types import (
    NOW, Timestamp, created, enum, foreign, polymorphic, polymorphic_refs, refers_to, serial, table, updated,
)


comments = table(
    'comments',
    serial(),
    sa.Column('commentable_type', sa.String(50), nullable=False),
    sa.Column('commentable_id', sa.Integer(), nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('is_resolved', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('resolved_at', Timestamp()),
    foreign('resolved_by', 'users', ondelete='SET NULL'),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_commentable', 'commentable_type', 'commentable_id'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_is_resolved', 'is_resolved'),
    sa.Index('idx_created_at', 'created_at'),
    info=polymorphic_refs(polymorphic('commentable_type', 'commentable_id', {'client': 'clients', 'vendor': 'vendors', 'order': 'orders', 'batch': 'batches', 'invoice': 'invoices', 'product': 'products', 'calendar_event': 'calendar_events'})),
)


comment_mentions = table(
    'comment_mentions',
    serial(),
    foreign('comment_id', 'comments', ondelete='CASCADE', nullable=False),
    foreign('mentioned_user_id', 'users', ondelete='CASCADE', nullable=False),
    foreign('mentioned_by_user_id', 'users', ondelete='CASCADE', nullable=False),
    created('created_at'),
    sa.UniqueConstraint('comment_id', 'mentioned_user_id', name='unique_mention'),
    sa.Index('idx_mentioned_user_id', 'mentioned_user_id'),
    sa.Index('idx_comment_id', 'comment_id'),
)


freeform_notes = table(
    'freeform_notes',
    serial(),
    foreign('userId', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('title', sa.String(500), nullable=False, server_default=sa.text("'Untitled Note'")),
    sa.Column('content', sa.JSON()),
    sa.Column('templateType', sa.String(100)),
    sa.Column('tags', sa.JSON()),
    sa.Column('isPinned', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('isArchived', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('sharedWith', sa.JSON()),
    created('createdAt'),
    updated('updatedAt'),
    sa.Column('lastViewedAt', Timestamp()),
)


note_comments = table(
    'note_comments',
    serial(),
    foreign('noteId', 'freeform_notes', ondelete='CASCADE', nullable=False),
    foreign('userId', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('parentCommentId', sa.Integer(), info=refers_to('note_comments')),
    sa.Column('isResolved', sa.Boolean(), nullable=False, server_default=sa.false()),
    created('createdAt'),
    updated('updatedAt'),
)


note_activity = table(
    'note_activity',
    serial(),
    foreign('noteId', 'freeform_notes', ondelete='CASCADE', nullable=False),
    foreign('userId', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('activityType', enum('note_activity', 'activityType', 'CREATED', 'UPDATED', 'COMMENTED', 'SHARED', 'ARCHIVED', 'RESTORED', 'PINNED', 'UNPINNED', 'TEMPLATE_APPLIED'), nullable=False),
    sa.Column('metadata', sa.JSON()),
    created('createdAt'),
)


scratch_pad_notes = table(
    'scratch_pad_notes',
    serial(),
    foreign('userId', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('isCompleted', sa.Boolean(), nullable=False, server_default=sa.false()),
    created('createdAt'),
    updated('updatedAt'),
    sa.Column('completedAt', Timestamp()),
)


todo_lists = table(
    'todo_lists',
    serial(),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    foreign('owner_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('is_shared', sa.Boolean(), nullable=False, server_default=sa.false()),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_owner_id', 'owner_id'),
    sa.Index('idx_is_shared', 'is_shared'),
)


todo_list_members = table(
    'todo_list_members',
    serial(),
    foreign('list_id', 'todo_lists', ondelete='CASCADE', nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('role', enum('todo_list_members', 'role', 'owner', 'editor', 'viewer'), nullable=False, server_default=sa.text("'editor'")),
    sa.Column('added_at', Timestamp(), nullable=False, server_default=NOW),
    foreign('added_by', 'users', ondelete='CASCADE', nullable=False),
    sa.UniqueConstraint('list_id', 'user_id', name='unique_list_member'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_list_id', 'list_id'),
)


todo_tasks = table(
    'todo_tasks',
    serial(),
    foreign('list_id', 'todo_lists', ondelete='CASCADE', nullable=False),
    sa.Column('title', sa.String(500), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('status', enum('todo_tasks', 'status', 'todo', 'in_progress', 'done'), nullable=False, server_default=sa.text("'todo'")),
    sa.Column('priority', enum('todo_tasks', 'priority', 'low', 'medium', 'high', 'urgent'), server_default=sa.text("'medium'")),
    sa.Column('due_date', Timestamp()),
    foreign('assigned_to', 'users', ondelete='SET NULL'),
    foreign('created_by', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('position', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('is_completed', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('completed_at', Timestamp()),
    foreign('completed_by', 'users', ondelete='SET NULL'),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_list_id', 'list_id'),
    sa.Index('idx_assigned_to', 'assigned_to'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_due_date', 'due_date'),
    sa.Index('idx_created_by', 'created_by'),
)


todo_task_activity = table(
    'todo_task_activity',
    serial(),
    foreign('task_id', 'todo_tasks', ondelete='CASCADE', nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('action', enum('todo_task_activity', 'action', 'created', 'updated', 'status_changed', 'assigned', 'completed', 'deleted'), nullable=False),
    sa.Column('field_changed', sa.String(100)),
    sa.Column('old_value', sa.Text()),
    sa.Column('new_value', sa.Text()),
    created('created_at'),
    sa.Index('idx_task_id', 'task_id'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_created_at', 'created_at'),
)


inbox_items = table(
    'inbox_items',
    serial(),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('source_type', enum('inbox_items', 'source_type', 'mention', 'task_assignment', 'task_update'), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('reference_type', sa.String(50), nullable=False),
    sa.Column('reference_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(500), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('status', enum('inbox_items', 'status', 'unread', 'seen', 'completed'), nullable=False, server_default=sa.text("'unread'")),
    sa.Column('seen_at', Timestamp()),
    sa.Column('completed_at', Timestamp()),
    sa.Column('is_archived', sa.Boolean(), nullable=False, server_default=sa.false()),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_source', 'source_type', 'source_id'),
    sa.Index('idx_reference', 'reference_type', 'reference_id'),
    sa.Index('idx_created_at', 'created_at'),
    sa.Index('idx_is_archived', 'is_archived'),
    # As TERP writes them (server/routers/comments.ts, todoTasks.ts): a mention's source is the comment and
    # its reference the commented record; a task's source and reference are the task.
    info=polymorphic_refs(polymorphic('source_type', 'source_id', {'mention': 'comments', 'task_assignment': 'todo_tasks', 'task_update': 'todo_tasks'}), polymorphic('reference_type', 'reference_id', {'client': 'clients', 'vendor': 'vendors', 'order': 'orders', 'batch': 'batches', 'invoice': 'invoices', 'product': 'products', 'calendar_event': 'calendar_events', 'task': 'todo_tasks'})),
)
