"""Training the line-role model on a tiny invented sample (a few seconds): it must read held-out
renderings better than the trivial baseline that gives every line the commonest role."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from resume_etl.evaluation.real.facts import Job, Month, Period, Person, ResumeFacts, School
from resume_etl.evaluation.real.render import POOLED_LAYOUTS
from resume_etl.evaluation.real.split import Half, half_of
from resume_etl.stages.layout import FEATURES_VERSION, LineRoleModel
from resume_etl.training.line_roles import default_classifier, role_scores, scores_of, train_model
from resume_etl.training.weak_labels import rule_labels, trainable, variant, weak_labels

_WORDS = ("amber", "basalt", "cedar", "dune", "ember", "fjord", "garnet", "harbor", "iris", "kelp")


def _person(seed: int) -> ResumeFacts:
    """An invented person whose words and counts vary with ``seed``."""
    word = _WORDS[seed % len(_WORDS)].title()
    jobs = [
        Job(
            organization=f"{word} {kind}",
            role=f"{title} Engineer",
            location="Leeds",
            period=Period(start=Month(year=2010 + n, month=1 + n), end=Month(year=2012 + n)),
            summary=f"Ran the {word.lower()} platform for the {kind.lower()} team."
            * (1 + seed % 2),
            highlights=[
                f"Moved the {_WORDS[(seed + k) % 10]} service to a new region with no downtime, "
                f"and wrote the runbook the {_WORDS[(seed + k + 1) % 10]} team still uses"
                for k in range(1 + (seed + n) % 3)
            ],
        )
        for n, (kind, title) in enumerate(
            [("Labs", "Platform"), ("Works", "Data"), ("Ltd", "Site")]
        )
    ]
    school = School(institution=f"University of {word}", degree="BSc", field="Physics")
    return ResumeFacts(
        id=f"invented-{seed}",
        person=Person(name=f"{word} Person", email=f"{word.lower()}@example.org"),
        jobs=jobs[: 2 + seed % 2],
        schools=[school],
    )


def test_a_tiny_model_beats_the_commonest_role_baseline(tmp_path: Path) -> None:
    classifier = default_classifier()
    train = weak_labels(
        [_person(seed) for seed in range(3)], POOLED_LAYOUTS, classifier, variants=1
    )
    held_out = weak_labels([_person(seed) for seed in range(5, 7)], POOLED_LAYOUTS, classifier)
    path = tmp_path / "tiny.crfsuite"
    train_model(train, path)
    scores = role_scores(LineRoleModel(path), held_out)
    gold = [role for document in held_out for role in document.roles]
    commonest = Counter(gold).most_common(1)[0][0]
    baseline = scores_of(gold, [commonest] * len(gold))["accuracy"]
    assert scores["accuracy"] > baseline + 0.2
    assert scores["entry_start"]["f1"] > 0.5


def test_training_is_deterministic(tmp_path: Path) -> None:
    classifier = default_classifier()
    documents = weak_labels([_person(1)], POOLED_LAYOUTS[:2], classifier)
    train_model(documents, tmp_path / "a.crfsuite")
    train_model(documents, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()


def test_rule_labels_mark_entry_starts_and_bullets() -> None:
    text = "Experience\n\nAcme Labs\nEngineer\n2019 - 2021\n- Built things\n"
    document = rule_labels(text, default_classifier())
    assert [role.value for role in document.roles] == [
        "heading",
        "entry_start",
        "entry_header",
        "date_line",
        "bullet",
    ]


def test_only_files_of_the_dev_half_are_trainable() -> None:
    keys = [f"person-{n}" for n in range(200)]
    chosen = [key for key in keys if trainable(key, seed=2)]
    assert chosen == [key for key in keys if half_of(key, 2) is Half.DEV]
    assert 0 < len(chosen) < len(keys)


def test_only_markdown_variants_redraw_the_period_s_emphasis() -> None:
    drawn = {
        layout.name: {variant(layout, random.Random(n)).dates.emphasis for n in range(40)}
        for layout in POOLED_LAYOUTS
    }
    assert len(drawn["markdown"]) > 2
    assert all(marks == {("*", "*")} for name, marks in drawn.items() if name != "markdown")


def test_a_model_is_written_with_the_features_version_it_reads(tmp_path: Path) -> None:
    documents = weak_labels([_person(1)], POOLED_LAYOUTS[:1], default_classifier())
    train_model(documents, tmp_path / "m.crfsuite")
    card = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert card == {"features_version": FEATURES_VERSION}


def test_only_website_variants_move_the_period_under_the_degree() -> None:
    drawn = {
        layout.name: {variant(layout, random.Random(n)).dates.period_second for n in range(40)}
        for layout in POOLED_LAYOUTS
    }
    assert drawn["website"] == {False, True}
    assert all(moved == {False} for name, moved in drawn.items() if name != "website")
