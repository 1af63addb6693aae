"""Tables built from sorted runs of rows, in bounded memory: the merge a run commits through.

A run's rows for one table come from several places (the batches' part files, the stored
table of the previous run, the driver's own quarantine rows), and must come out ordered by the
rank of the file each row belongs to. Each place is read as a *sorted run*: chunks of rows
whose ranks never decrease. A place whose rows are not in rank order (the stored table, when the
inputs were given in another order than last time) is cut into pieces of ``SPILL_BYTES`` that
are sorted one by one and spilled to disk, each its own run. ``merge_runs`` then interleaves the
runs, a slice at a time, and ``TableWriter`` writes row groups of bounded rows and bytes. In
memory: one chunk per run and one row group. In order, a place is one run whatever its size;
spilled, it is one run per ``SPILL_BYTES`` of rows, each holding a chunk of about
``SPILLED_READ_BYTES`` (1 MiB per 32 MiB spilled: 70 MiB for a 2 GiB table).

Ranks are ``int64`` NumPy arrays beside the rows; a rank of ``DROP`` removes the row.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

__all__ = [
    "DROP",
    "READ_ROWS",
    "ROW_GROUP_ROWS",
    "RankedChunk",
    "Ranker",
    "TableWriter",
    "merge_runs",
    "run_in_memory",
    "runs_of",
]

DROP = -1
ROW_GROUP_ROWS = 65_536
"""Rows per row group of a written table, at most."""
ROW_GROUP_BYTES = 32 * 2**20
"""Bytes (as Arrow) per row group, at most: a ``documents`` row holds a whole text."""
READ_ROWS = 2_048
"""Rows per chunk read from a stored table (a ``documents`` chunk is then about 10 MB)."""
SPILL_BYTES = 32 * 2**20
"""Bytes (as Arrow) of rows sorted together into one spilled piece."""
SPILLED_READ_BYTES = 2**20
"""Bytes per chunk read back from a spilled piece: every piece holds one chunk during the merge,
and the number of pieces grows with the run, so their chunks must stay small (wide rows too)."""

Ranks = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class RankedChunk:
    """Rows and, per row, the rank of the file it belongs to (never ``DROP`` here)."""

    ranks: Ranks
    rows: pa.Table


class Ranker:
    """Maps a column of file keys (paths or doc_ids) to ranks; keys it does not know drop.

    A chunk holds few distinct keys (a batch's 32 paths, a stored chunk's doc_ids), so the
    lookup goes through the chunk's own dictionary: its cost follows the chunk, not the run
    (``pc.index_in`` would hash every key of the run again for each chunk).
    """

    def __init__(self, ranks: dict[str, int]) -> None:
        self._ranks = ranks

    def __call__(self, keys: pa.ChunkedArray | pa.Array) -> Ranks:
        if isinstance(keys, pa.ChunkedArray):
            keys = keys.combine_chunks()
        if len(keys) == 0:
            return np.empty(0, dtype=np.int64)
        encoded = keys if pa.types.is_dictionary(keys.type) else pc.dictionary_encode(keys)
        lookup = [self._ranks.get(key, DROP) for key in encoded.dictionary.to_pylist()]
        table = np.array([*lookup, DROP], dtype=np.int64)  # index -1 (a null key) drops
        indices = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        return np.asarray(table[indices], dtype=np.int64)


ChunkSource = Callable[[Sequence[str] | None], Iterator[pa.Table]]
"""Reads a place's rows chunk by chunk (only the given columns, or all); may be read again."""


def read_parquet(path: Path, columns: Sequence[str] | None = None) -> pa.Table:
    """One Parquet file read whole (or ``columns`` of it), the same table ``pq.read_table``
    gives, without its datasets layer (discovery, a thread pool): a run reads each part file
    twice (its key column to check the order, then all of it), and on a batch's small parts
    that layer made the reads cost about twice the CPU (1.1 against 0.6 ms a document, paired
    in one process on the benchmark corpus)."""
    with pq.ParquetFile(path) as parquet_file:
        return parquet_file.read(columns=list(columns) if columns else None)


