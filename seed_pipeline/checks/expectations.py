"""Great Expectations suites derived from the schema model, one per table, and their runner.

Every expectation comes from what the model declares (NOT NULL, primary keys and unique
constraints, enums, String lengths, Numeric precision, date columns), from the integrity rules
(references that resolve, polymorphic vocabularies), so adding a column adds its checks, or from
the business checks the catalog homes on the table that are SQL: the rules of the core and the
books, and every figure against its scenario target (revenue, AR aging, whale share ...), each
an ``UnexpectedRowsExpectation`` on the query returning what breaks it.

``great_expectations`` takes seconds to import: it is imported inside the functions only, so
importing this module (as the Dagster code location may) stays cheap.

The runner uses one ephemeral GE context and one SQL data source for every table; each table is
a table asset validated as a whole-table batch, so GE computes every metric with SQL in the
database and loads no table into pandas. GE's queries all go through one connection on which a
table holding users' rows reads as the seeded rows only (``loaders/scope.py``), so a suite judges
what the tool wrote, as ``verify``'s checks do.
"""

from __future__ import annotations

import contextlib
import io
import sys
import warnings
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from seed_pipeline.business.rules import may_be_future
from seed_pipeline.checks.integrity import enum_query, orphan_query, unknown_polymorphic_type_query
from seed_pipeline.generation.context import HistoryWindow, SeedSettings
from seed_pipeline.loaders import scope
from seed_pipeline.loaders.engines import normalise_url
from seed_pipeline.schema import TABLES, polymorphic_of, references_from

RULE = "rule"  # key of an expectation's ``meta`` naming the SQL rule it checks


def _unique_column_sets(table: sa.Table) -> list[tuple[str, ...]]:
    """Primary key, unique constraints, unique indexes and ``unique=True`` columns, without repeats."""
    found: list[tuple[str, ...]] = []
    candidates = [tuple(c.name for c in table.primary_key.columns)]
    candidates += [tuple(c.name for c in k.columns) for k in table.constraints if isinstance(k, sa.UniqueConstraint)]
    candidates += [tuple(c.name for c in i.columns) for i in table.indexes if i.unique]
    candidates += [(c.name,) for c in table.columns if c.unique]
    for columns in candidates:
        if columns and columns not in found:
            found.append(columns)
    return found


def _rows_query(count_query: sa.Select, *columns: str) -> sa.Select:
    """The rows an integrity count query counts: the same FROM and WHERE, selecting ``columns``."""
    source = count_query.get_final_froms()[0]
    return count_query.with_only_columns(*(source.c[c] for c in columns))


def _sql(query: sa.Select, dialect: sa.Dialect) -> str:
    text = str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    return text.replace("{", "{{").replace("}", "}}")  # GE formats the query with str.format


def sql_rules(table: str, dialect: sa.Dialect) -> list[tuple[str, str]]:
    """(rule, SQL returning the violating rows): the table's references, polymorphic vocabularies and,
    on PostgreSQL, enums.

    The queries are integrity's own, rendered for the engine; each reads the whole table, which is
    exactly the batch a whole-table batch definition validates.
    """
    t = TABLES[table]
    key = [c.name for c in t.primary_key.columns]
    rules = []
    for ref in references_from(table):
        columns = dict.fromkeys([*key, ref.column, *([ref.type_column] if ref.type_column else [])])
        rules.append((f"orphan {ref}", _sql(_rows_query(orphan_query(ref), *columns), dialect)))
    if dialect.name == "postgresql":  # see table_suite: enums are checked by integrity's casting query there
        for column in t.columns:
            if isinstance(column.type, sa.Enum):
                rule = f"{table}.{column.name} outside its enum"
                rules.append((rule, _sql(_rows_query(enum_query(table, column.name), *key, column.name), dialect)))
    for poly, (rule, query) in zip(polymorphic_of(table), unknown_polymorphic_type_query(table), strict=True):
        columns = dict.fromkeys([*key, poly.type_column, poly.id_column])
        rules.append((rule, _sql(_rows_query(query, *columns), dialect)))
    return rules


def _date_bounds(column: sa.Column, window: HistoryWindow) -> tuple[object, object | None]:
    """(exclusive low, inclusive high): the window's first day to its last second.

    A timestamp's low bound is the second before the window, exclusive: SQLite compares text, and
    '2026-10-01 00:00:00' sorts before the bound GE binds, '2026-10-01 00:00:00.000000'.
    """
    if isinstance(column.type, sa.DateTime):  # TERP's Timestamp: whole seconds
        low = datetime.combine(window.start, time()) - timedelta(seconds=1)
        high = datetime.combine(window.end, time(23, 59, 59))
    else:
        low, high = window.start - timedelta(days=1), window.end
    return low, None if may_be_future(column.name) else high


