"""Shared fixtures: the pipeline file and the spaCy ``Language`` are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from spacy.language import Language

from resume_etl.config import ComponentSpec, PipelineConfig, default_pipeline_path, load_config
from resume_etl.engines.local import lexicon_categories
from resume_etl.ids import doc_id_for
from resume_etl.nlp.build import FOCUS_FACTORY, build_nlp
from resume_etl.records import DocumentRecord
from resume_etl.runner import RunSummary, discover_inputs, run_files
from resume_etl.stages.extract import (
    ExtractedDocument,
    LexiconCategories,
    analyse,
    extract,
)
from resume_etl.stages.layout import LineRoleModel, line_model_for
from resume_etl.stages.normalize import normalize
from resume_etl.stages.segment import SectionClassifier, SegmentedDocument, segment
from resume_etl.storage.plan import RunOptions
from resume_etl.vocab import SourceFormat

# Hypothesis' per-example deadline (200 ms) is a timing assertion: on a loaded 2-core CI machine
# a cheap example can take longer and the test fails for no fault of the code. Speed is measured
# by the benchmarks, so the whole suite runs without deadlines.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
DEFAULT_PIPELINE = default_pipeline_path()


@pytest.fixture(scope="session")
def config() -> PipelineConfig:
    return load_config(DEFAULT_PIPELINE)


@pytest.fixture(scope="session")
def nlp(config: PipelineConfig) -> Language:
    return build_nlp(config.extract)


PARSE_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


@pytest.fixture(scope="session")
def parsing_nlp(config: PipelineConfig) -> Language:
    """The default pipeline with the focus component told to parse the metric lines, so the
    metric finder reads the parse rather than the surface."""
    components = tuple(
        ComponentSpec(factory=c.factory, name=c.name, config={"parse_pipes": PARSE_PIPES})
        if c.factory == FOCUS_FACTORY
        else c
        for c in config.extract.components
    )
    return build_nlp(config.extract.model_copy(update={"components": components}))


@pytest.fixture(scope="session")
def categories(nlp: Language) -> LexiconCategories:
    return lexicon_categories(nlp)


@pytest.fixture(scope="session")
def classifier(config: PipelineConfig) -> SectionClassifier:
    return SectionClassifier(config.segment)


def run_folder(
    config: PipelineConfig, nlp: Language, inputs: Path, out: Path, **options: bool
) -> RunSummary:
    """Run the pipeline in this process over every input file below ``inputs`` into ``out``."""
    files = discover_inputs([inputs], config)
    return run_files(config, files, out, nlp=nlp, options=RunOptions(**options))


def make_document(text: str, source_path: str = "test.txt") -> DocumentRecord:
    """A document as ingest would make it from ``text``."""
    normalized, repairs = normalize(text)
    return DocumentRecord(
        doc_id=doc_id_for(normalized),
        source_path=source_path,
        person_key=doc_id_for(source_path),
        content_sha256="0" * 64,
        size_bytes=len(text.encode()),
        encoding="utf-8",
        repairs=repairs,
        text=normalized,
        char_count=len(normalized),
        line_count=normalized.count("\n") + 1,
    )


@pytest.fixture(scope="session")
def line_model(config: PipelineConfig) -> LineRoleModel | None:
    """The line-role model the default pipeline names (what every run segments with)."""
    return line_model_for(config.segment)


@pytest.fixture(scope="session")
def segment_text(classifier: SectionClassifier, line_model: LineRoleModel | None):  # type: ignore[no-untyped-def]
    def run(text: str) -> SegmentedDocument:
        return segment(make_document(text), classifier, line_model)

    return run


@pytest.fixture(scope="session")
def extract_text(  # type: ignore[no-untyped-def]
    nlp: Language,
    classifier: SectionClassifier,
    categories: LexiconCategories,
    line_model: LineRoleModel | None,
):
    def run(text: str) -> ExtractedDocument:
        segmented = segment(make_document(text), classifier, line_model)
        return extract(segmented, analyse(nlp, [segmented])[0], categories)

    return run


@pytest.fixture(scope="session")
def extract_markdown(  # type: ignore[no-untyped-def]
    nlp: Language,
    classifier: SectionClassifier,
    categories: LexiconCategories,
    line_model: LineRoleModel | None,
):
    """Extraction of a text read from a markdown file (its definition lists, its headings)."""

    def run(text: str) -> ExtractedDocument:
        document = make_document(text, "cv.md").model_copy(
            update={"source_format": SourceFormat.MARKDOWN}
        )
        segmented = segment(document, classifier, line_model)
        return extract(segmented, analyse(nlp, [segmented])[0], categories)

    return run


@pytest.fixture(scope="session")
def raw_tables_dir(
    tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language
) -> Path:
    """The tables of every document in raw/, written once per session for the downstream tests."""
    out = tmp_path_factory.mktemp("raw_tables")
    run_files(config, discover_inputs([RAW], config), out, nlp=nlp)
    return out
