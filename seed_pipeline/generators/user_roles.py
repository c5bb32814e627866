"""Each user's role, assigned when the account was created."""

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by, jobs_of


@generates("user_roles")
def generate(ctx, parents):
    users, role_id = parents["users"], ids_by(parents["roles"], "name")
    return table_frame(ctx, {
        "user_id": users["openId"],
        "role_id": [role_id[job] for job in jobs_of(users)],
        "created_at": users["createdAt"],
    })
