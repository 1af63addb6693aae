from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports.sql import QueryError, run_sql
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
