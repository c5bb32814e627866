"""How one column's values are synthesised from its type, name, length, nullability and default.

Each SQL type has a table of name rules, matched in order against the column's snake_case name;
the first match decides. A rule's maker draws all n values at once with the table's rng, so a
table of any size costs a handful of numpy calls. ``typed`` gives every column the frame dtype
the loaders expect, whatever produced its values.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.generation.context import HistoryWindow
from seed_pipeline.generation.pools import VOCAB, Pools, pick
from seed_pipeline.generation.pools import clock_times, codes, colours, decimal_strings, hex_strings
from seed_pipeline.scenarios import Scenario

DAY = 86_400
NULL_SHARE = 0.15  # of a nullable column without a default
RARE_NULL_SHARE = 0.8  # of columns recording exceptional events (deletion, override, failure)
RARE = re.compile(r"deleted|cancel|overrid|failure|error|reset_token|conver|reimbursed")


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def words(*ws: str) -> re.Pattern:
    """A pattern matching any of ``ws`` as a whole word of a snake_case name."""
    return re.compile(r"(?:^|_)(?:%s)(?:_|$)" % "|".join(ws))


def code_prefix(table: str) -> str:
    """INV for invoices, PO for purchaseOrders: initials of a compound name, else its first letters."""
    parts = snake(table).split("_")
    return (parts[0][:3] if len(parts) == 1 else "".join(p[0] for p in parts)).upper()


@dataclass
class Draw:
    """What a column's maker may look at: the table, row anchors and the columns made so far."""

    table: str
    n: int
    rng: np.random.Generator
    pools: Pools
    window: HistoryWindow
    scenario: Scenario
    anchor: np.ndarray  # datetime64[s] per row: when the row came to be
    made: dict[str, pd.Series] = field(default_factory=dict)


@dataclass(frozen=True)
class Spec:
    column: sa.Column
    unique: bool = False

    @cached_property
    def name(self) -> str:
        return snake(self.column.name)

    @property
    def length(self) -> int | None:
        return getattr(self.column.type, "length", None)

    @cached_property
    def default(self) -> str | bool | None:
        """The literal server default, if any (not CURRENT_TIMESTAMP nor an expression)."""
        if self.column.server_default is None:
            return None
        arg = self.column.server_default.arg
        if isinstance(arg, sa.sql.elements.True_ | sa.sql.elements.False_):
            return isinstance(arg, sa.sql.elements.True_)
        text = str(getattr(arg, "text", arg))
        return None if text.startswith("(") or text.upper() == "CURRENT_TIMESTAMP" else text.strip("'")


Maker = Callable[[Draw, Spec], np.ndarray]


# --- numbers -------------------------------------------------------------------------------

DISTRIBUTIONS: dict[str, Callable[[Draw], np.ndarray]] = {  # sane ranges for a cannabis wholesaler
    "quantity": lambda d: np.maximum(0.5, d.rng.lognormal(np.log(10), 0.8, d.n)),  # pounds, units
    "unit_money": lambda d: d.rng.lognormal(np.log(900), 0.5, d.n),  # a price per pound
    "money": lambda d: d.rng.lognormal(np.log(6_000), 1.0, d.n),  # an order, invoice or balance
    "small_money": lambda d: np.where(d.rng.random(d.n) < 0.6, 0.0, d.rng.lognormal(np.log(150), 0.8, d.n)),
    "margin": lambda d: np.clip(d.rng.normal(d.scenario.margin * 100, d.scenario.margin_tolerance * 50, d.n), 0, 100),
    "ratio": lambda d: d.rng.uniform(0.5, 2.0, d.n),
    "percent": lambda d: d.rng.uniform(0, 100, d.n),  # also scores and anything unnamed
}
MEASURES: tuple[tuple[re.Pattern, str], ...] = (
    (words("percent", "rate", "utilization", "readiness", "score", "adjustment"), "percent"),
    (re.compile(r"^(?!.*(dollar|total|multiplier)).*margin"), "margin"),
    (words("qty", "quantity"), "quantity"),
    (words("tax", "discount", "shipping"), "small_money"),
    (words("multiplier", "modifier", "factor", "sensitivity"), "ratio"),
    (words("amount", "total", "subtotal", "balance", "paid", "due", "limit", "value", "exposure", "capacity",
           "spent", "profit", "owed", "debit", "credit", "payment", "margin"), "money"),
    (words("price", "cost", "cogs"), "unit_money"),
)


