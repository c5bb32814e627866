"""Each person's dashboard: their job's preset (``activity.team.SCREENS``) with its widgets in order,
the other widgets TERP knows listed hidden, set up in their first days."""

import numpy as np

from seed_pipeline.business.activity.team import SCREENS, WIDGET_SETTINGS, WIDGETS, team
from seed_pipeline.contract.activity import WIDGET_CONFIG
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._activity import set_up_moments
from seed_pipeline.generators._frame import table_frame


def widget_config(widgets: tuple[str, ...]) -> list[dict]:
    shown = [{"id": w, "isVisible": True, "order": i, "settings": WIDGET_SETTINGS.get(w)} for i, w in enumerate(widgets, 1)]
    hidden = [{"id": w, "isVisible": False, "order": len(widgets) + i}
              for i, w in enumerate((w for w in WIDGETS if w not in widgets), 1)]
    return shown + hidden


@generates("userDashboardPreferences")
def generate(ctx, parents):
    users = parents["users"]
    crew = team(users)
    screens = [SCREENS[job] for job in crew["job"]]
    at = set_up_moments(ctx, users, np.arange(len(users)))
    return table_frame(ctx, {
        "userId": crew["id"], "activeLayout": [s.layout for s in screens],
        "widgetConfig": WIDGET_CONFIG.values(widget_config(s.widgets) for s in screens),
        "createdAt": at, "updatedAt": at,
    })
