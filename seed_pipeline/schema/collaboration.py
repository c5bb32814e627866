"""Comments, notes, todo lists and the inbox."""

import sqlalchemy as sa

from seed_pipeline.schema.types import NOW, ON_UPDATE_NOW, Timestamp, enum, metadata, polymorphic, polymorphic_refs, refers_to


comments = sa.Table(
    'comments',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('commentable_type', sa.String(50), nullable=False),
    sa.Column('commentable_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', name='comments_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('is_resolved', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('resolved_at', Timestamp()),
    sa.Column('resolved_by', sa.Integer(), sa.ForeignKey('users.id', name='comments_resolved_by_users_id_fk', ondelete='SET NULL')),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_commentable', 'commentable_type', 'commentable_id'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_is_resolved', 'is_resolved'),
    sa.Index('idx_created_at', 'created_at'),
    info=polymorphic_refs(polymorphic('commentable_type', 'commentable_id', {'client': 'clients', 'vendor': 'vendors', 'order': 'orders', 'batch': 'batches', 'invoice': 'invoices', 'product': 'products', 'calendar_event': 'calendar_events'})),
)


comment_mentions = sa.Table(
    'comment_mentions',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('comment_id', sa.Integer(), sa.ForeignKey('comments.id', name='comment_mentions_comment_id_comments_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('mentioned_user_id', sa.Integer(), sa.ForeignKey('users.id', name='comment_mentions_mentioned_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('mentioned_by_user_id', sa.Integer(), sa.ForeignKey('users.id', name='comment_mentions_mentioned_by_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('comment_id', 'mentioned_user_id', name='unique_mention'),
    sa.Index('idx_mentioned_user_id', 'mentioned_user_id'),
    sa.Index('idx_comment_id', 'comment_id'),
)


freeform_notes = sa.Table(
    'freeform_notes',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='freeform_notes_userId_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('title', sa.String(500), nullable=False, server_default=sa.text("'Untitled Note'")),
    sa.Column('content', sa.JSON()),
    sa.Column('templateType', sa.String(100)),
    sa.Column('tags', sa.JSON()),
    sa.Column('isPinned', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('isArchived', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('sharedWith', sa.JSON()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Column('lastViewedAt', Timestamp()),
)


note_comments = sa.Table(
    'note_comments',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('noteId', sa.Integer(), sa.ForeignKey('freeform_notes.id', name='note_comments_noteId_freeform_notes_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='note_comments_userId_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('parentCommentId', sa.Integer(), info=refers_to('note_comments')),
    sa.Column('isResolved', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
)


note_activity = sa.Table(
    'note_activity',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('noteId', sa.Integer(), sa.ForeignKey('freeform_notes.id', name='note_activity_noteId_freeform_notes_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='note_activity_userId_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('activityType', enum('note_activity', 'activityType', 'CREATED', 'UPDATED', 'COMMENTED', 'SHARED', 'ARCHIVED', 'RESTORED', 'PINNED', 'UNPINNED', 'TEMPLATE_APPLIED'), nullable=False),
    sa.Column('metadata', sa.JSON()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
)


scratch_pad_notes = sa.Table(
    'scratch_pad_notes',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('userId', sa.Integer(), sa.ForeignKey('users.id', name='scratch_pad_notes_userId_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('isCompleted', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('createdAt', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updatedAt', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Column('completedAt', Timestamp()),
)


todo_lists = sa.Table(
    'todo_lists',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('name', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('owner_id', sa.Integer(), sa.ForeignKey('users.id', name='todo_lists_owner_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('is_shared', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_owner_id', 'owner_id'),
    sa.Index('idx_is_shared', 'is_shared'),
)


todo_list_members = sa.Table(
    'todo_list_members',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('list_id', sa.Integer(), sa.ForeignKey('todo_lists.id', name='todo_list_members_list_id_todo_lists_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', name='todo_list_members_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('role', enum('todo_list_members', 'role', 'owner', 'editor', 'viewer'), nullable=False, server_default=sa.text("'editor'")),
    sa.Column('added_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('added_by', sa.Integer(), sa.ForeignKey('users.id', name='todo_list_members_added_by_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.UniqueConstraint('list_id', 'user_id', name='unique_list_member'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_list_id', 'list_id'),
)


todo_tasks = sa.Table(
    'todo_tasks',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('list_id', sa.Integer(), sa.ForeignKey('todo_lists.id', name='todo_tasks_list_id_todo_lists_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('title', sa.String(500), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('status', enum('todo_tasks', 'status', 'todo', 'in_progress', 'done'), nullable=False, server_default=sa.text("'todo'")),
    sa.Column('priority', enum('todo_tasks', 'priority', 'low', 'medium', 'high', 'urgent'), server_default=sa.text("'medium'")),
    sa.Column('due_date', Timestamp()),
    sa.Column('assigned_to', sa.Integer(), sa.ForeignKey('users.id', name='todo_tasks_assigned_to_users_id_fk', ondelete='SET NULL')),
    sa.Column('created_by', sa.Integer(), sa.ForeignKey('users.id', name='todo_tasks_created_by_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False, server_default=sa.text('0')),
    sa.Column('is_completed', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('completed_at', Timestamp()),
    sa.Column('completed_by', sa.Integer(), sa.ForeignKey('users.id', name='todo_tasks_completed_by_users_id_fk', ondelete='SET NULL')),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
    sa.Index('idx_list_id', 'list_id'),
    sa.Index('idx_assigned_to', 'assigned_to'),
    sa.Index('idx_status', 'status'),
    sa.Index('idx_due_date', 'due_date'),
    sa.Index('idx_created_by', 'created_by'),
)


todo_task_activity = sa.Table(
    'todo_task_activity',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('task_id', sa.Integer(), sa.ForeignKey('todo_tasks.id', name='todo_task_activity_task_id_todo_tasks_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', name='todo_task_activity_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
    sa.Column('action', enum('todo_task_activity', 'action', 'created', 'updated', 'status_changed', 'assigned', 'completed', 'deleted'), nullable=False),
    sa.Column('field_changed', sa.String(100)),
    sa.Column('old_value', sa.Text()),
    sa.Column('new_value', sa.Text()),
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_task_id', 'task_id'),
    sa.Index('idx_user_id', 'user_id'),
    sa.Index('idx_created_at', 'created_at'),
)


inbox_items = sa.Table(
    'inbox_items',
    metadata,
    sa.Column('id', sa.Integer(), primary_key=True),
    sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', name='inbox_items_user_id_users_id_fk', ondelete='CASCADE'), nullable=False),
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
    sa.Column('created_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('updated_at', Timestamp(), nullable=False, server_default=NOW, info=ON_UPDATE_NOW),
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
