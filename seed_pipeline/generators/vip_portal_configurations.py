"""What each portal client sees: modules after TERP's templates, their feature switches and options
(``business/catalogue/portal.py``), set when the portal was opened to the client."""

import numpy as np

from seed_pipeline.business.catalogue.portal import TEMPLATES, advanced, enabled_at, features, modules
from seed_pipeline.contract.catalogue import PORTAL_FEATURES, PORTAL_OPTIONS
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame

REGULAR_TEMPLATES = {"FINANCIAL_ONLY": 0.6, "BASIC": 0.4}
REGULAR_LIVE_CATALOG_SHARE = 0.5


@generates("vip_portal_configurations")
def generate(ctx, parents):
    h, rng, clients = history(ctx), ctx.rng, parents["clients"]
    on = np.flatnonzero(clients["vip_portal_enabled"].astype(bool).to_numpy())
    whale, seller = h.clients["whale"].to_numpy()[on], h.clients["is_seller"].to_numpy()[on]
    template = rng.choice(list(REGULAR_TEMPLATES), len(on), p=list(REGULAR_TEMPLATES.values()))
    live = whale | (rng.random(len(on)) < REGULAR_LIVE_CATALOG_SHARE)
    switches = [modules(w, s, t) for w, s, t in zip(whale, seller, template)]
    at = enabled_at(ctx.settings, clients.iloc[on])
    return table_frame(ctx, {
        "client_id": clients["id"].to_numpy()[on],
        **{f"module_{m}_enabled": [s[m] for s in switches] for m in TEMPLATES["FULL_ACCESS"]},
        "module_live_catalog_enabled": live,
        "features_config": PORTAL_FEATURES.values([features(s, w, lv) for s, w, lv in zip(switches, whale, live)]),
        "advanced_options": PORTAL_OPTIONS.values([advanced(w, rng) for w in whale]),
        "created_at": at,
        "updated_at": at,
    })
