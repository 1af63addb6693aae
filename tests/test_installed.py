"""The package as a user installs it: built into a wheel and run from a folder outside the checkout.

The editable install the tests use reads ``src/`` directly, so it would hide a pipeline or data
file that never made it into the wheel; these tests unpack the built wheel and put it first on
``PYTHONPATH``. One wheel is built per session (a few seconds, from a copy of the sources, so
the checkout gets no ``build/`` folder).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import DEFAULT_PIPELINE, REPO

RUN_TIMEOUT_SECONDS = 600
"""Generous: a run loads spaCy and the model from scratch on a loaded two-core machine."""

DOCUMENT = """\
# Ada Example
Platform engineer

## Experience
### Staff Engineer | Northwind Logistics | 2019 - 2023
- Rebuilt the routing service in Zanzibarscript and Python

## Education
### BSc Computer Science | Example University | 2015
"""


@pytest.fixture(scope="session")
def wheel_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built into a wheel and unpacked: a folder to put on ``PYTHONPATH``."""
    build = tmp_path_factory.mktemp("wheel_build")
    sources = build / "sources"
    sources.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, sources / name)
    shutil.copytree(
        REPO / "src", sources / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(build / "dist")]
    subprocess.run([*command, str(sources)], check=True, timeout=RUN_TIMEOUT_SECONDS)
    (wheel,) = (build / "dist").glob("resume_etl-*.whl")
    site = build / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "resume_etl", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder outside the checkout holding one small invented résumé."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "cv.md").write_text(DOCUMENT, encoding="utf-8")
    assert REPO not in folder.parents
    return folder


def test_the_wheel_is_what_runs(wheel_site: Path, workdir: Path) -> None:
    probe = _run_installed(wheel_site, workdir, "info", "--format", "json")
    assert probe.returncode == 0, probe.stderr
    info = json.loads(probe.stdout)
    assert Path(info["package_path"]).is_relative_to(wheel_site)
    assert Path(info["default_pipeline"]).is_file()


def test_installed_run_uses_the_packaged_pipeline_and_writes_under_the_working_dir(
    wheel_site: Path, workdir: Path
) -> None:
    done = _run_installed(wheel_site, workdir, "run", "cv.md", "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    experiences = pd.read_parquet(workdir / "output" / "experiences.parquet")
    assert experiences["organization"].tolist() == ["Northwind Logistics"]


def test_relative_lexicon_paths_are_read_from_the_pipeline_files_folder(
    wheel_site: Path, workdir: Path
) -> None:
    settings = workdir / "settings"
    (settings / "lexicons").mkdir(parents=True)
    entry = {"name": "Zanzibarscript", "aliases": [], "category": "tool", "case_sensitive": False}
    (settings / "lexicons" / "skills.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    pipeline = DEFAULT_PIPELINE.read_text(encoding="utf-8")
    assert '"builtin:skills.jsonl"' in pipeline
    pipeline = pipeline.replace('"builtin:skills.jsonl"', '"lexicons/skills.jsonl"')
    (settings / "mine.toml").write_text(pipeline, encoding="utf-8")
    args = ("run", "cv.md", "-p", "settings/mine.toml", "-o", "tables", "-w", "1", "-q")
    done = _run_installed(wheel_site, workdir, *args)
    assert done.returncode == 0, done.stderr
    skills = pd.read_parquet(workdir / "tables" / "skills.parquet")
    assert skills["name"].tolist() == ["Zanzibarscript"]


def test_the_entity_model_ships_in_the_wheel_and_loads_from_it(
    wheel_site: Path, workdir: Path
) -> None:
    data = wheel_site / "resume_etl" / "nlp" / "data"
    assert sorted(p.name for p in (data / "resume_ner_v1").iterdir()) == ["cfg", "model", "moves"]
    assert (data / "resume_ner_v1.json").is_file()
    pipeline = re.sub(
        r'(?m)^ner = ".*"$', 'ner = "resume_ner_v1"', DEFAULT_PIPELINE.read_text(encoding="utf-8")
    )
    assert 'ner = "resume_ner_v1"' in pipeline
    (workdir / "entities.toml").write_text(pipeline, encoding="utf-8")
    args = ("run", "cv.md", "-p", "entities.toml", "-o", "tables", "-w", "1", "-q")
    done = _run_installed(wheel_site, workdir, *args)
    assert done.returncode == 0, done.stderr
    experiences = pd.read_parquet(workdir / "tables" / "experiences.parquet")
    assert experiences["organization"].tolist() == ["Northwind Logistics"]
