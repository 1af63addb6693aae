"""Metrics: each written form, qualifiers, directions, subjects, and the real markdown profile."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span

from resume_etl.nlp import metric_surface
from resume_etl.nlp.metric_expression import Expression
from resume_etl.nlp.metric_numbers import (
    MAX_NUMBERS_PER_LINE,
    no_word_after,
    read_numbers,
)
from resume_etl.nlp.metric_surface import counts_a_noun
from resume_etl.nlp.metrics import (
    _TO_BETWEEN,
    MetricFinder,
    MetricMatch,
    _written_from_to,
    from_before,
    parse_number,
)
from resume_etl.nlp.ranges import CharRanges
from resume_etl.stages.normalize import normalize
from resume_etl.vocab import MetricDirection, MetricQualifier, MetricUnit
from tests.conftest import RAW


@pytest.fixture(scope="module")
def finder(nlp: Language) -> MetricFinder:
    return MetricFinder(nlp.vocab)


def metrics(nlp: Language, finder: MetricFinder, text: str) -> list[MetricMatch]:
    return finder(nlp(text))


def one(nlp: Language, finder: MetricFinder, text: str) -> MetricMatch:
    found = metrics(nlp, finder, text)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "currency", "qualifier"),
    [
        ("Saved $1.5 million a year.", "$1.5 million", 1.5e6, "currency", "USD", "exact"),
        ("Closed $600M+ in deals.", "$600M+", 6e8, "currency", "USD", "at_least"),
        ("Managed a €20k budget.", "€20k", 2e4, "currency", "EUR", "exact"),
        ("Won a USD 2.5M grant.", "USD 2.5M", 2.5e6, "currency", "USD", "exact"),
        ("Served 10,000+ users.", "10,000+", 1e4, "count", None, "at_least"),
        ("Analyzed over 60 million episodes.", "over 60 million", 6e7, "count", None, "more_than"),
        ("Wrote more than 180 benchmarks.", "more than 180", 180, "count", None, "more_than"),
        ("Kept sub-10ms response times.", "sub-10ms", 10, "ms", None, "less_than"),
        ("Answered in 100ms on average.", "100ms", 100, "ms", None, "exact"),
        ("Logged 800+ hours of flight.", "800+ hours", 800, "hours", None, "at_least"),
        ("Made builds 3x faster.", "3x", 3, "x", None, "exact"),
        ("Made builds 3 times faster.", "3 times", 3, "x", None, "exact"),
        ("Gave 10× more throughput.", "10×", 10, "x", None, "exact"),
        ("Raised retention by around 55%.", "around 55%", 55, "percent", None, "approximately"),
        ("Lifted sales by 30 percent.", "30 percent", 30, "percent", None, "exact"),
        ("Stored 40 TB of logs.", "40 TB", 4e13, "bytes", None, "exact"),
        ("Cut hosting by £300k.", "£300k", 3e5, "currency", "GBP", "exact"),
        ("Onboarding took 2 days.", "2 days", 2, "days", None, "exact"),
        ("Each build finishes in 30 seconds.", "30 seconds", 30, "s", None, "exact"),
        (
            "Raised accuracy by 10 percentage points.",
            "10 percentage points",
            10,
            "pp",
            None,
            "exact",
        ),
        ("Boosted sign-ups by up to 25%.", "up to 25%", 25, "percent", None, "at_most"),
        ("Kept error rates below 0.1%.", "below 0.1%", 0.1, "percent", None, "less_than"),
        ("Handled at least 5,000 requests.", "at least 5,000", 5e3, "count", None, "at_least"),
        ("Trained new staff in three weeks.", "three weeks", 3, "weeks", None, "exact"),
    ],
)
def test_forms(
    nlp: Language,
    finder: MetricFinder,
    sentence: str,
    text: str,
    value: float,
    unit: str,
    currency: str | None,
    qualifier: str,
) -> None:
    found = one(nlp, finder, sentence)
    assert found.text == text
    assert found.value == pytest.approx(value)
    assert found.unit is MetricUnit(unit)
    assert found.currency == currency
    assert found.qualifier is MetricQualifier(qualifier)
    assert sentence[found.start_char : found.end_char] == text
    assert sentence[found.sentence_start : found.sentence_end] == sentence


def test_from_x_to_y_is_one_metric_with_its_direction(nlp: Language, finder: MetricFinder) -> None:
    found = one(nlp, finder, "Cut the batch time (from 800+ hours to within 72 hours).")
    assert (found.value, found.range_to) == (800, 72)
    assert found.unit is MetricUnit.HOURS
    assert found.direction is MetricDirection.DECREASE
    mixed = one(nlp, finder, "Shortened onboarding from 2 days to 4 hours.")
    assert (mixed.unit, mixed.value, mixed.range_to) == (MetricUnit.DAYS, 2, pytest.approx(1 / 6))
    assert mixed.direction is MetricDirection.DECREASE
    seconds = one(nlp, finder, "Cut p99 transfer latency from 1.8 s to 450 ms.")
    assert (seconds.unit, seconds.value, seconds.range_to) == (
        MetricUnit.SECONDS, 1.8, pytest.approx(0.45),
    )  # fmt: skip
    shared = one(nlp, finder, "Cut prototype lead time from 9 to 4 weeks.")
    assert (shared.unit, shared.value, shared.range_to) == (MetricUnit.WEEKS, 9, 4)
    grew = one(nlp, finder, "Grew revenue from $2M to $5M.")
    assert (grew.value, grew.range_to, grew.currency) == (2e6, 5e6, "USD")
    assert grew.direction is MetricDirection.INCREASE


@pytest.mark.parametrize(
    ("sentence", "direction", "subject"),
    [
        ("Reduced disk usage by around 55%.", "decrease", "disk usage"),
        ("Delivered over 100ms reduction in P100 latency.", "decrease", "P100 latency"),
        ("Increased conversion by 12%.", "increase", "conversion"),
        ("Served 10,000+ users.", "none", "users"),
        ("Reduced time-to-first-token by 40%.", "decrease", "time-to-first-token"),
        (
            "FP8, prefix caching, and CUDA graphs reduced time-to-first-token by about 65%",
            "decrease",
            "time-to-first-token",
        ),
        ("Saved $1.5 million in annual log storage cost.", "decrease", "annual log storage cost"),
        ("Cut annual hosting costs by £300k.", "decrease", "annual hosting costs"),
        ("Lowered cloud spend by EUR 40,000 annually.", "decrease", "cloud spend"),
        ("Reduced churn from 12% to 7%.", "decrease", "churn"),
        ("Improved throughput by 40%.", "increase", "throughput"),
        ("Grew revenue 3x.", "increase", "revenue"),
        ("Boosted sign-ups by up to 25%.", "increase", "sign-ups"),
        ("Drove a 2x increase in weekly active users.", "increase", "weekly active users"),
        ("Kept error rates below 0.1%.", "none", None),
        ("Shipped a tool that lifted clearance margin 3x.", "increase", "clearance margin"),
        ("Reduced drafting time from 3 days to 1.", "decrease", "drafting time"),
        ("Flagged patients saw a **9%** drop in readmissions.", "decrease", "readmissions"),
        ("Built a model (gradient boosting) used at 14 hospitals.", "none", "hospitals"),
    ],
)
@pytest.mark.parametrize("reader", ["surface", "parse"])
def test_direction_and_subject_come_from_the_bullet(
    request: pytest.FixtureRequest,
    finder: MetricFinder,
    reader: str,
    sentence: str,
    direction: str,
    subject: str | None,
) -> None:
    """The default pipeline reads them from the words; a pipeline that parses metric lines, from
    the parse (backed up by the words)."""
    nlp: Language = request.getfixturevalue("nlp" if reader == "surface" else "parsing_nlp")
    found = one(nlp, finder, sentence)
    assert found.direction is MetricDirection(direction)
    assert found.subject == subject


def test_spelled_counts_need_a_plural_noun(nlp: Language, finder: MetricFinder) -> None:
    found = one(nlp, finder, "Published three tutorials on the topic.")
    assert (found.value, found.unit, found.subject) == (3, MetricUnit.COUNT, "tutorials")
    assert metrics(nlp, finder, "One of the three was late.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Joined in 2019 and left in 2021.",
        "GPA 3.8/4.0, Python 3 and version 2.1.",
        "Call +1 555 123 4567 today.",
        "Room 12 of building B.",
    ],
)
def test_numbers_that_are_not_metrics(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)  # the full pipeline: its date and contact spans are excluded
    assert [span.text for span in doc.spans["metrics"]] == []


def test_the_markdown_profile_yields_its_metrics(nlp: Language) -> None:
    raw = (RAW / "002_91b2c9230d4b7ab5.txt").read_text(encoding="utf-8")
    text, _ = normalize(raw)
    doc = nlp(text)  # held: a span group dies with its Doc
    found = [span._.resume_etl_metric for span in doc.spans["metrics"]]
    by_text = {metric.text: metric for metric in found}
    assert len(found) >= 12
    expected = {
        "sub-10ms": ("ms", "less_than", "none"),
        "nearly 100%": ("percent", "approximately", "decrease"),
        "$1.5 million": ("currency", "exact", "decrease"),
        "over 100ms": ("ms", "more_than", "decrease"),
        "over 60 million": ("count", "more_than", "none"),
        "10,000+": ("count", "at_least", "none"),
        "around 55%": ("percent", "approximately", "decrease"),
        "around 88%": ("percent", "approximately", "decrease"),
        "800+ hours to within 72 hours": ("hours", "at_least", "decrease"),
        "95%+": ("percent", "at_least", "none"),
        "more than 180": ("count", "more_than", "none"),
    }
    for text_, (unit, qualifier, direction) in expected.items():
        metric = by_text[text_]
        assert (metric.unit.value, metric.qualifier.value, metric.direction.value) == (
            unit,
            qualifier,
            direction,
        ), text_
    assert by_text["$1.5 million"].subject == "log storage"
    assert by_text["around 55%"].subject == "disk usage"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_reads_thousands_separators(number: int) -> None:
    assert parse_number(f"{number:,}") == number
    assert parse_number(str(number)) == number


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_parse_number_reads_decimals(number: object) -> None:
    assert parse_number(f"{number}") == pytest.approx(float(str(number)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or result >= 0


_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, " million": 1e6, "B": 1e9, " billion": 1e9, "": 1.0}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "USD ": "USD", "EUR ": "EUR"}


@settings(max_examples=50, deadline=None)
@given(
    st.decimals(min_value=1, max_value=999, places=1, allow_nan=False),
    st.sampled_from(sorted(_SCALES)),
    st.sampled_from(sorted(_CURRENCIES)),
    st.sampled_from(["", "+"]),
)
def test_generated_amounts_read_back_as_value_and_currency(
    nlp: Language, finder: MetricFinder, number: object, scale: str, symbol: str, plus: str
) -> None:
    text = f"{symbol}{number}{scale}{plus}"
    found = one(nlp, finder, f"Saved {text} in hosting costs.")
    assert found.text == text
    assert found.value == pytest.approx(float(str(number)) * _SCALES[scale])
    assert (found.unit, found.currency) == (MetricUnit.CURRENCY, _CURRENCIES[symbol])
    expected = MetricQualifier.AT_LEAST if plus else MetricQualifier.EXACT
    assert found.qualifier is expected


_RANGES = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 8)).map(lambda r: (r[0], r[0] + r[1])),
    max_size=8,
)


@given(_RANGES, st.integers(0, 70), st.integers(1, 8))
def test_the_binary_search_for_blocked_ranges_agrees_with_checking_each(
    ranges: list[tuple[int, int]], start: int, width: int
) -> None:
    end = start + width
    expected = any(start < other_end and other_start < end for other_start, other_end in ranges)
    assert CharRanges(ranges).overlap(start, end) is expected


def test_a_document_of_figures_is_read_up_to_the_cap_in_text_order(
    nlp: Language, finder: MetricFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.nlp.metrics.MAX_METRICS", 4)
    text = "Cut costs by 5%, 6%, 7%, 8%, 9% and 10% and grew sales by three new lines."
    found = metrics(nlp, finder, text)
    assert [m.text for m in found] == ["5%", "6%", "7%", "8%"]


def test_the_finder_says_when_its_cap_left_a_metric_out(
    nlp: Language, finder: MetricFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Cut costs by 5%, 6% and 7% and grew sales by three new lines."
    monkeypatch.setattr("resume_etl.nlp.metrics.MAX_METRICS", 4)
    found, capped = finder.find(nlp(text))
    assert (len(found), capped) == (4, False)  # exactly at the cap: nothing left out
    monkeypatch.setattr("resume_etl.nlp.metrics.MAX_METRICS", 3)
    found, capped = finder.find(nlp(text))
    assert ([m.text for m in found], capped) == (["5%", "6%", "7%"], True)


def test_a_long_document_reads_as_many_metrics_per_stretch_as_a_short_one_up_to_the_ceiling(
    nlp: Language, finder: MetricFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap is counted per ``CAP_CHARS`` of the text: a text ten stretches long reads ten
    times a short text's metrics, so both cost alike per MB; the ceiling bounds any text."""
    monkeypatch.setattr("resume_etl.nlp.metric_numbers.CAP_CHARS", 32)
    monkeypatch.setattr("resume_etl.nlp.metrics.MAX_METRICS", 2)
    line = "- Cut costs by 15% and 20%.\n"  # 28 characters, 2 metrics
    found, capped = finder.find(nlp(line * 16))  # 448 characters: 14 stretches, 28 metrics
    assert (len(found), capped) == (28, True)
    assert [m.text for m in found] == ["15%", "20%"] * 14
    found, capped = finder.find(nlp(line * 16 + " " * 64))  # 16 stretches: all 32 metrics
    assert (len(found), capped) == (32, False)
    monkeypatch.setattr("resume_etl.nlp.metrics.METRICS_CEILING", 5)
    found, capped = finder.find(nlp(line * 16))
    assert (len(found), capped) == (5, True)


