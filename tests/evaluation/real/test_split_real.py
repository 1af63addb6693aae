"""The split of the real sets (skipped when the real data folder is absent)."""

from __future__ import annotations

import re
from pathlib import Path

from resume_etl.evaluation.real import dotin, jsonresume, markdown
from resume_etl.evaluation.real.data import read_dotin
from resume_etl.evaluation.real.split import DEFAULT_SEED, Half


def _readme_groups(data_dir: Path) -> list[list[str]]:
    readme = (data_dir / "dotin" / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "Near-duplicate pairs" in line)
    following = readme[readme.index(line) :].split("\n\n")[0]
    return [group.split("/") for group in re.findall(r"\d+(?:/\d+)+", following)]


def test_dotin_near_duplicates_listed_in_its_readme_share_a_half(data_dir: Path) -> None:
    documents = read_dotin(data_dir)
    halves = dotin.document_halves(documents, DEFAULT_SEED)
    by_number = {document.number: halves[document.id] for document in documents}
    groups = _readme_groups(data_dir)
    assert groups, "the README lists near-duplicate groups"
    for group in groups:
        assert len({by_number[number] for number in group}) == 1, group


def test_every_real_set_is_cut_into_two_disjoint_nonempty_halves(data_dir: Path) -> None:
    both = (Half.DEV, Half.UNTOUCHED)
    chosen_dotin = dotin.selected(data_dir, DEFAULT_SEED, both)
    chosen_json = list(jsonresume.resume_halves(data_dir, DEFAULT_SEED).items())
    chosen_markdown = markdown.selected(data_dir, DEFAULT_SEED, both)
    for chosen in (
        [(document.id, half) for document, half in chosen_dotin],
        [(str(path), half) for path, half in chosen_json],
        [(str(path), half) for path, half in chosen_markdown],
    ):
        ids = [item for item, _ in chosen]
        assert len(ids) == len(set(ids))
        assert {half for _, half in chosen} == set(both)
