"""The line-role model: shape features without words, the shipped model, and segmenting with it."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import SegmentSettings
from resume_etl.errors import ConfigError
from resume_etl.nlp.line_roles import LineRole
from resume_etl.stages.extract import (
    ExtractedDocument,
    LexiconCategories,
    analyse,
    extract,
)
from resume_etl.stages.layout import (
    FEATURES_VERSION,
    LineRoleModel,
    LineShape,
    RoleGuess,
    features,
    line_features,
    line_model_for,
    load_line_model,
    model_path,
)
from resume_etl.stages.segment import Entry, SectionClassifier, segment
from tests.conftest import make_document


def _shapes(lines: list[str]) -> list[LineShape]:
    return [LineShape(line, False, "experience", False) for line in lines]


def test_features_read_shapes_not_words() -> None:
    first = line_features(_shapes(["Harbour Ledger   03/2021 - Present", "  - Cut costs by half"]))
    second = line_features(_shapes(["Copper Anchor    11/2019 - Present", "  - Made tea for all"]))
    assert first == second


def test_a_line_reads_the_same_whether_its_text_was_seen_before() -> None:
    lines = ["EXPERIENCE", "Harbour Ledger   03/2021 - Present", "  - Cut costs by half"]
    warm = line_features(_shapes(lines))
    features._line_text.cache_clear()
    assert line_features(_shapes(lines)) == warm


def test_only_the_nearest_neighbours_lend_features() -> None:
    rows = line_features(_shapes(["Harbour Ledger", "Analyst", "2019 - 2021", "- Cut costs"]))
    prefixes = {feature.split(":", 1)[0] for row in rows for feature in row if ":" in feature}
    assert prefixes == {"p", "n"}


def test_no_feature_carries_a_word_of_the_line() -> None:
    features = line_features(_shapes(["Zanzibarian Quokkaworks, Lyonnesse", "quixotic flumph"]))
    words = {"zanzibarian", "quokkaworks", "lyonnesse", "quixotic", "flumph"}
    assert not any(word in feature.lower() for row in features for feature in row for word in words)


def test_indentation_is_read_from_the_section_margin() -> None:
    lines = ["Harbour Ledger", "Senior Engineer", "2019 - 2021", "Rebuilt the batch."]
    flush = line_features(_shapes(lines))
    assert line_features(_shapes([" " + line for line in lines])) == flush
    stepped = line_features(_shapes([lines[0], "    " + lines[1]]))
    assert "ind=le0" in stepped[0]
    assert "ind=le4" in stepped[1]


def test_lexicon_hits_are_flags() -> None:
    (row,) = line_features(_shapes(["Bachelor of Science, University of Leeds"]))
    assert "lex_degree" in row
    assert "lex_org" in row


def test_the_shipped_model_loads_and_records_its_provenance() -> None:
    model = load_line_model("line_roles_v5")
    card = json.loads(model_path("line_roles_v5").with_suffix(".json").read_text("utf-8"))
    assert card["features_version"] == FEATURES_VERSION
    assert card["data"]["files"]["train"] > 0
    assert set(card["scores"]) == {"train", "untouched"}
    assert isinstance(model, LineRoleModel)


def test_the_model_survives_pickling_for_worker_processes() -> None:
    model = load_line_model("line_roles_v5")
    copy = pickle.loads(pickle.dumps(model))
    shapes = _shapes(["Harbour Ledger", "Senior Engineer", "- Cut costs by half"])
    assert [g.role for g in copy.label(shapes)] == [g.role for g in model.label(shapes)]


def test_an_unknown_model_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown line model"):
        load_line_model("line_roles_v0")


def test_a_retired_model_name_says_what_replaced_it() -> None:
    with pytest.raises(ConfigError, match="unknown line model") as raised:
        load_line_model("line_roles_v4")
    assert "line_roles_v5" in str(raised.value)


def test_off_means_no_model() -> None:
    assert line_model_for(SegmentSettings(sections={}, line_model="off")) is None


PDF_PASTE = """\
Mira Quell
PROFESSIONAL EXPERIENCE

Harbour Ledger, Leeds                                               03/2021 - Present
Senior Platform Engineer
  • Rebuilt the nightly settlement batch so that reconciliation finishes before the
    morning shift, with alerts routed to the on-call engineer
  • Cut deploy time by 40%

Mira Quell – Curriculum Vitae

Copper Anchor, York                                                 01/2017 - 02/2021
Platform Engineer
  • Moved the ledger to managed Postgres with no downtime