def runs_of(
    read: ChunkSource,
    key: str,
    rank: Ranker,
    schema: pa.Schema,
    spill: Path,
) -> list[Iterator[RankedChunk]]:
    """The kept rows of one place as sorted runs: itself when in order, else spilled pieces."""
    if _in_order(read, key, rank):
        return [_ranked(read(None), key, rank, schema)]
    spill.mkdir(parents=True, exist_ok=True)
    pieces: list[Iterator[RankedChunk]] = []
    pending: list[RankedChunk] = []
    pending_bytes = 0
    for chunk in _ranked(read(None), key, rank, schema):
        pending.append(chunk)
        pending_bytes += chunk.rows.nbytes
        if pending_bytes >= SPILL_BYTES:
            pieces.append(_spill(pending, spill / f"{len(pieces):08d}.parquet", schema))
            pending, pending_bytes = [], 0
    if pending:
        pieces.append(_spill(pending, spill / f"{len(pieces):08d}.parquet", schema))
    return pieces


def _spill(chunks: list[RankedChunk], path: Path, schema: pa.Schema) -> Iterator[RankedChunk]:
    """Sort ``chunks`` together, write them to ``path``, and read them back as one sorted run."""
    ranks = np.concatenate([chunk.ranks for chunk in chunks])
    order = np.argsort(ranks, kind="stable")
    rows = pa.concat_tables([chunk.rows for chunk in chunks]).take(pa.array(order))
    rows = rows.append_column("__rank", pa.array(ranks[order], type=pa.int64()))
    chunk_rows = max(16, SPILLED_READ_BYTES * rows.num_rows // max(1, rows.nbytes))
    pq.write_table(rows, path, row_group_size=chunk_rows)
    return _spilled(path, schema, chunk_rows)


def run_in_memory(rows: pa.Table, ranks: Ranks) -> Iterator[RankedChunk]:
    """A small table the caller holds anyway (the driver's own rows) as one sorted run."""
    keep = ranks != DROP
    order = np.argsort(ranks, kind="stable")
    order = order[keep[order]]
    if len(order):
        yield RankedChunk(ranks[order], rows.take(pa.array(order)))


def _in_order(read: ChunkSource, key: str, rank: Ranker) -> bool:
    """Whether the kept rows' ranks never decrease, reading the key column alone."""
    last = DROP
    for chunk in read([key]):
        ranks = rank(chunk[key])
        kept = ranks[ranks != DROP]
        if len(kept) == 0:
            continue
        if kept[0] < last or bool(np.any(np.diff(kept) < 0)):
            return False
        last = int(kept[-1])
    return True


def _ranked(
    chunks: Iterable[pa.Table], key: str, rank: Ranker, schema: pa.Schema
) -> Iterator[RankedChunk]:
    """Each chunk's kept rows, in ``schema``, with their ranks."""
    for chunk in chunks:
        ranks = rank(chunk[key])
        keep = ranks != DROP
        if not keep.any():
            continue
        rows = chunk.select(schema.names).cast(schema)
        if not keep.all():
            rows = rows.filter(pa.array(keep))
        yield RankedChunk(ranks[keep], rows)


def _spilled(path: Path, schema: pa.Schema, chunk_rows: int) -> Iterator[RankedChunk]:
    reader = pq.ParquetFile(path)
    for batch in reader.iter_batches(batch_size=chunk_rows):
        table = pa.Table.from_batches([batch])
        ranks = np.asarray(table["__rank"].to_numpy(), dtype=np.int64)
        yield RankedChunk(ranks, table.select(schema.names).cast(schema))


@dataclass(slots=True)
class _Head:
    """A run's current chunk and how far into it the merge has read."""

    chunk: RankedChunk
    offset: int
    rest: Iterator[RankedChunk]

    @property
    def rank(self) -> int:
        return int(self.chunk.ranks[self.offset])


def merge_runs(runs: Sequence[Iterator[RankedChunk]]) -> Iterator[pa.Table]:
    """The rows of all ``runs`` in rank order (ties: the earlier run first), slice by slice.

    Each step takes from the run with the lowest next rank every row up to the next rank of
    any other run, so a run that is ahead of the others streams through in whole chunks.
    """
    heads: dict[int, _Head] = {}
    heap: list[tuple[int, int]] = []
    for number, run in enumerate(runs):
        head = _advance(run)
        if head is not None:
            heads[number] = head
            heapq.heappush(heap, (head.rank, number))
    while heap:
        _, number = heapq.heappop(heap)
        head = heads[number]
        limit = heap[0] if heap else None
        ranks = head.chunk.ranks
        if limit is None:
            end = len(ranks)
        else:
            side: Literal["left", "right"] = "right" if number < limit[1] else "left"
            end = max(head.offset + 1, int(np.searchsorted(ranks, limit[0], side=side)))
        yield head.chunk.rows.slice(head.offset, end - head.offset)
        if end < len(ranks):
            head.offset = end
        else:
            following = _advance(head.rest)
            if following is None:
                del heads[number]
                continue
            heads[number] = head = following
        heapq.heappush(heap, (head.rank, number))


def _advance(run: Iterator[RankedChunk]) -> _Head | None:
    for chunk in run:
        if len(chunk.ranks):
            return _Head(chunk, 0, run)
    return None


class TableWriter:
    """Writes one Parquet table in row groups of ``row_group_rows``, whatever slices arrive.

    A row group is cut early when the rows waiting for it pass ``row_group_bytes``, so wide rows
    (whole texts) cannot fill memory; otherwise the groups depend only on the rows. Enum
    (dictionary) columns are re-encoded per row group so their categories follow the rows
    (pandas compares categoricals with their category order).
    """

    def __init__(
        self,
        path: Path,
        schema: pa.Schema,
        row_group_rows: int = ROW_GROUP_ROWS,
        row_group_bytes: int = ROW_GROUP_BYTES,
    ) -> None:
        self.path = path
        self.schema = schema
        self.rows = 0
        self._row_group_rows = row_group_rows
        self._row_group_bytes = row_group_bytes
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._writer = pq.ParquetWriter(path, schema)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._writer.close()

    def write(self, rows: pa.Table) -> None:
        if rows.num_rows == 0:
            return
        self._pending.append(rows)
        self._pending_rows += rows.num_rows
        self._pending_bytes += rows.nbytes
        while self._pending_rows >= self._row_group_rows:
            pending = pa.concat_tables(self._pending)
            self._flush(pending.slice(0, self._row_group_rows))
            rest = pending.slice(self._row_group_rows)
            self._pending = [rest] if rest.num_rows else []
            self._pending_rows, self._pending_bytes = rest.num_rows, rest.nbytes
        if self._pending_bytes >= self._row_group_bytes:
            self._flush(pa.concat_tables(self._pending))
            self._pending, self._pending_rows, self._pending_bytes = [], 0, 0

    def close(self) -> None:
        if self._pending_rows or self.rows == 0:
            pending = self._pending or [self.schema.empty_table()]
            self._flush(pa.concat_tables(pending))
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0
        self._writer.close()
        # mimalloc (Arrow's default pool) keeps freed pages for reuse; a commit writes a dozen
        # tables one after another, so hand them back between tables or the peaks add up.
        pa.default_memory_pool().release_unused()

    def _flush(self, rows: pa.Table) -> None:
        self._writer.write_table(canonical_dictionaries(rows.cast(self.schema)))
        self.rows += rows.num_rows


def canonical_dictionaries(table: pa.Table) -> pa.Table:
    """Re-encode dictionary columns so each one's categories are in order of appearance."""
    for index, column_field in enumerate(table.schema):
        if pa.types.is_dictionary(column_field.type):
            plain = table.column(index).cast(column_field.type.value_type).combine_chunks()
            encoded = pc.dictionary_encode(plain).cast(column_field.type)
            table = table.set_column(index, column_field, encoded)
    return table.combine_chunks()