def test_numbers_are_read_up_to_the_cap_of_each_line_and_the_next_line_still_counts() -> None:
    dense = " ".join(f"{n}%" for n in range(3 * MAX_NUMBERS_PER_LINE))
    text = f"{dense}\nCut costs by 5% and 7%\nGrew sales by 9%"
    numbers, capped = read_numbers(text)
    assert capped is True
    assert len(numbers) == MAX_NUMBERS_PER_LINE + 3
    assert [text[n.start : n.end] for n in numbers[-3:]] == ["5%", "7%", "9%"]
    assert all(n.end <= len(dense) for n in numbers[:MAX_NUMBERS_PER_LINE])


def test_lines_under_the_cap_are_read_whole_and_nothing_is_capped() -> None:
    text = "\n".join(" ".join(["12%"] * MAX_NUMBERS_PER_LINE) for _ in range(3))
    numbers, capped = read_numbers(text)
    assert (len(numbers), capped) == (3 * MAX_NUMBERS_PER_LINE, False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["4200", "17", "98.6", "3", "10s", "APIs", "people", "new", "x2", "-", "("]
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "  ", "\n", " \n"]), min_size=12, max_size=12),
)
def test_no_word_after_a_number_agrees_with_the_tokens(
    nlp: Language, words: list[str], spaces: list[str]
) -> None:
    text = "".join(word + space for word, space in zip(words, spaces, strict=False))
    doc = nlp.make_doc(text)
    for number in read_numbers(text)[0]:
        if no_word_after(text, number.end):
            span = doc.char_span(number.start, number.end, alignment_mode="expand")
            assert span is None or not counts_a_noun(doc, span.end)