"""


@pytest.fixture(scope="module")
def with_model(
    nlp: Language, classifier: SectionClassifier, categories: LexiconCategories
) -> Callable[[str], ExtractedDocument]:
    """Segment and extract with the shipped model, whatever the default pipeline says."""
    model = load_line_model("line_roles_v5")

    def run(text: str) -> ExtractedDocument:
        segmented = segment(make_document(text), classifier, model)
        return extract(segmented, analyse(nlp, [segmented])[0], categories)

    return run


def test_a_wrapped_bullet_is_joined_to_the_bullet_it_continues(
    with_model: Callable[[str], ExtractedDocument],
) -> None:
    extracted = with_model(PDF_PASTE)
    first = extracted.experiences[0]
    assert first.bullets[0].endswith(
        "before the morning shift, with alerts routed to the on-call engineer"
    )
    assert len(first.bullets) == 2


def test_page_furniture_inside_a_section_is_no_entry(
    with_model: Callable[[str], ExtractedDocument],
) -> None:
    segmented = with_model(PDF_PASTE).segmented
    (experience,) = [s for s in segmented.sections if s.kind.value == "experience"]
    headers = [entry.header[0].content for entry in experience.entries]
    assert len(headers) == 2
    assert all("Curriculum Vitae" not in header for header in headers)
    body = [line.content for entry in experience.entries for line in entry.body]
    assert not any("Curriculum Vitae" in line for line in body)


class _FixedModel:
    """A stand-in for the CRF that gives chosen lines chosen roles (the rest: ``other``)."""

    def __init__(self, roles: dict[str, tuple[LineRole, float]]) -> None:
        self.roles = roles

    def label_where(
        self, shapes: Sequence[LineShape], wanted: Sequence[bool]
    ) -> list[RoleGuess | None]:
        return [
            RoleGuess(*self.roles.get(shape.raw.strip(), (LineRole.OTHER, 1.0))) if want else None
            for shape, want in zip(shapes, wanted, strict=True)
        ]


def _segment_with(text: str, model: _FixedModel, classifier: SectionClassifier) -> list[Entry]:
    segmented = segment(make_document(text), classifier, model)  # type: ignore[arg-type]
    return [entry for section in segmented.sections for entry in section.entries]


WEBSITE_JOBS = """\
Experience

Senior Engineer at Harbour Ledger
2016-05 - 2021-12
Served the developers by triaging issues.
Promoted to Staff Engineer Mar. 2021.

