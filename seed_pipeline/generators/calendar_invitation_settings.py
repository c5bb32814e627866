"""Each person's invitation settings: invitations from their lead and to their job's routine events
and modules are accepted automatically (``activity.team.auto_accepts``)."""

import numpy as np

from seed_pipeline.business.activity.team import AUTO_ACCEPT_MODULES, AUTO_ACCEPT_TYPES, team
from seed_pipeline.contract.activity import BY_EVENT_TYPE, BY_MODULE, FROM_ORGANIZERS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._activity import set_up_moments
from seed_pipeline.generators._frame import table_frame


@generates("calendar_invitation_settings")
def generate(ctx, parents):
    users = parents["users"]
    crew = team(users)
    at = set_up_moments(ctx, users, np.arange(len(users)))
    return table_frame(ctx, {
        "user_id": crew["id"], "auto_accept_all": np.zeros(len(crew), bool),
        "auto_accept_from_organizers": FROM_ORGANIZERS.values([int(lead)] if lead else [] for lead in crew["lead"]),
        "auto_accept_by_event_type": BY_EVENT_TYPE.values(list(AUTO_ACCEPT_TYPES.get(j, ())) for j in crew["job"]),
        "auto_accept_by_module": BY_MODULE.values(list(AUTO_ACCEPT_MODULES.get(j, ())) for j in crew["job"]),
        "notify_on_invitation": np.ones(len(crew), bool), "notify_on_auto_accept": crew["admin"].to_numpy(),
        "created_at": at, "updated_at": at,
    })
