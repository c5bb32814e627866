"""The few exceptions to the roles (catalog ``OVERRIDES``), granted to the first holder of each role
once the team had settled in."""

import numpy as np

from seed_pipeline.business.catalog import OVERRIDES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by, jobs_of, office_moments

SETTLING_DAYS = 30  # overrides come during the first month of use


@generates("user_permission_overrides")
def generate(ctx, parents):
    users, permission_id = parents["users"], ids_by(parents["permissions"], "name")
    first_holder = {}
    for open_id, job in zip(users["openId"], jobs_of(users)):
        first_holder.setdefault(job, open_id)
    chosen = [o for o in OVERRIDES if o.role in first_holder]
    days = ctx.rng.uniform(1, max(2, min(SETTLING_DAYS, ctx.window.days)), len(chosen))
    return table_frame(ctx, {
        "user_id": [first_holder[o.role] for o in chosen],
        "permission_id": [permission_id[o.permission] for o in chosen],
        "granted": [int(o.granted) for o in chosen],
        "created_at": np.sort(office_moments(ctx, days)),
    })