def business_rules(table: str, settings: SeedSettings, dialect: sa.Dialect) -> list[tuple[str, str, str]]:
    """(check, what it guards, SQL returning what breaks it) of the active SQL business checks homed on ``table``."""
    from seed_pipeline.checks.catalog import active_checks

    return [(check.name, check.description, _sql(query, dialect))
            for check in active_checks() if check.asset == table and check.rows is not None
            for query in check.rows(settings)]


def _dialect(dialect: sa.Dialect | str) -> sa.Dialect:
    return sa.engine.make_url(f"{dialect}://").get_dialect()() if isinstance(dialect, str) else dialect


def table_suite(table: str, settings: SeedSettings, dialect: sa.Dialect | str = "sqlite") -> list:
    """The expectations of one table: its model suite and its business suite.

    ``dialect`` (a SQLAlchemy dialect or a backend name) renders the SQL rules for the engine.
    """
    return model_suite(table, settings, dialect) + business_suite(table, settings, dialect)


def business_suite(table: str, settings: SeedSettings, dialect: sa.Dialect | str = "sqlite") -> list:
    """The table's SQL business checks, each the query returning the rows that break it."""
    import great_expectations as gx

    with contextlib.redirect_stdout(io.StringIO()):  # GE prints a hint for a query without {batch}
        return [gx.expectations.UnexpectedRowsExpectation(unexpected_rows_query=query, description=guards, meta={RULE: check})
                for check, guards, query in business_rules(table, settings, _dialect(dialect))]


def model_suite(table: str, settings: SeedSettings, dialect: sa.Dialect | str = "sqlite") -> list:
    """Columns from the model, references from the integrity rules."""
    import great_expectations as gx

    window = HistoryWindow.ending(settings.end_date, settings.resolved.months)
    dialect = _dialect(dialect)
    E = gx.expectations
    t = TABLES[table]
    found: list = []
    for column in t.columns:
        name, kind = column.name, column.type
        if not column.nullable:
            found.append(E.ExpectColumnValuesToNotBeNull(column=name))
        if isinstance(kind, sa.Enum):
            if dialect.name != "postgresql":
                found.append(E.ExpectColumnValuesToBeInSet(column=name, value_set=list(kind.enums)))
            # else: GE compares a native enum with text, which PostgreSQL rejects; integrity's rule casts
        elif isinstance(kind, sa.String) and not isinstance(kind, sa.Text) and kind.length:
            found.append(E.ExpectColumnValueLengthsToBeBetween(column=name, max_value=kind.length))
        elif isinstance(kind, sa.Numeric) and kind.precision is not None:
            bound = 10 ** (kind.precision - (kind.scale or 0))
            found.append(
                E.ExpectColumnValuesToBeBetween(
                    column=name, min_value=-bound, max_value=bound, strict_min=True, strict_max=True
                )
            )
        elif isinstance(kind, (sa.Date, sa.DateTime)):
            low, high = _date_bounds(column, window)
            found.append(E.ExpectColumnValuesToBeBetween(column=name, min_value=low, max_value=high, strict_min=True))
    for columns in _unique_column_sets(t):
        if len(columns) == 1:
            found.append(E.ExpectColumnValuesToBeUnique(column=columns[0]))
        else:
            found.append(
                E.ExpectCompoundColumnsToBeUnique(column_list=list(columns), ignore_row_if="any_value_is_missing")
            )
    with contextlib.redirect_stdout(io.StringIO()):  # GE prints a hint for a query without {batch}
        for rule, query in sql_rules(table, dialect):
            found.append(
                E.UnexpectedRowsExpectation(unexpected_rows_query=query, description=rule, meta={RULE: rule})
            )
    return found


# --- running the suites ------------------------------------------------------------------------

MYSQL_UTC = "SET time_zone = '+00:00'"  # the loaders write TIMESTAMPs in UTC; read them back the same


@dataclass
class TableResult:
    table: str
    success: bool
    # (expectation type, column(s) or rule, observed value / unexpected count / error)
    failures: list[tuple[str, str, object]] = field(default_factory=list)

    def __str__(self) -> str:
        if self.success:
            return f"{self.table}: ok"
        return f"{self.table}: " + "; ".join(f"{kind} [{what}]: {seen}" for kind, what, seen in self.failures)


def _subject(config) -> str:
    kwargs = config.kwargs
    if config.meta and RULE in config.meta:
        return config.meta[RULE]
    if "column_list" in kwargs:
        return ",".join(kwargs["column_list"])
    return str(kwargs.get("column", ""))


def _observed(result) -> object:
    info = result.exception_info or {}
    errors = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    messages = [e.get("exception_message") for e in errors if e.get("raised_exception")]
    if messages:
        return f"error: {messages[0]}"
    details = result.result or {}
    rows = details.get("details", {}).get("unexpected_rows")
    if rows is not None:  # a business check: how many rows broke it, and the first of them
        rows = rows.to_dict("records") if hasattr(rows, "to_dict") else list(rows)
        return f"{details.get('observed_value')} rows, e.g. {rows[:3]}"
    if "unexpected_count" in details:
        return details["unexpected_count"]
    return details.get("observed_value")


