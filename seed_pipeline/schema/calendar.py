"""The shared calendar: events, people, reminders, recurrence."""

import sqlalchemy as sa

from seed_pipeline.schema.types import (
    NOW, Timestamp, created, enum, foreign, polymorphic, polymorphic_refs, serial, table, updated,
)


calendar_events = table(
    'calendar_events',
    serial(),
    sa.Column('title', sa.String(255), nullable=False),
    sa.Column('description', sa.Text()),
    sa.Column('location', sa.String(500)),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(8)),
    sa.Column('end_time', sa.String(8)),
    sa.Column('timezone', sa.String(50)),
    sa.Column('is_floating_time', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('module', enum('calendar_events', 'module', 'INVENTORY', 'ACCOUNTING', 'CLIENTS', 'VENDORS', 'ORDERS', 'SAMPLES', 'COMPLIANCE', 'GENERAL'), nullable=False),
    sa.Column('event_type', enum('calendar_events', 'event_type', 'MEETING', 'DEADLINE', 'TASK', 'DELIVERY', 'PAYMENT_DUE', 'FOLLOW_UP', 'AUDIT', 'INTAKE', 'PHOTOGRAPHY', 'BATCH_EXPIRATION', 'RECURRING_ORDER', 'SAMPLE_REQUEST', 'OTHER', 'AR_COLLECTION', 'AP_PAYMENT'), nullable=False),
    sa.Column('status', enum('calendar_events', 'status', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'), nullable=False, server_default=sa.text("'SCHEDULED'")),
    sa.Column('priority', enum('calendar_events', 'priority', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'), nullable=False, server_default=sa.text("'MEDIUM'")),
    sa.Column('is_recurring', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('entity_type', sa.String(50)),
    sa.Column('entity_id', sa.Integer()),
    foreign('client_id', 'clients', ondelete='SET NULL'),
    foreign('vendor_id', 'vendors', ondelete='SET NULL'),
    sa.Column('metadata', sa.JSON()),
    foreign('created_by', 'users', nullable=False),
    foreign('assigned_to', 'users'),
    sa.Column('visibility', enum('calendar_events', 'visibility', 'PRIVATE', 'TEAM', 'COMPANY', 'PUBLIC'), nullable=False, server_default=sa.text("'COMPANY'")),
    sa.Column('is_auto_generated', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('auto_generation_rule', sa.String(100)),
    created('created_at'),
    updated('updated_at'),
    sa.Column('deleted_at', Timestamp()),
    sa.Index('idx_calendar_date_range', 'start_date', 'end_date'),
    sa.Index('idx_calendar_module', 'module'),
    sa.Index('idx_calendar_entity', 'entity_type', 'entity_id'),
    sa.Index('idx_calendar_assigned', 'assigned_to'),
    sa.Index('idx_calendar_status', 'status'),
    sa.Index('idx_calendar_created_by', 'created_by'),
    sa.Index('idx_calendar_events_client_id', 'client_id'),
    sa.Index('idx_calendar_events_vendor_id', 'vendor_id'),
    info=polymorphic_refs(polymorphic('entity_type', 'entity_id', {'client': 'clients', 'vendor': 'vendors', 'order': 'orders', 'batch': 'batches', 'invoice': 'invoices', 'lot': 'lots', 'sales_sheet': 'sales_sheet_history'})),
)


calendar_event_participants = table(
    'calendar_event_participants',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('role', enum('calendar_event_participants', 'role', 'ORGANIZER', 'REQUIRED', 'OPTIONAL', 'OBSERVER'), nullable=False, server_default=sa.text("'REQUIRED'")),
    sa.Column('response_status', enum('calendar_event_participants', 'response_status', 'PENDING', 'ACCEPTED', 'DECLINED', 'TENTATIVE'), nullable=False, server_default=sa.text("'PENDING'")),
    sa.Column('responded_at', Timestamp()),
    sa.Column('notify_on_creation', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('notify_on_update', sa.Boolean(), nullable=False, server_default=sa.true()),
    foreign('added_by', 'users', nullable=False),
    sa.Column('added_at', Timestamp(), nullable=False, server_default=NOW),
    sa.UniqueConstraint('event_id', 'user_id', name='idx_participant_event_user'),
    sa.Index('idx_participant_user', 'user_id'),
)


calendar_event_invitations = table(
    'calendar_event_invitations',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('invitee_type', enum('calendar_event_invitations', 'invitee_type', 'USER', 'CLIENT', 'EXTERNAL'), nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE'),
    foreign('client_id', 'clients', ondelete='CASCADE'),
    sa.Column('external_email', sa.String(320)),
    sa.Column('external_name', sa.String(255)),
    sa.Column('role', enum('calendar_event_invitations', 'role', 'ORGANIZER', 'REQUIRED', 'OPTIONAL', 'OBSERVER'), nullable=False, server_default=sa.text("'REQUIRED'")),
    sa.Column('message', sa.Text()),
    sa.Column('status', enum('calendar_event_invitations', 'status', 'DRAFT', 'PENDING', 'ACCEPTED', 'DECLINED', 'AUTO_ACCEPTED', 'CANCELLED', 'EXPIRED'), nullable=False, server_default=sa.text("'DRAFT'")),
    sa.Column('auto_accept', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('auto_accept_reason', sa.String(255)),
    sa.Column('admin_override', sa.Boolean(), nullable=False, server_default=sa.false()),
    foreign('overridden_by', 'users'),
    sa.Column('override_reason', sa.Text()),
    sa.Column('overridden_at', Timestamp()),
    sa.Column('sent_at', Timestamp()),
    sa.Column('responded_at', Timestamp()),
    sa.Column('expires_at', Timestamp()),
    foreign('created_by', 'users', nullable=False),
    created('created_at'),
    updated('updated_at'),
    foreign('participant_id', 'calendar_event_participants', ondelete='SET NULL', fk_name='calendar_event_invitations_participant_id_calendar_9ce7c492_fk'),
    sa.UniqueConstraint('event_id', 'invitee_type', 'user_id', 'client_id', 'external_email', name='idx_unique_invitation'),
    sa.Index('idx_invitation_event', 'event_id'),
    sa.Index('idx_invitation_user', 'user_id'),
    sa.Index('idx_invitation_client', 'client_id'),
    sa.Index('idx_invitation_status', 'status'),
    sa.Index('idx_invitation_created_by', 'created_by'),
)


calendar_invitation_history = table(
    'calendar_invitation_history',
    serial(),
    foreign('invitation_id', 'calendar_event_invitations', ondelete='CASCADE', fk_name='calendar_invitation_history_invitation_id_calendar_5d8af92f_fk', nullable=False),
    sa.Column('action', enum('calendar_invitation_history', 'action', 'CREATED', 'SENT', 'ACCEPTED', 'DECLINED', 'AUTO_ACCEPTED', 'CANCELLED', 'EXPIRED', 'ADMIN_OVERRIDE', 'RESENT'), nullable=False),
    foreign('performed_by', 'users'),
    sa.Column('performed_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('notes', sa.Text()),
    sa.Column('metadata', sa.JSON()),
    sa.Index('idx_history_invitation', 'invitation_id'),
    sa.Index('idx_history_performed_by', 'performed_by'),
)


calendar_invitation_settings = table(
    'calendar_invitation_settings',
    serial(),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('auto_accept_all', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('auto_accept_from_organizers', sa.JSON()),
    sa.Column('auto_accept_by_event_type', sa.JSON()),
    sa.Column('auto_accept_by_module', sa.JSON()),
    sa.Column('notify_on_invitation', sa.Boolean(), nullable=False, server_default=sa.true()),
    sa.Column('notify_on_auto_accept', sa.Boolean(), nullable=False, server_default=sa.true()),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('user_id'),
)


calendar_reminders = table(
    'calendar_reminders',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('reminder_time', Timestamp(), nullable=False),
    sa.Column('relative_minutes', sa.Integer()),
    sa.Column('method', enum('calendar_reminders', 'method', 'IN_APP', 'EMAIL', 'BOTH'), nullable=False, server_default=sa.text("'IN_APP'")),
    sa.Column('status', enum('calendar_reminders', 'status', 'PENDING', 'SENT', 'FAILED', 'CANCELLED'), nullable=False, server_default=sa.text("'PENDING'")),
    sa.Column('sent_at', Timestamp()),
    sa.Column('failure_reason', sa.String(500)),
    created('created_at'),
    sa.Index('idx_reminder_time', 'reminder_time', 'status'),
    sa.Index('idx_reminder_event', 'event_id'),
    sa.Index('idx_reminder_user', 'user_id'),
)


calendar_event_history = table(
    'calendar_event_history',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('change_type', enum('calendar_event_history', 'change_type', 'CREATED', 'UPDATED', 'DELETED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED'), nullable=False),
    foreign('changed_by', 'users', nullable=False),
    sa.Column('changed_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('field_changed', sa.String(100)),
    sa.Column('previous_value', sa.Text()),
    sa.Column('new_value', sa.Text()),
    sa.Column('change_reason', sa.Text()),
    sa.Column('full_snapshot', sa.JSON()),
    sa.Index('idx_history_event', 'event_id'),
    sa.Index('idx_history_changed_at', 'changed_at'),
)


calendar_event_attachments = table(
    'calendar_event_attachments',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('filename', sa.String(255), nullable=False),
    sa.Column('original_filename', sa.String(255), nullable=False),
    sa.Column('url', sa.String(1000), nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(100), nullable=False),
    foreign('uploaded_by', 'users', nullable=False),
    sa.Column('uploaded_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_attachment_event', 'event_id'),
)


calendar_event_permissions = table(
    'calendar_event_permissions',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('grant_type', enum('calendar_event_permissions', 'grant_type', 'USER', 'ROLE', 'TEAM'), nullable=False),
    sa.Column('grantee_id', sa.Integer(), nullable=False),
    sa.Column('permission', enum('calendar_event_permissions', 'permission', 'VIEW', 'EDIT', 'DELETE', 'MANAGE'), nullable=False),
    foreign('granted_by', 'users', nullable=False),
    sa.Column('granted_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Index('idx_permission_event_grantee', 'event_id', 'grant_type', 'grantee_id'),
    info=polymorphic_refs(polymorphic('grant_type', 'grantee_id', {'USER': 'users', 'ROLE': 'roles', 'TEAM': None})),
)


calendar_recurrence_rules = table(
    'calendar_recurrence_rules',
    serial(),
    foreign('event_id', 'calendar_events', ondelete='CASCADE', nullable=False),
    sa.Column('frequency', enum('calendar_recurrence_rules', 'frequency', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'), nullable=False),
    sa.Column('interval', sa.Integer(), nullable=False, server_default=sa.text('1')),
    sa.Column('by_day', sa.JSON()),
    sa.Column('by_month_day', sa.JSON()),
    sa.Column('by_week_of_month', sa.JSON()),
    sa.Column('by_day_of_week_in_month', sa.JSON()),
    sa.Column('by_month', sa.JSON()),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date()),
    sa.Column('count', sa.Integer()),
    sa.Column('exception_dates', sa.JSON(), server_default=sa.text("('[]')")),
    created('created_at'),
    updated('updated_at'),
    sa.UniqueConstraint('event_id'),
    sa.Index('idx_recurrence_event', 'event_id'),
)


calendar_recurrence_instances = table(
    'calendar_recurrence_instances',
    serial(),
    foreign('parent_event_id', 'calendar_events', ondelete='CASCADE', fk_name='calendar_recurrence_instances_parent_event_id_cale_2cf6e173_fk', nullable=False),
    sa.Column('instance_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.String(8)),
    sa.Column('end_time', sa.String(8)),
    sa.Column('timezone', sa.String(50)),
    sa.Column('status', enum('calendar_recurrence_instances', 'status', 'GENERATED', 'MODIFIED', 'CANCELLED'), nullable=False, server_default=sa.text("'GENERATED'")),
    sa.Column('modified_title', sa.String(255)),
    sa.Column('modified_description', sa.Text()),
    sa.Column('modified_location', sa.String(500)),
    foreign('modified_assigned_to', 'users'),
    sa.Column('generated_at', Timestamp(), nullable=False, server_default=NOW),
    sa.Column('modified_at', Timestamp()),
    foreign('modified_by', 'users'),
    sa.Index('idx_instance_parent_date', 'parent_event_id', 'instance_date'),
    sa.Index('idx_instance_date_range', 'instance_date', 'start_time'),
    sa.Index('idx_instance_status', 'status'),
)


calendar_views = table(
    'calendar_views',
    serial(),
    foreign('user_id', 'users', ondelete='CASCADE', nullable=False),
    sa.Column('name', sa.String(100), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('default_view_type', enum('calendar_views', 'default_view_type', 'MONTH', 'WEEK', 'DAY', 'AGENDA'), nullable=False, server_default=sa.text("'MONTH'")),
    created('created_at'),
    updated('updated_at'),
    sa.Index('idx_view_user', 'user_id'),
    sa.Index('idx_view_user_default', 'user_id', 'is_default'),
)
