"""The one loader of the package's word lists, and the README that says what each file holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.wordlists import (
    builtin_alternation,
    builtin_forms,
    builtin_path,
    grammar_alternation,
    grammar_forms,
    load_lexicon,
    read_rows,
)

DATA = builtin_path("README.md").parent


def _positive(raw: dict[str, int]) -> int:
    if raw["n"] <= 0:
        raise ValueError("n must be positive")
    return raw["n"]


def test_a_row_its_parser_rejects_stops_with_e102_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"n": 1}\n\n{"n": 0}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_rows(path, _positive)
    assert caught.value.code is ErrorCode.E102_BAD_LEXICON
    assert f"{path}:3: n must be positive" in caught.value.message


def test_rows_are_parsed_in_file_order_skipping_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"n": 2}\n\n{"n": 1}\n', encoding="utf-8")
    assert read_rows(path, _positive) == (2, 1)


def test_an_alternation_prefers_the_longer_form_and_escapes_each() -> None:
    pattern = re.compile(
        rf"(?:{builtin_alternation('metric_context_words.jsonl', 'abbreviation')})"
    )
    # the dot is literal ("eag" is no "e.g"), and "mrs" is tried before "mr"
    assert pattern.findall("e.g eag mrs.") == ["e.g", "mrs"]


def test_a_category_s_forms_are_one_lower_case_set() -> None:
    assert {"in", "of", "for", "on"} == builtin_forms(
        "metric_context_words.jsonl", "subject_preposition"
    )


def _readme_sizes() -> dict[str, int]:
    """File name -> the line count its README section states."""
    sizes = {}
    for section in (DATA / "README.md").read_text(encoding="utf-8").split("\n## ")[1:]:
        name = section.split("\n", 1)[0].strip()
        stated = re.search(r"\*\*Entries:\*\* (\d+) lines", section)
        if name.endswith(".jsonl") and stated:
            sizes[name] = int(stated.group(1))
    return sizes


@pytest.mark.parametrize("path", sorted(DATA.glob("*.jsonl")), ids=lambda path: path.name)
def test_every_shipped_word_list_is_documented_with_its_size(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert _readme_sizes().get(path.name) == len(lines), f"README.md: {path.name}"
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_every_lexicon_shaped_word_list_loads() -> None:
    own_shapes = {"change_words.jsonl", "alphabets.jsonl"}
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name not in own_shapes:
            assert load_lexicon(path), path.name


@pytest.mark.parametrize(
    ("category", "text"),
    [("clause_start", "into "), ("after_opening_verb", "an "), ("first_person_singular", "I'm")],
)
def test_a_grammar_alternation_matches_a_longer_form_whole(category: str, text: str) -> None:
    """Forms that begin another ("in", "into") never cut the longer one short."""
    assert re.fullmatch(rf"(?:{grammar_alternation(category)})\s?", text)


def test_grammar_words_keep_their_case_only_where_asked() -> None:
    assert "I" in grammar_forms("first_person")
    assert "vs" in grammar_forms("title_abbreviation")