def _measure(d: Draw, spec: Spec) -> np.ndarray:
    return DISTRIBUTIONS[next((kind for pattern, kind in MEASURES if pattern.search(spec.name)), "percent")](d)


def _numeric(d: Draw, spec: Spec) -> np.ndarray:
    scale = spec.column.type.scale or 0
    top = 10.0 ** ((spec.column.type.precision or 15) - scale) - 10.0 ** -scale
    return np.round(np.clip(_measure(d, spec), 0, top), scale)


def _flag_share(spec: Spec) -> float:
    if spec.default is None:
        return 0.5
    return 0.85 if spec.default in (True, "1") else 0.15


INTEGER_RANGES: tuple[tuple[re.Pattern, tuple[int, int]], ...] = (
    (words("day_of_week"), (0, 6)),
    (words("day_of_month"), (1, 28)),
    (words("size"), (10_000, 5_000_000)),
    (words("duration"), (20, 900)),
    (words("minutes"), (5, 1_440)),
    (words("weight"), (5, 30)),
    (words("trend"), (-1, 1)),
    (words("version", "interval", "width", "height"), (1, 4)),
    (words("days"), (0, 180)),
    (words("threshold", "invoices"), (1, 20)),
)
FLAG_INTEGER = re.compile(r"^(is|has|publish|sample|granted|cogs_override)")


def _integer(d: Draw, spec: Spec) -> np.ndarray:
    if FLAG_INTEGER.match(spec.name):
        return (d.rng.random(d.n) < _flag_share(spec)).astype(np.int64)
    if words("year").search(spec.name):
        return d.anchor.astype("datetime64[Y]").astype(np.int64) + 1970
    lo, hi = next((r for p, r in INTEGER_RANGES if p.search(spec.name)), (0, 50))
    return d.rng.integers(lo, hi + 1, d.n)


RARELY_TRUE = re.compile(r"draft|archived|overrid|pinned|floating|recurring|auto_generated|sample|reimburs")


def _boolean(d: Draw, spec: Spec) -> np.ndarray:
    share = 0.1 if RARELY_TRUE.search(spec.name) else _flag_share(spec)
    return d.rng.random(d.n) < share


# --- moments -------------------------------------------------------------------------------

ANCHOR = re.compile(
    r"^(created|added|uploaded|granted|performed|changed|generated|submitted|calculated|processed|communicated"
    r"|started|applied|date|timestamp|request|meeting|reminder|commit|instance|start|receive|order|transaction"
    r"|sale|entry|invoice|bill|expense|payment)(?!.*due)(_|$)"
)
LAG_DAYS: tuple[tuple[re.Pattern, float], ...] = (
    (re.compile(r"due|expir|valid|until|needed|next"), 30.0),
    (re.compile(r"updated|modified|last"), 10.0),
)


def is_anchor(column_name: str) -> bool:
    """Whether a date column records when its row came to be (rather than something later)."""
    return bool(ANCHOR.match(snake(column_name)))


def _moment(d: Draw, spec: Spec) -> np.ndarray:
    if is_anchor(spec.column.name):
        return d.anchor
    mean = next((days for p, days in LAG_DAYS if p.search(spec.name)), 3.0)
    lag = (d.rng.exponential(mean * DAY, d.n)).astype("timedelta64[s]")
    return np.minimum(d.anchor + lag, np.datetime64(d.window.end_ts, "s"))


# --- strings -------------------------------------------------------------------------------

def _pool(attr: str) -> Maker:
    return lambda d, spec: pick(d.rng, getattr(d.pools, attr), d.n, spec.unique)


