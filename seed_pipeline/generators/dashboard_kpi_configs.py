"""The KPI cards each TERP role sees on the dashboard, as the admin arranged them at go-live.

The KPIs are those ``dashboard.getKpis`` returns (``activity.team.KPIS``); users other than admins
do not see revenue.
"""

from seed_pipeline.business.activity.team import HIDDEN_KPIS, KPIS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame


@generates("dashboard_kpi_configs")
def generate(ctx, parents):
    rows = [(role, kpi, position) for role, kpis in KPIS.items() for position, kpi in enumerate(kpis, start=1)]
    return table_frame(ctx, {
        "role": [r for r, _, _ in rows], "kpiType": [k for _, k, _ in rows], "position": [p for _, _, p in rows],
        "isVisible": [k not in HIDDEN_KPIS.get(r, ()) for r, k, _ in rows],
    })