Software Engineer at Copper Anchor
2014-05 - 2016-05
"""


def test_a_dated_line_amid_a_body_stays_there_when_the_model_is_sure(
    classifier: SectionClassifier,
) -> None:
    sure = _FixedModel({"Promoted to Staff Engineer Mar. 2021.": (LineRole.BULLET, 0.95)})
    entries = _segment_with(WEBSITE_JOBS, sure, classifier)
    assert [entry.header[0].content for entry in entries] == [
        "Senior Engineer at Harbour Ledger",
        "Software Engineer at Copper Anchor",
    ]
    assert entries[0].body[-1].content == "Promoted to Staff Engineer Mar. 2021."


def test_a_dated_line_right_under_a_header_is_left_to_the_rules(
    classifier: SectionClassifier,
) -> None:
    text = "Education\nPh.D. in Economics, LSE, 2015\nM.A. in Economics, Rice University, 2010\n"
    wrong = _FixedModel({"M.A. in Economics, Rice University, 2010": (LineRole.CONTINUATION, 0.99)})
    assert len(_segment_with(text, wrong, classifier)) == 2


def test_furniture_is_dropped_only_when_the_page_repeats_it(
    classifier: SectionClassifier,
) -> None:
    text = "Experience\nPosition: Audit Senior\nCompany: Sriram & Associates\nMar 2018 - Jun 2021\n"
    unsure = _FixedModel({"Position: Audit Senior": (LineRole.FURNITURE, 0.99)})
    (entry,) = _segment_with(text, unsure, classifier)
    assert entry.header[0].content == "Position: Audit Senior"


def test_restored_line_breaks_are_read_by_the_rules_alone(classifier: SectionClassifier) -> None:
    printed = (
        "Jane Roe\njane.roe@example.org\n\nExperience\n"
        "Data Analyst | Northwind Bank | Jan 2020 - Present\n- Cut report time by 30%\n\n"
        "Education\nState University\nB.Sc. Statistics\n"
    )
    collapsed = printed.replace("\n\n", "    ").replace("\n", "  ")
    all_wraps = _FixedModel({})
    all_wraps.roles = _AlwaysContinuation()
    assert len(_segment_with(printed, all_wraps, classifier)) == 1  # the school read as a wrap
    assert len(_segment_with(collapsed, all_wraps, classifier)) == 2


class _AlwaysContinuation(dict[str, tuple[LineRole, float]]):
    def get(self, key: str, default: object = None) -> tuple[LineRole, float]:  # type: ignore[override]
        return (LineRole.CONTINUATION, 1.0)


def test_an_entry_led_by_its_period_keeps_its_header_lines(classifier: SectionClassifier) -> None:
    text = (
        "Experience\n\nJan 2021 - Mar 2022\n\nAnalyst\n\nNorthwind Bank\n\nBuilt the reports.\n\n"
        "Apr 2019 - Dec 2020\n\nClerk\n\nSouthwind Bank\n\nFiled.\n"
    )
    segmented = segment(make_document(text), classifier, load_line_model("line_roles_v5"))
    headers = [[line.content for line in entry.header] for entry in segmented.sections[-1].entries]
    assert headers == [
        ["Jan 2021 - Mar 2022", "Analyst", "Northwind Bank"],
        ["Apr 2019 - Dec 2020", "Clerk", "Southwind Bank"],
    ]


def test_an_unsure_continuation_in_capitals_is_left_to_the_rules(
    classifier: SectionClassifier,
) -> None:
    text = (
        "Experience\n\nPlatform Engineer at Brindle Systems\n2023-03 - 2024-08\n"
        "Built the platform for the fleet of trucks\n"
        "Reduced false alarms in the downstream components\n"
        "Research Assistant at Eastfield Robotics Lab, Eastfield University\n"
        "2021-12 - 2023-03\nStudied social robots with children and their teachers\n"
    )
    segmented = segment(make_document(text), classifier, load_line_model("line_roles_v5"))
    firsts = [entry.header[0].content for entry in segmented.sections[-1].entries]
    assert firsts == [
        "Platform Engineer at Brindle Systems",
        "Research Assistant at Eastfield Robotics Lab, Eastfield University",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Analyst | Northwind Bank | '19",
        "Analyst | Northwind Bank | 02/2025 - \N{ROCKET}",
        "Analyst | Northwind Bank | Current",
        "Fall '22",
    ],
)
def test_a_line_with_a_date_field_is_placed_by_the_rules(
    line: str, classifier: SectionClassifier
) -> None:
    text = f"Experience\nClerk | Southwind Bank | 2018\n- Filed\n{line}\n- Shipped\n"
    wrong = _FixedModel({line: (LineRole.PROSE, 0.99)})
    assert len(_segment_with(text, wrong, classifier)) == 2


@pytest.mark.parametrize("line", ["GPA: 3.9 / 4.0", "--------", "Location: Lisbon"])
def test_labels_and_lines_without_letters_are_left_to_the_rules(
    line: str, classifier: SectionClassifier
) -> None:
    text = f"Education\nState University\nB.Sc. Statistics\n{line}\n"
    wrong = _FixedModel({line: (LineRole.ENTRY_START, 0.99)})
    assert len(_segment_with(text, wrong, classifier)) == 1


def test_a_few_words_atop_a_section_are_left_to_the_rules(classifier: SectionClassifier) -> None:
    text = "Experience\nWhitcombe Associates\nWheaton, IL 2006 to 2009\nExecutive\nSold.\n"
    wrong = _FixedModel({"Whitcombe Associates": (LineRole.PROSE, 0.99)})
    (entry,) = _segment_with(text, wrong, classifier)
    assert entry.header[0].content == "Whitcombe Associates"


def test_a_header_does_not_continue_over_a_blank_line(classifier: SectionClassifier) -> None:
    text = "Experience\nClerk\nSouthwind Bank\n\nFiled.\n"
    wrong = _FixedModel({"Filed.": (LineRole.CONTINUATION, 0.99)})
    (entry,) = _segment_with(text, wrong, classifier)
    assert [line.content for line in entry.body] == ["Filed."]


def test_a_line_with_no_sentence_under_a_lone_period_names_the_entry(
    classifier: SectionClassifier,
) -> None:
    line = ": **Engineer** for [Harbour](https://h.example) • _Leeds_"
    text = f"Experience\n\n08/2020 - Present\n{line}\n\n    * Cut costs\n"
    wrong = _FixedModel({line: (LineRole.PROSE, 0.99)})
    (entry,) = _segment_with(text, wrong, classifier)
    assert [header.content for header in entry.header] == ["08/2020 - Present", line]


def test_an_unsure_continuation_after_a_filled_line_continues_it(
    classifier: SectionClassifier,
) -> None:
    filled = "Lead engineer serving as the expert on the project focusing on billing and"
    text = f"Experience\nEngineer, Harbour Ledger\n2016 - 2021\n{filled}\nERP and HR Portal\n"
    unsure = _FixedModel(
        {filled: (LineRole.PROSE, 0.99), "ERP and HR Portal": (LineRole.CONTINUATION, 0.75)}
    )
    (entry,) = _segment_with(text, unsure, classifier)
    assert [line.content for line in entry.body] == [filled, "ERP and HR Portal"]


def test_a_model_of_another_features_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.crfsuite"
    path.write_bytes(model_path("line_roles_v5").read_bytes())
    card = path.with_suffix(".json")
    card.write_text(json.dumps({"features_version": "line-features-4"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="line-features-4"):
        LineRoleModel(path)
    card.unlink()
    with pytest.raises(ConfigError, match="None"):
        LineRoleModel(path)  # no card: the version is unknown