def _vocab(key: str) -> Maker:
    return lambda d, spec: pick(d.rng, np.array(VOCAB[key], dtype=object), d.n, spec.unique)


def _email(d: Draw, spec: Spec) -> np.ndarray:
    user = pick(d.rng, d.pools.email_users, d.n)
    if spec.unique:
        user = user + np.arange(1, d.n + 1).astype(str).astype(object)
    return user + "@" + pick(d.rng, d.pools.email_domains, d.n)


def _name(d: Draw, spec: Spec) -> np.ndarray:
    attr = {"users": "people", "clients": "companies", "vendors": "companies", "brands": "companies",
            "strains": "strains"}.get(d.table, "labels")
    return _pool(attr)(d, spec)


def _restyled(source: Maker, separator: str) -> Maker:
    """Lower-case values of another maker, words joined by ``separator`` (slugs, standardized names)."""
    return lambda d, spec: np.array([str(v).lower().replace(" ", separator) for v in source(d, spec)], dtype=object)


def _sibling(column: str, otherwise: Maker) -> Maker:
    """The values of a column made earlier in the row, else another maker's."""
    return lambda d, spec: d.made[column].to_numpy(dtype=object) if column in d.made else otherwise(d, spec)


def _text(d: Draw, spec: Spec) -> np.ndarray:
    first, second = pick(d.rng, d.pools.notes, d.n), pick(d.rng, d.pools.notes, d.n)
    return np.where(d.rng.random(d.n) < 0.3, first + " " + second, first)


def _json_text(d: Draw, spec: Spec) -> np.ndarray:
    return np.array([json.dumps(v) for v in _settings(d, spec)], dtype=object)


STRING_RULES: tuple[tuple[re.Pattern, Maker], ...] = (  # for VARCHAR and TEXT alike
    (words("metadata", "before", "after", "changes"), _json_text),
    (words("commit_message"), _pool("commit_messages")),
    (re.compile(r"^description$"), lambda d, spec: _pool("descriptions" if re.search("product|strain", d.table)
                                                             else "notes")(d, spec)),
    (words("e_?mail", "email_address"), _email),
    (words("phone"), _pool("phones")),
    (words("url", "uri"), _pool("urls")),
    (words("filename"), _pool("filenames")),
    (words("mime"), _pool("mime_types")),
    (words("colou?r"), lambda d, spec: colours(d.rng, d.n)),
    (words("timezone"), _vocab("timezones")),
    (words("token", "hash", "open_id", "google_id", "microsoft_id", "delivery_id", "deployment_id", "sha",
           "openthc_id", "openthc_stub"),
     lambda d, spec: hex_strings(d.rng, d.n, min(spec.length or 64, 40 if "sha" in spec.name else 64))),
    (re.compile(r"_time$"), lambda d, spec: clock_times(d.rng, d.n, d.made.get(spec.column.name.replace("end", "start"))
                                                        if spec.name.startswith("end") else None)),
    (words("month_year"), lambda d, spec: d.anchor.astype("datetime64[M]").astype(str).astype(object)),
    (words("currency"), lambda d, spec: np.full(d.n, "USD", dtype=object)),
    (words("period_name"), lambda d, spec: pd.DatetimeIndex(d.anchor).strftime("%B %Y").to_numpy(dtype=object)),
    (words("payment_terms"), _vocab("terms")),
    (words("payment_method"), _vocab("methods")),
    (re.compile(r"(^|_)(code|sku|number|prefix)$"),
     lambda d, spec: codes("SKU" if spec.name == "sku" else code_prefix(d.table), d.n)),
    (words("reason", "message", "notes?", "agreement"), _text),
    (re.compile(r"qty|quantity|amount|cogs|price|cost|paid"), lambda d, spec: decimal_strings(_measure(d, spec))),
    (words("address", "location"), _pool("addresses")),
    (words("city"), _pool("cities")),
    (words("state"), _pool("states")),
    (words("zip", "postcode"), _pool("zips")),
    (re.compile(r"^(contact_name|external_name|author|pusher)$"), _pool("people")),
    (words("bank_name"), _pool("companies")),
    (re.compile(r"^name$"), _name),
    (words("standardized_name"), _restyled(_sibling("name", _pool("strains")), "-")),
    (words("strain", "base_strain_name", "aliases"), _pool("strains")),
    (words("product", "product_name", "item_name", "name_canonical", "synonym", "display_name"), _pool("products")),
    (words("title", "subject"), _pool("titles")),
    (words("category", "subcategory", "category_name"), _vocab("categories")),
    (words("grade"), _vocab("grades")),
    (words("site"), _vocab("sites")),
    (words("zone"), _vocab("zones")),
    (words("rack", "shelf", "bin"), lambda d, spec: d.rng.integers(1, 9, d.n).astype(str).astype(object)),
    (words("slug"), _restyled(_pool("labels"), "-")),
    (words("module"), _vocab("modules")),
    (words("action"), _vocab("actions")),
    (words("login_method"), _vocab("logins")),
    (words("uom_sellable", "uom"), _vocab("units")),
    (words("branch"), _vocab("branches")),
    (words("status"), _vocab("states")),
    (re.compile(r"^type$"), _vocab("media")),
    (words("type", "rule", "layout", "field_changed", "outcome", "value"), _restyled(_pool("labels"), "_")),
)


