"""A lexicon's ``span_key`` says which table reads its matches; lexicons sharing a key add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from resume_etl.config import ComponentSpec, PipelineConfig
from resume_etl.engines.local import lexicon_categories
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.nlp import labels
from resume_etl.nlp.build import build_nlp
from resume_etl.wordlists import builtin_lexicon


def _lexicon(path: Path, name: str, category: str) -> str:
    row = {"name": name, "aliases": [], "category": category, "case_sensitive": False}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return str(path)


def test_a_span_key_no_table_reads_is_refused_naming_the_key(
    config: PipelineConfig, tmp_path: Path
) -> None:
    lexicon = ComponentSpec(
        factory="resume_etl_lexicon_v1",
        name="my_tools",
        config={"span_key": "my_tools", "lexicon": _lexicon(tmp_path / "t.jsonl", "Foo", "tool")},
    )
    settings = config.extract.model_copy(update={"components": (lexicon,)})
    with pytest.raises(ConfigError) as caught:
        build_nlp(settings)
    assert caught.value.code is ErrorCode.E100_BAD_CONFIG
    assert "extract.components.0.config.span_key" in str(caught.value)


def test_lexicons_sharing_a_key_add_to_one_group_and_one_category_table(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    for name, word in (("shipped", "Python"), ("mine", "Rust")):
        config = {
            "span_key": labels.SKILLS,
            "lexicon": _lexicon(tmp_path / f"{name}.jsonl", word, "programming_language"),
        }
        nlp.add_pipe("resume_etl_lexicon_v1", name=name, config=config)
    doc = nlp("Wrote Python and Rust services")
    assert [span.text for span in doc.spans[labels.SKILLS]] == ["Python", "Rust"]
    assert set(lexicon_categories(nlp).skills) == {"Python", "Rust"}


def test_the_school_category_the_extract_stage_asks_for_is_the_organization_lexicons() -> None:
    categories = {entry.category for entry in builtin_lexicon("org_keywords.jsonl")}
    assert labels.ACADEMIC in categories
