"""Dashboard layouts: the default of each TERP role (``userId`` NULL), and each person's own layout
of their job's widgets (what ``dashboardDb.getUserWidgetLayout`` returns before any role default)."""

import numpy as np
import pandas as pd

from seed_pipeline.business.activity.team import SCREENS, WIDGET_SETTINGS, team
from seed_pipeline.contract.activity import LAYOUT_CONFIG
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._activity import set_up_moments
from seed_pipeline.generators._frame import table_frame

ROLE_DEFAULTS = {"admin": SCREENS["Super Admin"].widgets, "user": SCREENS["Warehouse Staff"].widgets}
WIDE = {"sales-by-client", "cash-flow", "sales-comparison"}  # charts that take two columns


@generates("dashboard_widget_layouts")
def generate(ctx, parents):
    users = parents["users"]
    crew = team(users)
    roles = pd.DataFrame([(None, role, w, i) for role, ws in ROLE_DEFAULTS.items() for i, w in enumerate(ws, 1)],
                         columns=["user", "role", "widget", "position"])
    own = pd.DataFrame([(k, None, w, i) for k, job in enumerate(crew["job"]) for i, w in enumerate(SCREENS[job].widgets, 1)],
                       columns=["user", "role", "widget", "position"])
    at_user = set_up_moments(ctx, users, np.arange(len(users)))
    at = np.concatenate([np.full(len(roles), np.datetime64(ctx.window.start_ts, "s")),
                         at_user.to_numpy()[own["user"].to_numpy(dtype=int)]])
    rows = pd.concat([roles, own], ignore_index=True)
    user = [None] * len(roles) + list(crew["id"].to_numpy()[own["user"].to_numpy(dtype=int)])
    return table_frame(ctx, {
        "userId": pd.array(user, dtype="Int64"), "role": rows["role"], "widgetType": rows["widget"],
        "position": rows["position"], "width": [2 if w in WIDE else 1 for w in rows["widget"]],
        "height": [2 if w in WIDE else 1 for w in rows["widget"]], "isVisible": [True] * len(rows),
        "config": LAYOUT_CONFIG.values(WIDGET_SETTINGS.get(w) for w in rows["widget"]),
        "createdAt": at, "updatedAt": at,
    })
