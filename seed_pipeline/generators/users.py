"""The team working in TERP: admins first, then each job's people, with company emails.

The admin creates every account at go-live, a few minutes apart; everyone has signed in
during the last week of the history, as a team using the app daily would have.
"""

from collections import Counter

import numpy as np

from seed_pipeline.business.catalog import ADMIN_ROLE, EMAIL_DOMAIN, LOGIN_METHODS, staff_roles
from seed_pipeline.generation.pools import hex_strings, pools_for
from seed_pipeline.generation.registry import generates
from seed_pipeline.generators._frame import table_frame
from seed_pipeline.generators._system import office_moments

ACCOUNT_GAP_MINUTES = (2, 15)  # between two accounts the admin creates
RECENT_DAYS = 7  # the last sign-in of everyone falls within this many days of the end


def _emails(local_parts: np.ndarray) -> list[str]:
    """Company addresses; namesakes get a number, as a mail admin would give them."""
    seen = Counter()
    addresses = []
    for local in local_parts:
        seen[local] += 1
        addresses.append(f"{local}{seen[local] if seen[local] > 1 else ''}@{EMAIL_DOMAIN}")
    return addresses


@generates("users")
def generate(ctx, parents):
    jobs = np.array(staff_roles(ctx.scenario.users))
    n, rng, pools = len(jobs), ctx.rng, pools_for(ctx.settings.seed)
    person = rng.choice(len(pools.people), size=n, replace=False)
    gaps = np.concatenate([[0], rng.integers(*ACCOUNT_GAP_MINUTES, n - 1) * 60])
    created = np.datetime64(ctx.window.start_ts, "s") + np.cumsum(gaps).astype("timedelta64[s]")
    signed_in = office_moments(ctx, ctx.window.days - 1 - rng.integers(0, min(RECENT_DAYS, ctx.window.days), n))
    return table_frame(ctx, {
        "openId": hex_strings(rng, n, 32),
        "name": pools.people[person],
        "email": _emails(pools.email_users[person]),
        "loginMethod": rng.choice(list(LOGIN_METHODS), size=n, p=list(LOGIN_METHODS.values())),
        "role": np.where(jobs == ADMIN_ROLE, "admin", "user"),
        "createdAt": created,
        "updatedAt": signed_in,  # signing in updates the row
        "lastSignedIn": signed_in,
    })