def test_numbers_before_figures_or_a_line_end_need_no_tokens() -> None:
    text = "4200 17 98.6 300000\n12 engineers and 3 10s"
    ends = {text[n.start : n.end]: no_word_after(text, n.end) for n in read_numbers(text)[0]}
    assert ends == {"4200": True, "17": True, "98.6": True, "300000": True, "12": False, "3": False}


def test_each_metric_looks_for_its_change_word_once(
    nlp: Language, finder: MetricFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    looked_up = metric_surface.change_before

    def counting(
        span: Span, opening: Callable[[], int], unit: MetricUnit
    ) -> metric_surface.ChangeBefore:
        calls.append(span.start)
        return looked_up(span, opening, unit)

    monkeypatch.setattr(metric_surface, "change_before", counting)
    doc = nlp("- Cut hosting costs by 15%\n- Grew revenue by $2M")  # its metrics component too
    calls.clear()
    found = finder(doc)
    assert [(m.direction, m.subject) for m in found] == [
        ("decrease", "hosting costs"),
        ("increase", "revenue"),
    ]
    assert len(calls) == len(found) == len(set(calls))


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["from", "From", "FROM", "frOm", "rom", "f", " ", "\n", "\t", "x", "İ", "ſ", "5"]
        ),
        max_size=8,
    ).map("".join),
    st.integers(0, 40),
)
def test_from_before_is_the_regex_search(text: str, start: int) -> None:
    """Looking for "from" in the lower-cased characters first gives the regex's answer."""
    start = min(start, len(text))
    expected = _FROM.search(text, max(0, start - 12), start) is not None
    assert from_before(text, start) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["from", "From", " ", "  ", "to", "TO", "\t", "\n", "x", "5", "-"]),
        max_size=8,
    ).map("".join),
    st.lists(st.sampled_from([" ", "to", "To", "\n", "x", ","]), max_size=5).map("".join),
)
def test_the_gap_check_before_from_to_is_the_two_regexes(before: str, gap: str) -> None:
    """Measuring the gap first answers what ``from_before`` and ``_TO_BETWEEN`` answer."""
    text = f"{before}12{gap}15%"
    first = Expression(
        12.0, MetricUnit.COUNT, None, MetricQualifier.EXACT, len(before), len(before) + 2
    )
    start = first.end + len(gap)
    second = Expression(15.0, MetricUnit.PERCENT, None, MetricQualifier.EXACT, start, start + 3)
    expected = from_before(text, first.start) and _TO_BETWEEN.fullmatch(text, first.end, start)
    assert _written_from_to(text, first, second) == bool(expected)
