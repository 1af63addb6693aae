"""Text normalization (``stages/normalize.py``): mojibake, bullets, dashes, whitespace, escapes."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from resume_etl.stages.normalize import _normalize_once, _until_unchanged, normalize


def test_mojibake_is_repaired_and_the_repair_recorded() -> None:
    text, repairs = normalize("Googleâ€™s developer community ðŸš€")
    assert text == "Google’s developer community 🚀"
    assert any(repair.startswith("ftfy:") for repair in repairs)


def test_curly_quotes_are_kept() -> None:
    text, _ = normalize("the “best” team’s work")
    assert text == "the “best” team’s work"


@pytest.mark.parametrize("marker", ["•", "●", "▪", "*", "-", "–", "◦"])
def test_bullet_markers_become_a_dash(marker: str) -> None:
    text, repairs = normalize(f"Intro\n  {marker} Shipped the thing\n")
    assert text == "Intro\n- Shipped the thing"
    if marker != "-":
        assert "bullets" in repairs


def test_emphasis_is_not_taken_for_a_bullet() -> None:
    text, _ = normalize("*Senior* engineer\n**Skills**")
    assert text == "*Senior* engineer\n**Skills**"


def test_dashes_spaces_and_blank_lines_are_normalized() -> None:
    text, repairs = normalize("2019\u2013Present\u00a0\u00a0x\r\n\n\n\n\tend  \n")
    assert text == "2019-Present  x\n\n    end"
    assert {"dashes", "spaces", "blank_lines", "line_endings"} <= set(repairs)


def test_invisible_and_control_characters_are_removed() -> None:
    text, _ = normalize("Ja\u200bne\x00 Doe\x07")
    assert text == "Jane Doe"


@given(st.text(max_size=300))
@example("Â\x0c\x98")  # a control character hid mojibake from ftfy until it was removed
@example("\xadÂ\x98")
def test_normalize_is_idempotent_and_leaves_no_carriage_returns(text: str) -> None:
    once, _ = normalize(text)
    twice, _ = normalize(once)
    assert twice == once
    assert "\r" not in once
    assert "\n\n\n" not in once


def test_escaped_utf8_bytes_are_decoded() -> None:
    text, repairs = normalize(
        "Main Street \\xe2\\x80\\xa2 Leeds\nUniversit\\xc3\\xa0 di Bologna\n\\xef\\x82\\xa7 Python"
    )
    assert text == "Main Street • Leeds\nUniversità di Bologna\n- Python"
    assert "byte_escapes" in repairs


def test_escapes_that_are_no_utf8_text_stay() -> None:
    assert normalize("A \\x01 B \\xff C")[0] == "A \\x01 B \\xff C"


def _every_pass(text: str) -> tuple[str, list[str]]:
    """``normalize`` without its shortcut: passes until one changes nothing."""
    return _until_unchanged(*_normalize_once(text))


_TRICKY = st.sampled_from(
    [
        "\n",
        "\n\n\n",
        "\r",
        "\x85",
        "\u2028",
        "\x0c",
        "  ",
        "    ",
        "\t",
        "- ",
        "• ",
        "–",
        "Ã©",
        "â€™",
        "Ã",
        "\xa0",
        "\u200b",
        "\\xe2\\x80\\xa2",
        "é",
        "A",
        "b. ",
        "2019",
    ]
)


@given(st.lists(st.one_of(_TRICKY, st.text(max_size=4)), max_size=40).map("".join))
@example("\nplain text\n")
@example("\nword\x85word\n")
@example("Ã©t\u00e9\n")
def test_the_second_pass_is_skipped_only_where_it_would_change_nothing(text: str) -> None:
    assert normalize(text) == _every_pass(text)


def test_cjk_separators_become_ascii_with_a_space_before_the_next_field() -> None:
    text, repairs = normalize("**学士，计算机科学**，清华大学、北京。好\nHello, world;x")
    assert text == "**学士, 计算机科学**, 清华大学, 北京. 好\nHello, world;x"
    assert "cjk_separators" in repairs


@given(st.text(alphabet="ab ,;:|)", max_size=30))
def test_text_without_cjk_letters_keeps_its_separators(text: str) -> None:
    assert "cjk_separators" not in normalize(text)[1]
