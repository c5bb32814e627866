"""Named strains with type, normalised name and lineage (numbered cuts point at their parent strain)."""

from seed_pipeline.generation.pools import hex_strings
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._core import history
from seed_pipeline.generators._frame import table_frame


@generates("strains")
def generate(ctx, parents):
    s = history(ctx).strains
    n = len(s)
    ids = hex_strings(ctx.rng, n, 12)
    return table_frame(ctx, {
        **{c: s[c] for c in ("name", "standardizedName", "aliases", "category", "description", "baseStrainName")},
        "openthcId": "openthc-" + ids.astype(object),
        "openthcStub": s["standardizedName"],
        "parentStrainId": s["parentStrainId"],  # local ids: the loader moves self-references with the ids
    })
