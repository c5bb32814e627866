"""Credit limits recalculated monthly from the signals, and the audit log of every change to them.

The limit follows TERP's engine (``server/creditEngine.ts``): a health score weighting the six
signals by the app's default settings, a base capacity from what the client spends and its
margin, a small push by the signals' trends, clamped to the global bounds. The limit on file is
changed only when a recalculation moves it by more than 10% (the engine's threshold for logging a
change), so the audit log holds every change: the first calculation, then each increase or
decrease from the limit on file to the new one. Switching from learning to active mode, and
exposure above the limit, are logged too.
"""

import numpy as np
import pandas as pd

from seed_pipeline.business.credit.signals import SIGNALS, TRENDS

# credit_system_settings as the app creates it (the schema's defaults), which the seed keeps
WEIGHTS = {"revenueMomentum": 20, "cashCollectionStrength": 25, "profitabilityQuality": 20, "debtAgingRisk": 15,
           "repaymentVelocity": 10, "tenureDepth": 10}
LEARNING_MONTHS, MIN_INVOICES = 3, 15
DIRECTIONAL_SENSITIVITY = 0.1
REVENUE_MULTIPLIER, MARGIN_MULTIPLIER = 2.0, 2.5
MIN_LIMIT, MAX_LIMIT = 1_000.0, 1_000_000.0
LOGGED_CHANGE = 0.10  # a recalculation moving the limit by more than this changes it
SIGNAL_NAMES = {"revenueMomentum": "revenue growth", "cashCollectionStrength": "payment speed",
                "profitabilityQuality": "profit margins", "debtAgingRisk": "debt management",
                "repaymentVelocity": "repayment rate", "tenureDepth": "relationship history"}


def calculate(sig: pd.DataFrame) -> pd.DataFrame:
    """The engine's result for every (client, day) row of signals: the limit it computes and its inputs."""
    out = sig.copy()
    out["health"] = sum(out[k] * w for k, w in WEIGHTS.items()) / 100
    monthly = out["totalSpent"] / 12
    out["baseCapacity"] = np.minimum(REVENUE_MULTIPLIER * monthly, monthly * out["avgMargin"] / 100 * MARGIN_MULTIPLIER)
    out["riskModifier"] = (out["health"] / 100).round(4)
    out["directionalFactor"] = (1 + out[list(TRENDS)].mean(axis=1) * DIRECTIONAL_SENSITIVITY).round(4)
    raw = out["baseCapacity"] * out["health"] / 100 * out["directionalFactor"]
    out["computed"] = raw.clip(MIN_LIMIT, MAX_LIMIT).round(2)
    active = (out["months"] >= LEARNING_MONTHS) & (out["invoices"] >= MIN_INVOICES)
    out["mode"] = np.where(active, "ACTIVE", "LEARNING")
    out["dataReadiness"] = np.minimum(100, out["invoices"] / MIN_INVOICES * 100).round(2)
    out["confidence"] = np.where(active, out["dataReadiness"], out["dataReadiness"] * 0.7).round(2)
    avg_trend = out[list(TRENDS)].mean(axis=1)
    out["trend"] = np.select([avg_trend > 0.3, avg_trend < -0.3], ["IMPROVING", "WORSENING"], "STABLE")
    out["explanation"] = _explanations(out)
    return out


def _explanations(out: pd.DataFrame) -> list[str]:
    """The engine's plain-English explanation: mode, health, the strongest and the weakest signal."""
    values = out[list(SIGNALS)].to_numpy()
    strongest = np.array(SIGNALS)[values.argmax(axis=1)]
    weakest = np.array(SIGNALS)[values.argmin(axis=1)]
    texts = []
    for mode, health, s, w, row in zip(out["mode"], out["health"], strongest, weakest, values):
        lead = "This client is in learning mode with limited transaction history. " if mode == "LEARNING" else ""
        texts.append(f"{lead}Credit health score: {round(health)}/100. "
                     f"Strongest: {SIGNAL_NAMES[s]} ({round(row.max())}/100). "
                     f"Needs improvement: {SIGNAL_NAMES[w]} ({round(row.min())}/100).")
    return texts


def limits_on_file(calc: pd.DataFrame) -> pd.Series:
    """The limit on file after each calculation: the first one, then only moves of more than 10%."""
    on_file = np.empty(len(calc))
    for _, rows in calc.groupby("client", sort=False).indices.items():
        held = np.nan
        for i in rows:
            new = calc["computed"].iat[i]
            if np.isnan(held) or abs(new - held) > LOGGED_CHANGE * held:
                held = new
            on_file[i] = held
    return pd.Series(on_file, index=calc.index)


def audit_log(calc: pd.DataFrame) -> pd.DataFrame:
    """Every change of the limit on file, mode switches and first breaches of the limit, in time order."""
    calc = calc.sort_values(["client", "day"], kind="stable")
    by = calc.groupby("client", sort=False)
    before = by["limit"].shift()
    first = before.isna()
    moved = ~first & (calc["limit"] != before)
    pct = 100 * (calc["limit"] - before) / before
    limit_events = pd.DataFrame({
        "client": calc["client"], "day": calc["day"],
        "event": np.select([first, calc["limit"] > before], ["LIMIT_CALCULATED", "LIMIT_INCREASED"], "LIMIT_DECREASED"),
        "old": before, "new": calc["limit"], "pct": pct.where(pct.abs() < 1000).round(2),
        "reason": np.where(first, "Initial credit limit calculation", calc["explanation"]), "calc": calc.index})[first | moved]
    switched = (by["mode"].shift() == "LEARNING") & (calc["mode"] == "ACTIVE")
    modes = pd.DataFrame({
        "client": calc["client"], "day": calc["day"], "event": "MODE_CHANGED", "old": np.nan, "new": np.nan, "pct": np.nan,
        "reason": [f"Learning mode ended: {n} invoices over {m} months" for n, m in zip(calc["invoices"], calc["months"])],
        "calc": calc.index})[switched]
    over = calc["exposure"] > calc["limit"]
    breached = over & ~by["exposure"].shift().gt(before).fillna(False).astype(bool)
    breaches = pd.DataFrame({
        "client": calc["client"], "day": calc["day"], "event": "EXPOSURE_EXCEEDED", "old": calc["limit"],
        "new": calc["exposure"].round(2), "pct": np.nan,
        "reason": [f"Open balance ${e:,.2f} is above the credit limit of ${lim:,.2f}" for e, lim in zip(calc["exposure"], calc["limit"])],
        "calc": calc.index})[breached]
    order = {"LIMIT_CALCULATED": 0, "LIMIT_INCREASED": 1, "LIMIT_DECREASED": 1, "MODE_CHANGED": 2, "EXPOSURE_EXCEEDED": 3}
    log = pd.concat([limit_events, modes, breaches], ignore_index=True)
    log = log.assign(rank=log["event"].map(order)).sort_values(["day", "client", "rank"], kind="stable", ignore_index=True)
    return log.drop(columns="rank")


def limits(sig: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every calculation (with the limit on file after it) and the audit log of the changes."""
    calc = calculate(sig)
    calc["limit"] = limits_on_file(calc)
    calc["utilization"] = (100 * calc["exposure"] / calc["limit"]).round(2)
    return calc, audit_log(calc)
