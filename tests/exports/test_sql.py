from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports.sql import QueryDeniedError, QueryError, run_sql
from resume_etl.tables import read_tables


def test_each_table_is_a_view_named_after_it(raw_tables_dir: Path) -> None:
    result = run_sql(raw_tables_dir, "SELECT count(*) FROM experiences")
    assert result.rows == [(len(read_tables(raw_tables_dir).experiences),)]


def test_tables_join_on_doc_id(raw_tables_dir: Path) -> None:
    result = run_sql(
        raw_tables_dir,
        "SELECT p.doc_id, count(s.skill_id) AS skills FROM profiles p "
        "JOIN skills s USING (doc_id) GROUP BY 1 ORDER BY skills DESC",
    )
    assert result.columns == ["doc_id", "skills"]
    assert sum(row[1] for row in result.rows) == len(read_tables(raw_tables_dir).skills)


def test_bad_sql_raises_query_error_with_duckdbs_message(raw_tables_dir: Path) -> None:
    with pytest.raises(QueryError, match="no_such_column"):
        run_sql(raw_tables_dir, "SELECT no_such_column FROM skills")


def test_folder_without_tables_is_a_setup_error(tmp_path: Path) -> None:
    with pytest.raises(ResumeEtlError) as raised:
        run_sql(tmp_path, "SELECT 1")
    assert raised.value.code == ErrorCode.E104_NO_INPUT


def test_copy_to_any_path_is_refused_and_writes_nothing(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "leak.csv"
    with pytest.raises(QueryDeniedError) as raised:
        run_sql(raw_tables_dir, f"COPY (SELECT * FROM contacts) TO '{target}'")
    assert raised.value.code == ErrorCode.E133_QUERY_EXTERNAL_ACCESS
    assert not target.exists()


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
    ],
)
def test_reading_files_outside_the_tables_is_refused(raw_tables_dir: Path, sql: str) -> None:
    with pytest.raises(QueryDeniedError):
        run_sql(raw_tables_dir, sql)


def test_the_lock_cannot_be_undone_from_the_sql(raw_tables_dir: Path) -> None:
    with pytest.raises(QueryError, match="locked"):
        run_sql(raw_tables_dir, "SET enable_external_access = true")


def test_a_table_file_cannot_be_overwritten_through_the_query(raw_tables_dir: Path) -> None:
    table = raw_tables_dir / "skills.parquet"
    before = table.read_bytes()
    with pytest.raises(QueryDeniedError):
        run_sql(raw_tables_dir, f"COPY (SELECT 1 AS x) TO '{table}' (USE_TMP_FILE false)")
    assert table.read_bytes() == before


def test_allow_external_lets_the_sql_write_a_file(raw_tables_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "skills.csv"
    run_sql(raw_tables_dir, f"COPY (SELECT name FROM skills) TO '{target}'", allow_external=True)
    assert (
        len(target.read_text("utf-8").splitlines()) == len(read_tables(raw_tables_dir).skills) + 1
    )


def test_allow_external_lets_the_sql_read_another_file(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.csv"
    other.write_text("team\nalpha\nbeta\n", "utf-8")
    result = run_sql(
        raw_tables_dir, f"SELECT count(*) FROM read_csv('{other}')", allow_external=True
    )
    assert result.rows == [(2,)]
