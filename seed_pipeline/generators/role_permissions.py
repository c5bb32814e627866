"""The RBAC matrix: each role's permissions, by the real ids of both parents."""

from seed_pipeline.business.catalog import PERMISSIONS, ROLE_PERMISSIONS, ROLES
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import ids_by


@generates("role_permissions")
def generate(ctx, parents):
    role_id, permission_id = ids_by(parents["roles"], "name"), ids_by(parents["permissions"], "name")
    pairs = [(role_id[r.name], permission_id[p.name]) for r in ROLES for p in PERMISSIONS
             if p.name in ROLE_PERMISSIONS[r.name]]
    return table_frame(ctx, {"role_id": [p[0] for p in pairs], "permission_id": [p[1] for p in pairs]})