# --- JSON ----------------------------------------------------------------------------------

def _list_of(draw_values: Callable[[Draw, int], list | np.ndarray], low=1, high=4, distinct=True) -> Maker:
    """n python lists of low..high values each, all values drawn in one call."""
    def make(d: Draw, spec: Spec) -> list:
        sizes = d.rng.integers(low, high + 1, d.n)
        values, ends = draw_values(d, int(sizes.sum())), np.cumsum(sizes)
        values = values.tolist() if isinstance(values, np.ndarray) else values  # plain python, JSON-ready
        lists = [values[end - size:end] for size, end in zip(sizes, ends)]
        return [list(dict.fromkeys(v)) for v in lists] if distinct else lists
    return make


def _line_items(d: Draw, k: int) -> list:
    batch, qty = d.rng.integers(1, 500, k).tolist(), np.round(d.rng.lognormal(np.log(8), 0.7, k), 2).tolist()
    price = np.round(d.rng.lognormal(np.log(900), 0.4, k), 2).tolist()
    return [{"batchId": b, "quantity": q, "price": p} for b, q, p in zip(batch, qty, price)]


def _settings(d: Draw, spec: Spec) -> list:
    source, score = pick(d.rng, d.pools.tags, d.n).tolist(), d.rng.integers(0, 100, d.n).tolist()
    enabled = (d.rng.random(d.n) < 0.7).tolist()
    return [{"source": s, "score": v, "enabled": e} for s, v, e in zip(source, score, enabled)]


def _visibility(d: Draw, spec: Spec) -> list:
    cols = ("name", "grade", "price", "quantity", "vendor")
    flags = d.rng.random((d.n, len(cols))) < 0.8
    return [dict(zip(cols, row)) for row in flags.tolist()]


JSON_RULES: tuple[tuple[re.Pattern, Maker], ...] = (
    (words("tags"), _list_of(lambda d, k: pick(d.rng, d.pools.tags, k))),
    (words("items", "selected_items", "order_template", "products"), _list_of(_line_items, distinct=False)),
    (words("attendees"), _list_of(lambda d, k: pick(d.rng, d.pools.people, k))),
    (words("action_items", "match_reasons"), _list_of(lambda d, k: pick(d.rng, d.pools.notes, k))),
    (re.compile(r"^by_day$"), _list_of(lambda d, k: pick(d.rng, np.array(VOCAB["weekdays"], dtype=object), k))),
    (re.compile(r"^by_month$"), _list_of(lambda d, k: d.rng.integers(1, 13, k))),
    (re.compile(r"^by_"), _list_of(lambda d, k: d.rng.integers(1, 5, k))),
    (words("exception_dates"), _list_of(lambda d, k: d.anchor[d.rng.integers(0, d.n, k)].astype("datetime64[D]")
                                        .astype(str), 0, 2)),
    (words("shared_with", "organizers"), _list_of(lambda d, k: d.rng.integers(1, 25, k), 0, 3)),
    (words("event_type"), _list_of(lambda d, k: pick(d.rng, np.array(VOCAB["event_types"], dtype=object), k))),
    (words("module"), _list_of(lambda d, k: pick(d.rng, np.array(VOCAB["modules"], dtype=object), k))),
    (words("column_visibility"), _visibility),
    (words("content"), lambda d, spec: [{"type": "doc", "text": t} for t in pick(d.rng, d.pools.notes, d.n).tolist()]),
)


