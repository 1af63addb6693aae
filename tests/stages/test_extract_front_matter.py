"""The front matter of a markdown CV (``stages/extract/_front_matter.py``): key, value range."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract._front_matter import MAX_FRONT_MATTER_CHARS, front_matter

_KEYS = st.from_regex(r"[a-z][a-z_-]{0,11}", fullmatch=True)
_VALUES = st.from_regex(r"[A-Za-z][A-Za-z .,@/-]{0,30}[A-Za-z]", fullmatch=True)
_QUOTES = st.sampled_from(["", "'", '"'])


@given(pairs=st.dictionaries(_KEYS, st.tuples(_VALUES, _QUOTES), min_size=1, max_size=6))
def test_each_flat_value_is_found_at_its_place_without_quotes(
    pairs: dict[str, tuple[str, str]],
) -> None:
    lines = [f"{key}: {quote}{value}{quote}" for key, (value, quote) in pairs.items()]
    text = "---\n" + "\n".join(lines) + "\n---\n\n# Body\n"
    found = front_matter(text)
    assert {key: text[start:end] for key, (start, end) in found.items()} == {
        key: value for key, (value, _) in pairs.items()
    }


def test_keys_are_read_in_any_case_and_the_first_one_counts() -> None:
    text = "---\nAuthor: Jane Doe\nauthor: Someone Else\n...\nbody\n"
    start, end = front_matter(text)["author"]
    assert text[start:end] == "Jane Doe"


def test_nested_values_and_lists_are_not_read() -> None:
    text = "---\nauthor:\n  - name: Jane Doe\ntags: [cv, resume]\n---\n"
    assert set(front_matter(text)) == {"tags"}


def test_no_fence_at_the_start_or_no_closing_fence_is_no_front_matter() -> None:
    assert front_matter("# Jane Doe\n---\nname: x y\n---\n") == {}
    assert front_matter("---\nname: Jane Doe\n") == {}
    far = "---\n" + "note: x\n" * (MAX_FRONT_MATTER_CHARS // 8 + 1) + "---\nname: Jane\n"
    assert front_matter(far) == {}
