"""Command output for people and for scripts: ``--format table|json|csv``.

``table`` is for a terminal: a wide result shows the first and last columns that fit the screen
with a ``…`` column between them and long values cut with ``…``, as the DuckDB shell does, instead
of folding every column down to one character. ``json`` and ``csv`` are for scripts and print
every column and value whole: dates as ISO text, lists and structs as JSON (inside CSV cells too),
nulls as ``null`` / empty cells.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import math
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich loads when a table is printed, not when the CLI parses its options
    from rich.console import Console
    from rich.table import Table

ELLIPSIS = "…"
MAX_CELL_WIDTH = 32
"""Widest a table column gets before its values are cut (DuckDB's shell uses a similar cap)."""
COLUMN_CHROME = 3
"""Characters a rich table spends per column on padding and its border."""


class OutputFormat(StrEnum):
    """How a command prints its result."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def to_json_value(value: object) -> Any:
    """A value as JSON can hold it: dates as ISO text, NaN as null, numpy scalars as numbers."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Enum):
        return to_json_value(value.value)
    if isinstance(value, Decimal | Path):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): to_json_value(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json_value(dataclasses.asdict(value))
    if isinstance(value, Sequence | set | frozenset) and not isinstance(value, bytes):
        return [to_json_value(item) for item in value]
    item = getattr(value, "item", None)  # numpy and pandas scalars
    if callable(item):
        return to_json_value(item())
    tolist = getattr(value, "tolist", None)  # numpy arrays inside list columns
    if callable(tolist):
        return to_json_value(tolist())
    return str(value)


def write_json(value: object, stream: IO[str]) -> None:
    """Write ``value`` as indented JSON and a newline."""
    stream.write(json.dumps(to_json_value(value), indent=2, ensure_ascii=False) + "\n")


def write_records_json(
    columns: Sequence[str], rows: Sequence[Sequence[object]], stream: IO[str]
) -> None:
    """Write rows as a JSON array of objects keyed by column name."""
    write_json([dict(zip(columns, row, strict=True)) for row in rows], stream)


def csv_cell(value: object) -> str:
    """One CSV cell: scalars as text, null as empty, lists and structs as compact JSON."""
    plain = to_json_value(value)
    if plain is None:
        return ""
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
    return str(plain)


def write_csv(columns: Sequence[str], rows: Sequence[Sequence[object]], stream: IO[str]) -> None:
    """Write a header line and one line per row (RFC 4180 quoting)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(value) for value in row] for row in rows)


def flatten(value: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """Nested mappings as one level of dotted keys, for a one-row CSV of a summary."""
    flat: dict[str, object] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, Mapping):
            flat.update(flatten(item, f"{name}."))
        else:
            flat[name] = item
    return flat


def cell_text(value: object) -> str:
    """A value as a table shows it: null empty, lists and structs as compact JSON."""
    return csv_cell(value)


def cut(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters, ending in ``…`` when cut."""
    line = text.replace("\n", "⏎")
    return line if len(line) <= width else line[: max(width - 1, 0)] + ELLIPSIS


def column_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], available: int
) -> list[int]:
    """Each column's display width: its widest value or header; when the whole table is wider
    than ``available``, capped at ``MAX_CELL_WIDTH`` so that more columns stay in view."""
    widest = [
        max([len(name), *(len(row[index]) for row in rows)]) for index, name in enumerate(columns)
    ]
    if sum(width + COLUMN_CHROME for width in widest) <= available:
        return widest
    return [min(width, MAX_CELL_WIDTH) for width in widest]


def visible_columns(widths: Sequence[int], available: int) -> tuple[list[int], list[int]]:
    """The columns that fit in ``available`` characters: (left indices, right indices).

    Columns are taken alternately from the left and the right edge, as the DuckDB shell does, so
    the first columns (usually ids) and the last ones both stay in view. When every column fits,
    the right part is empty. At least the first column is always shown.
    """
    total = sum(width + COLUMN_CHROME for width in widths)
    if total <= available:
        return list(range(len(widths))), []
    budget = available - (len(ELLIPSIS) + COLUMN_CHROME)
    left: list[int] = []
    right: list[int] = []
    low, high = 0, len(widths) - 1
    take_left = True
    while low <= high:
        index = low if take_left else high
        cost = widths[index] + COLUMN_CHROME
        if cost > budget and (left or right):
            break
        budget -= cost
        if take_left:
            left.append(low)
            low += 1
        else:
            right.insert(0, high)
            high -= 1
        take_left = not take_left
    return left, right


def fitted_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    width: int,
    caption: str,
) -> Table:
    """A rich table of ``rows`` that fits ``width`` characters without folding any column."""
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    texts = [[cell_text(value) for value in row] for row in rows]
    widths = column_widths(columns, texts, width)
    left, right = visible_columns(widths, width)
    shown = [*left, *right]
    hidden = len(columns) - len(shown)
    if hidden:
        caption = f"{caption}; {len(shown)} of {len(columns)} columns shown"
    table = Table(caption=caption)
    for index in left:
        table.add_column(Text(cut(columns[index], widths[index])), no_wrap=True)
    if hidden:
        table.add_column(ELLIPSIS, no_wrap=True)
    for index in right:
        table.add_column(Text(cut(columns[index], widths[index])), no_wrap=True)
    for row in texts:
        cells = [Text(cut(row[index], widths[index])) for index in left]
        if hidden:
            cells.append(Text(ELLIPSIS))
        cells.extend(Text(cut(row[index], widths[index])) for index in right)
        table.add_row(*cells)
    return table


def stdout_console() -> Console:
    """A console on stdout, where results go (messages and errors go to stderr)."""
    from rich.console import Console  # noqa: PLC0415

    return Console(soft_wrap=False)


def print_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    output: OutputFormat,
    caption: str = "",
) -> None:
    """Print a result set to stdout in ``output`` format (a fitted table in a terminal)."""
    if output is OutputFormat.JSON:
        write_records_json(columns, rows, sys.stdout)
    elif output is OutputFormat.CSV:
        write_csv(columns, rows, sys.stdout)
    else:
        console = stdout_console()
        console.print(fitted_table(columns, rows, console.width, caption))


def print_pairs(
    columns: tuple[str, str], pairs: Sequence[tuple[str, str]], output: OutputFormat
) -> None:
    """Print (item, value) pairs; in a table each value wraps whole, never cut with ``…``.

    A listing such as ``info`` is read for its values (a path to copy, a version to quote in a
    bug report), so a value cut to the column cap would be of no use; there are only two columns,
    so folding them costs no other column its place.
    """
    if output is not OutputFormat.TABLE:
        print_rows(columns, pairs, output)
        return
    from rich.table import Table  # noqa: PLC0415

    table = Table()
    table.add_column(columns[0], no_wrap=True)
    table.add_column(columns[1], overflow="fold")
    for item, value in pairs:
        table.add_row(item, value)
    stdout_console().print(table)


def print_summary(summary: object, output: OutputFormat) -> None:
    """A run summary (a dataclass) on stdout: JSON, or CSV of one row with dotted columns."""
    plain = to_json_value(summary)
    if output is OutputFormat.CSV and isinstance(plain, Mapping):
        flat = flatten(plain)
        write_csv(list(flat), [list(flat.values())], sys.stdout)
    else:
        write_json(plain, sys.stdout)