def _table_result(table: str, results) -> TableResult:
    failures = [(r.expectation_config.type, _subject(r.expectation_config), _observed(r)) for r in results if not r.success]
    return TableResult(table, not failures, failures)


def _server_dialect(url: sa.URL) -> sa.Dialect:
    """The dialect as initialised by the server, so queries render as the asset checks run them
    (MariaDB, for one, casts to FLOAT only once the dialect knows the server's version)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            return engine.dialect
    finally:
        engine.dispose()


@dataclass(frozen=True)
class CallerFrame:
    filename: str
    function: str


def caller_frames() -> list[CallerFrame]:
    """The calling frames' file names and functions, outermost last, as ``inspect.stack()`` lists them.

    GE 1.24.1 (pinned) calls ``inspect.stack()`` for every Decimal metric value, only to read those two
    fields (is a rule-based profiler the caller?); ``inspect.stack`` also finds every frame's module and
    source lines. MariaDB's driver returns DECIMALs: that lookup was half of validating a light seed there
    (50 of 104 s under cProfile). ``Validator`` hands GE this instead."""
    frame, frames = sys._getframe(1), []
    while frame is not None:
        frames.append(CallerFrame(frame.f_code.co_filename, frame.f_code.co_name))
        frame = frame.f_back
    return frames


class Validator:
    """One GE context and SQL data source on ``url``; ``validate(table)`` runs that table's suite on the
    rows this tool created: tables holding users' rows are shadowed by their seeded rows, as for ``verify``."""

    def __init__(self, url: str, settings: SeedSettings, foreign: list[str] | None = None):
        """``foreign``: the tables holding users' rows, when the caller already knows them."""
        import great_expectations as gx
        import great_expectations.util as gx_util
        from great_expectations.data_context.types.base import ProgressBarsConfig

        gx_util.stack = caller_frames

        self._gx = gx
        self.settings = settings
        parsed = normalise_url(url)
        self.dialect = _server_dialect(parsed)
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        kwargs = {"connect_args": {"init_command": MYSQL_UTC}} if parsed.get_backend_name() == "mysql" else {}
        if parsed.get_backend_name() != "sqlite":  # GE keeps SQLite on one connection itself (StaticPool)
            kwargs["poolclass"] = sa.StaticPool  # one connection: the shadows below stay visible to every query
        with warnings.catch_warnings():  # "a more specific datasource may be more appropriate": one runner serves all
            warnings.simplefilter("ignore")
            self.source = self.context.data_sources.add_sql(
                name="terp", connection_string=parsed.render_as_string(hide_password=False), kwargs=kwargs
            )
        self.execution_engine = self.source.get_execution_engine()
        with self.execution_engine.get_connection() as conn:  # the users' rows are not the seed's to judge (see scope.py)
            scope.shadow_foreign_rows(conn, foreign)
            conn.commit()

    def __enter__(self) -> Validator:
        return self

    def __exit__(self, *exc) -> None:
        """Close the one connection now (it holds the shadows), not whenever GE's objects are collected."""
        self.execution_engine.close()
        self.source.get_engine().dispose()

    def validate(self, table: str) -> TableResult:
        # Quoted: GE folds an unquoted name to lower case, and PostgreSQL keeps TERP's camelCase.
        asset = self.source.add_table_asset(name=table, table_name=f'"{table}"')
        batch = asset.add_batch_definition_whole_table("whole table").get_batch()
        results = []
        # the business suite reports the rows that break a rule (a figure's observed value)
        for kind, make, details in (("model", model_suite, "BASIC"), ("business", business_suite, "COMPLETE")):
            expectations = make(table, self.settings, self.dialect)
            if expectations:
                suite = self._gx.ExpectationSuite(name=f"{table} {kind}", expectations=expectations)
                with contextlib.redirect_stdout(io.StringIO()):  # the {batch} hint again, as GE re-checks each query
                    # pass or fail alone first: the details (counts, sample values and rows) cost a third more
                    # queries, and only a failing suite reports them
                    outcome = batch.validate(suite, result_format="BOOLEAN_ONLY")
                    if not outcome.success:
                        outcome = batch.validate(suite, result_format=details)
                results += outcome.results
        return _table_result(table, results)


def validate_table(url: str, table: str, settings: SeedSettings, foreign: list[str] | None = None) -> TableResult:
    with Validator(url, settings, foreign) as validator:
        return validator.validate(table)


def validate_all(url: str, settings: SeedSettings, tables: list[str] | None = None) -> list[TableResult]:
    """Every table's suite (or those named), reusing one GE context and data source."""
    with Validator(url, settings) as validator:
        return [validator.validate(table) for table in (sorted(TABLES) if tables is None else tables)]

