"""Which moments the desk rule reads, worked out at test time: ``DESK_MOMENTS`` is built on import, out of a mutant's sight."""

from seed_pipeline.checks import place_time


def test_desk_moments_are_the_datetimes_people_make():
    # a reminder's sent_at is the reminder job's; an invitation's expires_at lies ahead, as its meeting starts
    assert place_time._desk_moments("calendar_reminders") == ("created_at",)
    assert place_time._desk_moments("calendar_event_invitations") == (
        "overridden_at", "sent_at", "responded_at", "created_at", "updated_at")
    # an occurrence's date is a DATE, its generated_at the nightly job's
    assert place_time._desk_moments("calendar_recurrence_instances") == ("modified_at",)
