"""The résumé entity model's training: token labels, windows, and one tiny end-to-end run on an
invented data folder (a few documents, one pass) whose artifact loads and whose card is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
import spacy
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import ExtractSettings
from resume_etl.errors import ConfigError, ErrorCode
from resume_etl.evaluation.real.split import Half, half_of
from resume_etl.nlp.entity_model import (
    DEFAULT_ENTITY_MODEL,
    ENTITY_MODELS,
    entity_model_path,
    load_entity_model,
    read_card,
    use_entity_model,
)
from resume_etl.training.entities import BASE_MODEL, load_base, token_tags, train_entities
from resume_etl.training.entity_windows import (
    HELD_OUT_FOLDS,
    Window,
    dotin_windows,
    in_held_out_fold,
    place_parts,
)

_WORDS = ("amber", "basalt", "cedar", "dune", "ember", "fjord", "garnet", "harbor", "iris", "kelp")
_SEED = 2


@pytest.fixture(scope="module")
def base() -> spacy.language.Language:
    return load_base()


def _tags(
    base: spacy.language.Language, window: Window, teacher: list[tuple[int, int, str]]
) -> list[str]:
    return token_tags(base.make_doc(window.text), window, teacher)


def test_organizations_are_taught_and_titles_are_no_entity(base: spacy.language.Language) -> None:
    text = "Software Engineer\nNorthwind Systems, Leeds"
    window = Window("test", "unit", text, orgs=[(18, 35)], not_orgs=[(0, 17)])
    teacher = [(0, 8, "ORG"), (18, 35, "ORG"), (37, 42, "GPE")]
    assert _tags(base, window, teacher) == ["O", "O", "O", "B-ORG", "L-ORG", "O", "U-GPE"]


def test_an_unannotated_base_organization_is_missing_not_wrong(
    base: spacy.language.Language,
) -> None:
    window = Window("test", "unit", "Worked with Harbor Labs", not_orgs=[(0, 6)])
    teacher = [(12, 23, "ORG")]
    assert _tags(base, window, teacher) == ["O", "O", "-", "-"]


def test_a_base_entity_crossing_an_annotation_is_missing(base: spacy.language.Language) -> None:
    window = Window("test", "unit", "Cedar Works - Developer", orgs=[(0, 11)], not_orgs=[(14, 23)])
    teacher = [(0, 23, "PERSON")]
    assert _tags(base, window, teacher) == ["B-ORG", "L-ORG", "-", "O"]


def test_held_out_fold_takes_about_one_unit_in_four() -> None:
    held = [key for key in (f"person-{n}" for n in range(400)) if in_held_out_fold(key, _SEED)]
    assert 400 / HELD_OUT_FOLDS * 0.6 < len(held) < 400 / HELD_OUT_FOLDS * 1.4


def _dev_keys(prefix: str, count: int) -> list[str]:
    """Unit keys of the dev half, both folds present."""
    keys = [f"{prefix}{n}" for n in range(500) if half_of(f"{prefix}{n}", _SEED) is Half.DEV]
    held = [key for key in keys if in_held_out_fold(key, _SEED)][: count // 2]
    trained = [key for key in keys if not in_held_out_fold(key, _SEED)][: count - len(held)]
    return held + trained


def _dotin_row(key: str, index: int) -> dict[str, object]:
    word = _WORDS[index % len(_WORDS)].title()
    other = _WORDS[(index + 3) % len(_WORDS)]
    parts = [
        f"{word} Person",
        f"Senior {other.title()} Analyst",
        f"{word} Freight Ltd - Leeds",
        f"Tracked the {other} shipments for {index + 2} regional depots every week",
        f"B.Sc. in Geology, University of {word}",
    ]
    text = "  ".join(parts)
    spans = []
    for value, label in (
        (parts[0], "Name"),
        (parts[1], "Designation"),
        (f"{word} Freight Ltd", "Companies worked at"),
        ("B.Sc. in Geology", "Degree"),
        (f"University of {word}", "College Name"),
    ):
        start = text.index(value)
        spans.append({"start": start, "end": start + len(value), "label": label, "text": value})
    return {"id": key, "text": text, "spans": spans}


def _resume(index: int) -> dict[str, object]:
    word = _WORDS[index % len(_WORDS)].title()
    return {
        "basics": {"name": f"{word} Example", "label": "Data Engineer"},
        "work": [
            {
                "name": f"{word} Analytics",
                "position": "Platform Engineer",
                "startDate": f"{2015 + index}-03",
                "endDate": f"{2018 + index}-06",
            }
        ],
        "education": [{"institution": f"{word} Institute", "studyType": "BSc", "area": "Physics"}],
    }


def _data_folder(root: Path) -> Path:
    (root / "dotin").mkdir(parents=True)
    rows = [_dotin_row(key, n) for n, key in enumerate(_dev_keys("cv-", 4))]
    (root / "dotin" / "train.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    (root / "jsonresume").mkdir()
    for n, key in enumerate(_dev_keys("person-", 4)):
        (root / "jsonresume" / f"{key}.json").write_text(json.dumps(_resume(n)), encoding="utf-8")
    return root


def test_dotin_spans_land_in_the_lines_ingest_reads(tmp_path: Path) -> None:
    windows = dotin_windows(_data_folder(tmp_path / "data"), _SEED)
    texts = {w.text[s:e] for w in [*windows.train, *windows.held_out] for s, e in w.orgs}
    assert "University of Amber" in texts or "University of Basalt" in texts
    assert windows.unplaced_spans == 0


def test_a_tiny_run_writes_a_loadable_model_and_its_card(tmp_path: Path) -> None:
    out = tmp_path / "out"
    card = train_entities(
        _data_folder(tmp_path / "data"),
        out,
        "tiny_ner",
        seed=_SEED,
        limit=2,
        changes={"epochs": 1, "layout_variants": 0},
    )
    assert sorted(p.name for p in (out / "tiny_ner").iterdir()) == ["cfg", "model", "moves"]
    written = json.loads((out / "tiny_ner.json").read_text(encoding="utf-8"))
    assert written == card
    assert written["base_model"]["name"] == BASE_MODEL
    assert set(written["scores"]["held_out"]) == {"base", "tuned"}
    assert written["data"]["units"]["jsonresume"] == {"train": 2, "held_out": 2}
    assert "person-" not in json.dumps(written)  # provenance is counts, never file names
    nlp = spacy.load(BASE_MODEL)
    load_entity_model(nlp, out / "tiny_ner")
    assert nlp.get_pipe("ner").labels == spacy.load(BASE_MODEL).get_pipe("ner").labels
    assert nlp("Data Engineer at Amber Analytics in Leeds since 2019").ents


def test_tiny_runs_are_deterministic(tmp_path: Path) -> None:
    data = _data_folder(tmp_path / "data")
    changes = {"epochs": 1, "layout_variants": 0}
    cards = [
        train_entities(data, tmp_path / run, "tiny_ner", seed=_SEED, limit=1, changes=changes)
        for run in ("a", "b")
    ]
    assert cards[0] == cards[1]
    model = Path("tiny_ner") / "model"
    assert (tmp_path / "a" / model).read_bytes() == (tmp_path / "b" / model).read_bytes()


def test_no_word_of_the_training_texts_ships(tmp_path: Path) -> None:
    data = _data_folder(tmp_path / "data")
    changes = {"epochs": 1, "layout_variants": 0}
    train_entities(data, tmp_path / "out", "tiny_ner", seed=_SEED, limit=1, changes=changes)
    for path in (tmp_path / "out" / "tiny_ner").iterdir():
        assert b"Freight" not in path.read_bytes()
        assert b"Analytics" not in path.read_bytes()


def test_the_shipped_model_loads_into_the_base_model() -> None:
    nlp = spacy.load(BASE_MODEL)
    use_entity_model(nlp, DEFAULT_ENTITY_MODEL)
    card = read_card(entity_model_path(DEFAULT_ENTITY_MODEL))
    assert card["base_model"]["name"] == BASE_MODEL
    assert (
        card["scores"]["held_out"]["tuned"]["all"]["ORG"]["f1"]
        > (card["scores"]["held_out"]["base"]["all"]["ORG"]["f1"])
    )
    doc = nlp("Senior Software Engineer\nNorthwind Systems, Leeds")
    assert "Software" not in {ent.text for ent in doc.ents if ent.label_ == "ORG"}


def test_another_base_model_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "other_ner"
    folder.mkdir()
    (tmp_path / "other_ner.json").write_text(
        json.dumps({"base_model": {"name": "xx_other_model"}}), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="xx_other_model"):
        load_entity_model(spacy.load(BASE_MODEL), folder)


def test_another_version_of_the_base_model_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "old_ner"
    folder.mkdir()
    base = {"name": BASE_MODEL, "version": "0.0.1"}
    (tmp_path / "old_ner.json").write_text(json.dumps({"base_model": base}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"0\.0\.1"):
        load_entity_model(spacy.load(BASE_MODEL), folder)


def test_weights_that_do_not_fit_are_refused_with_a_code(tmp_path: Path) -> None:
    nlp = spacy.load(BASE_MODEL)
    other = spacy.blank("en")
    other.add_pipe("ner").add_label("ORG")
    other.initialize()
    folder = tmp_path / "misfit_ner"
    other.get_pipe("ner").to_disk(folder, exclude=["vocab"])
    base = {"name": f"{nlp.meta['lang']}_{nlp.meta['name']}", "version": nlp.meta["version"]}
    (tmp_path / "misfit_ner.json").write_text(json.dumps({"base_model": base}), encoding="utf-8")
    with pytest.raises(ConfigError, match="do not fit") as raised:
        load_entity_model(nlp, folder)
    assert raised.value.code is ErrorCode.E101_MODEL_MISSING


def test_the_pipeline_setting_names_every_shipped_model() -> None:
    allowed = get_args(ExtractSettings.model_fields["ner"].annotation)
    assert set(allowed) == {*ENTITY_MODELS, "off"}


def test_a_place_is_taught_part_by_part() -> None:
    text = "Engineer, Leeds, West Yorkshire, remote"
    start = text.index("Leeds")
    assert [text[s:e] for s, e in place_parts(text, start, len(text))] == [
        "Leeds",
        "West Yorkshire",
    ]


def test_a_place_keeps_the_base_models_own_place_label(base: spacy.language.Language) -> None:
    text = "Analyst, Lake Tahoe, Nevada"
    window = Window("test", "unit", text, places=[(9, 19), (21, 27)], not_orgs=[(0, 7)])
    teacher = [(9, 19, "LOC")]
    assert _tags(base, window, teacher) == ["O", "O", "B-LOC", "L-LOC", "O", "U-GPE"]


def test_the_train_command_writes_the_entity_model_where_asked(tmp_path: Path) -> None:
    data = _data_folder(tmp_path / "data")
    args = ["train", "--model", "entities", "--data", str(data), "--out", str(tmp_path / "out")]
    quick = ["--name", "tiny_ner", "--limit", "1", "--epochs", "1", "--variants", "0"]
    result = CliRunner().invoke(app, [*args, *quick])
    assert result.exit_code == 0, result.output
    card = json.loads((tmp_path / "out" / "tiny_ner.json").read_text(encoding="utf-8"))
    assert card["params"]["epochs"] == 1
    assert card["params"]["layout_variants"] == 0
