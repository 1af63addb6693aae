"""Sorted runs, their merge and the row-group writer: what lets a run commit in bounded memory."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.storage.streaming import (
    DROP,
    ChunkSource,
    RankedChunk,
    Ranker,
    TableWriter,
    merge_runs,
    read_parquet,
    run_in_memory,
    runs_of,
)

SCHEMA = pa.schema(
    [pa.field("key", pa.string()), pa.field("kind", pa.dictionary(pa.int32(), pa.string()))]
)

Row = tuple[int, int, int]
"""(rank, run number, position in the run): what a merged row must be sorted by."""


def _run(rows: list[Row], cuts: list[int]) -> Iterator[RankedChunk]:
    """``rows`` (sorted by rank) as chunks cut at ``cuts``."""
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(rows)}), len(rows)]
    for start, end in itertools.pairwise(bounds):
        piece = rows[start:end]
        table = pa.table(
            {
                "rank": [r for r, _, _ in piece],
                "run": [n for _, n, _ in piece],
                "position": [p for _, _, p in piece],
            }
        )
        yield RankedChunk(np.array([r for r, _, _ in piece], dtype=np.int64), table)


runs_strategy = st.lists(
    st.tuples(
        st.lists(st.integers(min_value=0, max_value=20), max_size=30),
        st.lists(st.integers(min_value=0, max_value=30), max_size=5),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(runs_strategy)
def test_merge_gives_rank_order_with_ties_by_run_then_position(
    spec: list[tuple[list[int], list[int]]],
) -> None:
    runs = []
    expected: list[Row] = []
    for number, (ranks, cuts) in enumerate(spec):
        rows = [(rank, number, position) for position, rank in enumerate(sorted(ranks))]
        expected.extend(rows)
        runs.append(_run(rows, cuts))
    merged = [table for table in merge_runs(runs) if table.num_rows]
    got = (
        [
            row
            for table in merged
            for row in zip(
                table["rank"].to_pylist(),
                table["run"].to_pylist(),
                table["position"].to_pylist(),
                strict=True,
            )
        ]
        if merged
        else []
    )
    assert got == sorted(expected)


def _source(chunks: list[pa.Table]) -> ChunkSource:
    def read(columns: Sequence[str] | None) -> Iterator[pa.Table]:
        for chunk in chunks:
            yield chunk.select(list(columns)) if columns else chunk

    return read


def _table(keys: list[str]) -> pa.Table:
    kinds = pa.array(["a"] * len(keys)).dictionary_encode().cast(SCHEMA.field("kind").type)
    return pa.table({"key": pa.array(keys, pa.string()), "kind": kinds})


def test_a_source_in_rank_order_is_read_as_it_is(tmp_path: Path) -> None:
    rank = Ranker({"a": 0, "b": 1, "c": 2})
    source = _source([_table(["a", "a", "x"]), _table(["b", "c"])])
    runs = runs_of(source, "key", rank, SCHEMA, tmp_path / "spill")
    assert len(runs) == 1
    assert not (tmp_path / "spill").exists()
    keys = [k for table in merge_runs(runs) for k in table["key"].to_pylist()]
    assert keys == ["a", "a", "b", "c"]  # "x" has no rank: dropped


def test_a_source_out_of_order_is_sorted_through_a_piece_on_disk(tmp_path: Path) -> None:
    rank = Ranker({"a": 0, "b": 1, "c": 2, "d": 3})
    source = _source([_table(["d", "b"]), _table(["c", "a", "a"])])
    runs = runs_of(source, "key", rank, SCHEMA, tmp_path / "spill")
    assert len(list((tmp_path / "spill").glob("*.parquet"))) == len(runs) == 1
    keys = [k for table in merge_runs(runs) for k in table["key"].to_pylist()]
    assert keys == ["a", "a", "b", "c", "d"]


def test_ranker_drops_unknown_keys_and_nulls() -> None:
    assert Ranker({"a": 5})(pa.array(["a", "b", None])).tolist() == [5, DROP, DROP]
    assert Ranker({})(pa.array(["a"])).tolist() == [DROP]


def test_in_memory_run_sorts_stably_and_drops() -> None:
    rows = pa.table({"key": ["c", "a", "x", "a2"]})
    (chunk,) = run_in_memory(rows, np.array([2, 0, DROP, 0], dtype=np.int64))
    assert chunk.rows["key"].to_pylist() == ["a", "a2", "c"]


def test_row_groups_depend_on_the_rows_not_on_how_they_arrive(tmp_path: Path) -> None:
    keys = [f"k{i}" for i in range(10)]
    sliced, whole = tmp_path / "sliced.parquet", tmp_path / "whole.parquet"
    with TableWriter(sliced, SCHEMA, row_group_rows=4) as writer:
        for start, end in ((0, 3), (3, 7), (7, 10)):
            writer.write(_table(keys[start:end]))
    with TableWriter(whole, SCHEMA, row_group_rows=4) as writer:
        writer.write(_table(keys))
    assert writer.rows == 10
    for path in (sliced, whole):
        metadata = pq.ParquetFile(path).metadata
        groups = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        assert groups == [4, 4, 2]
    pd.testing.assert_frame_equal(pd.read_parquet(sliced), pd.read_parquet(whole))


def test_wide_rows_cut_a_row_group_early(tmp_path: Path) -> None:
    path = tmp_path / "wide.parquet"
    with TableWriter(path, SCHEMA, row_group_rows=1000, row_group_bytes=1) as writer:
        writer.write(_table(["a", "b"]))
        writer.write(_table(["c"]))
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [2, 1]
    assert pd.read_parquet(path)["key"].tolist() == ["a", "b", "c"]


def test_the_spill_budget_cuts_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("resume_etl.storage.streaming.SPILL_BYTES", 1)
    rank = Ranker({"a": 0, "b": 1, "c": 2})
    runs = runs_of(_source([_table(["c"]), _table(["b", "a"])]), "key", rank, SCHEMA, tmp_path)
    assert len(runs) == 2  # one piece per chunk once the budget is one byte
    keys = [k for table in merge_runs(runs) for k in table["key"].to_pylist()]
    assert keys == ["a", "b", "c"]


def test_categories_follow_the_rows_whatever_the_chunks_dictionaries(tmp_path: Path) -> None:
    kind = SCHEMA.field("kind").type
    first = pa.table(
        {
            "key": ["1", "2"],
            "kind": pa.DictionaryArray.from_arrays(pa.array([1, 1], pa.int32()), ["z", "b"]),
        }
    ).cast(SCHEMA)
    second = pa.table({"key": ["3"], "kind": pa.array(["z"]).dictionary_encode().cast(kind)})
    path = tmp_path / "t.parquet"
    with TableWriter(path, SCHEMA) as writer:
        writer.write(first)
        writer.write(second)
    frame = pd.read_parquet(path)
    assert list(frame["kind"].cat.categories) == ["b", "z"]
    assert frame["kind"].tolist() == ["b", "b", "z"]


def test_a_table_without_rows_still_opens_with_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    with TableWriter(path, SCHEMA) as writer:
        pass
    assert writer.rows == 0
    assert list(pd.read_parquet(path).columns) == ["key", "kind"]


def test_read_parquet_gives_what_read_table_gives(tmp_path: Path) -> None:
    """The part reader skips pyarrow's datasets layer and loses nothing: values, types (an
    enum's dictionary), nulls and the schema's metadata, whole or by columns."""
    rows = pa.table(
        {
            "doc_id": ["b", "a", None],
            "kind": pa.array(["x", "y", "x"]).dictionary_encode(),
            "value": [1.5, None, 3.0],
        }
    ).replace_schema_metadata({"origin": "test"})
    path = tmp_path / "part.parquet"
    pq.write_table(rows, path)
    for columns in (None, ["doc_id"], ["kind", "value"]):
        expected = pq.read_table(path, columns=columns)
        found = read_parquet(path, columns)
        assert found.equals(expected)
        assert found.schema.equals(expected.schema, check_metadata=True)