# --- the entry points ------------------------------------------------------------------------

def _maker(spec: Spec) -> Maker:
    t = spec.column.type
    if isinstance(t, sa.Enum):
        return lambda d, s: pick(d.rng, np.array(t.enums, dtype=object), d.n)
    if isinstance(t, sa.Boolean):
        return _boolean
    if isinstance(t, sa.Integer):
        return _integer
    if isinstance(t, sa.Numeric):
        return _numeric
    if isinstance(t, sa.Date | sa.DateTime):
        return _moment
    if isinstance(t, sa.JSON):
        return next((m for p, m in JSON_RULES if p.search(spec.name)), _settings)
    fallback = _text if t.length is None else _pool("labels")  # TEXT holds notes, VARCHAR short labels
    return next((m for p, m in STRING_RULES if p.search(spec.name)), fallback)


def _make_unique(values: pd.Series, length: int | None) -> pd.Series:
    """Suffix each repeat with its row number (" 17"): suffixed values cannot clash with one another."""
    while values.duplicated().any():
        repeated = values.duplicated().to_numpy()
        suffix = " " + pd.Series(np.arange(1, len(values) + 1), index=values.index)[repeated].astype(str)
        keep = None if length is None else length - suffix.str.len()
        base = values[repeated] if keep is None else pd.Series(
            [v[:k] for v, k in zip(values[repeated], keep)], index=suffix.index)
        values = values.copy()
        values[repeated] = base + suffix
    return values


def typed(column: sa.Column, values) -> pd.Series:
    """Values as the frame dtype of their column: int64/Int64, float64, bool/boolean, datetime64[s], str, object."""
    t, nullable = column.type, column.nullable
    if isinstance(t, sa.JSON):
        return pd.Series(list(values), dtype=object, name=column.name)
    s = pd.Series(values, name=column.name)
    if isinstance(t, sa.Boolean):
        return s.astype("boolean" if nullable else bool)
    if isinstance(t, sa.Integer):
        return s if s.dtype == np.int64 and not nullable else s.astype("Int64" if nullable else np.int64)
    if isinstance(t, sa.Numeric):
        return s.astype(np.float64).round(t.scale or 0)
    if isinstance(t, sa.Date | sa.DateTime):
        moments = s if pd.api.types.is_datetime64_dtype(s.dtype) else pd.to_datetime(s)  # naive already: no parsing
        moments = moments.astype("datetime64[s]")
        return moments.dt.normalize() if isinstance(t, sa.Date) else moments
    return s.astype("str")


def _null_share(spec: Spec) -> float:
    if not spec.column.nullable or spec.unique or spec.column.server_default is not None:
        return 0.0
    return RARE_NULL_SHARE if RARE.search(spec.name) else NULL_SHARE


def synthesize(column: sa.Column, draw: Draw, unique: bool = False) -> pd.Series:
    """n values for one column of ``draw.table``, typed, truncated, distinct if unique, with some NULLs."""
    spec = Spec(column, unique)
    values = typed(column, _maker(spec)(draw, spec))
    if spec.length is not None and not isinstance(column.type, sa.Enum):
        values = values.str.slice(0, spec.length)
    if unique:
        values = _make_unique(values, spec.length)
    nulls = draw.rng.random(draw.n) < _null_share(spec)
    if not nulls.any():
        return values
    return values.where(~nulls, None) if values.dtype == object else values.mask(nulls)
