"""Column synthesis by type and name: formats, ranges, lengths, uniqueness and NULLs."""

import re

import numpy as np
import pandas as pd
import sqlalchemy as sa

from seed_pipeline.generation.columns import Draw, code_prefix, snake, synthesize
from seed_pipeline.generation.context import GenerationContext
from seed_pipeline.generation.pools import pools_for
from seed_pipeline_tests.helpers import settings


def _draw(table: str = "batches", n: int = 400) -> Draw:
    ctx = GenerationContext.for_table(table, settings("full"))
    anchor = np.full(n, np.datetime64(ctx.window.start_ts, "s"))
    return Draw(table, n, ctx.rng, pools_for(42), ctx.window, ctx.scenario, anchor)


def _column(name: str, type_, **kw) -> sa.Column:
    return sa.Table("t_" + name, sa.MetaData(), sa.Column(name, type_, **kw)).c[name]


def test_names_and_prefixes():
    assert snake("onHandQty") == "on_hand_qty"
    assert snake("teri_code") == "teri_code"
    assert code_prefix("invoices") == "INV"
    assert code_prefix("purchaseOrders") == "PO"


def test_numbers_kept_in_varchar_are_numeric_strings():
    values = synthesize(_column("onHandQty", sa.String(20), nullable=False), _draw())
    assert values.str.fullmatch(r"\d+\.\d\d").all()
    assert pd.to_numeric(values).gt(0).all()


def test_codes_are_unique_and_prefixed_by_the_table():
    values = synthesize(_column("code", sa.String(50), nullable=False), _draw("invoices"), unique=True)
    assert values.is_unique and values.str.startswith("INV-").all()


def test_unique_strings_stay_unique_within_their_length():
    values = synthesize(_column("name", sa.String(7), nullable=False), _draw("roles", 2_000), unique=True)
    assert values.is_unique and values.str.len().max() <= 7


def test_colours_timezones_and_emails_look_right():
    draw = _draw()
    assert synthesize(_column("color", sa.String(7)), draw).dropna().str.fullmatch(r"#[0-9A-F]{6}").all()
    assert synthesize(_column("timezone", sa.String(50)), draw).dropna().str.startswith("America/").all()
    emails = synthesize(_column("email", sa.String(320), nullable=False), draw, unique=True)
    assert emails.is_unique and emails.map(lambda e: bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", e))).all()


def test_money_and_percentages_respect_precision_and_scale():
    draw = _draw()
    percent = synthesize(_column("margin_percent", sa.Numeric(5, 2), nullable=False), draw)
    money = synthesize(_column("totalAmount", sa.Numeric(12, 2), nullable=False), draw)
    assert percent.between(0, 100).all() and money.gt(0).all()
    assert (money.round(2) == money).all()


def test_nullable_columns_get_some_nulls_but_not_with_a_default():
    draw = _draw()
    notes = synthesize(_column("notes", sa.Text()), draw)
    stamped = synthesize(_column("created_at", sa.TIMESTAMP(), server_default=sa.text("CURRENT_TIMESTAMP")), draw)
    assert 0 < notes.isna().mean() < 0.3
    assert stamped.notna().all()


def test_json_values_are_plain_python():
    draw = _draw()
    tags = synthesize(_column("tags", sa.JSON(), nullable=False), draw)
    items = synthesize(_column("items", sa.JSON(), nullable=False), draw)
    assert all(isinstance(t, list) and all(isinstance(x, str) for x in t) for t in tags)
    assert all({"batchId", "quantity", "price"} <= set(item) for row in items for item in row)
