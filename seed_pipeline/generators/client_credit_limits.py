"""Each client's credit limit on file, as the engine's last recalculation (on the end date) left it.

The limit on file is the one the audit log last set; exposure is what the client owed that
morning. Utilisation is kept within the column's range (999.99%): the engine's formula gives
clients who buy on long terms limits well under what they owe.
"""

import numpy as np

from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import real_ids
from seed_pipeline.generators._credit import credit_of
from seed_pipeline.generators._frame import table_frame

MAX_PERCENT = 999.99  # DECIMAL(5,2)


@generates("client_credit_limits")
def generate(ctx, parents):
    calc = credit_of(ctx).calculations
    first = calc.groupby("client")["at"].min()
    last = calc.sort_values("at").groupby("client").tail(1).sort_values("client")
    return table_frame(ctx, {
        "client_id": real_ids(parents["clients"], last["client"]),
        "credit_limit": last["limit"].round(2),
        "current_exposure": last["exposure"].round(2),
        "utilization_percent": np.minimum(last["utilization"], MAX_PERCENT),
        "credit_health_score": last["health"].round(2),
        "base_capacity": last["baseCapacity"].round(2),
        "risk_modifier": last["riskModifier"],
        "directional_factor": last["directionalFactor"],
        "mode": last["mode"],
        "confidence_score": last["confidence"],
        "data_readiness": last["dataReadiness"],
        "trend": last["trend"],
        "last_calculated": last["at"],
        "created_at": first.reindex(last["client"]).to_numpy(),
        "updated_at": last["at"],
    })
