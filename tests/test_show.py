from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import EXIT_BAD_SETUP, app
from resume_etl.config import PipelineConfig
from resume_etl.runner import run_files
from resume_etl.show import DocumentView, Highlight, load_view, terminal_text, value_field
from resume_etl.show_html import line_data, render_html

runner = CliRunner()

DOCUMENT = """\
# Ada Example
ada@example.org

## Experience
### Staff Engineer | Northwind Logistics | 2019 - 2023
- Rebuilt the routing service in Python, cutting costs by 30%

## Skills
Kubernetes, PostgreSQL
"""

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_TIMEOUT_SECONDS = 180

LAYOUT_PROBE = """
<script>
window.addEventListener("load", () => {
  const labels = {};
  for (const element of document.querySelectorAll(".spans span")) {
    if (element.children.length) continue;
    const label = element.textContent.trim();
    const box = element.getBoundingClientRect();
    const visible = box.width > 0 && box.height > 0
      && getComputedStyle(element).visibility !== "hidden";
    labels[label] = (labels[label] || false) || visible;
  }
  const probe = document.createElement("pre");
  probe.id = "layout-probe";
  probe.textContent = JSON.stringify({labels, text: document.body.innerText});
  document.body.appendChild(probe);
});
</script>
"""


@pytest.fixture(scope="module")
def tables_dir(
    tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language
) -> Path:
    folder = tmp_path_factory.mktemp("show")
    source = folder / "ada.md"
    source.write_text(DOCUMENT, encoding="utf-8")
    broken = folder / "scan.txt"
    broken.write_bytes(b"%PDF-1.4 binary")
    out = folder / "out"
    run_files(config, [source, broken], out, nlp=nlp)
    return out


@pytest.fixture(scope="module")
def view(tables_dir: Path) -> DocumentView:
    return load_view(tables_dir, str(tables_dir.parent / "ada.md"))


def _valued(view: DocumentView) -> set[tuple[str, str]]:
    return {(h.label, view.text[h.start : h.end]) for h in view.highlights}


def test_values_are_marked_by_table_and_field(view: DocumentView) -> None:
    marked = _valued(view)
    assert ("experiences.organization", "Northwind Logistics") in marked
    assert ("experiences.role", "Staff Engineer") in marked
    assert ("contacts.value", "ada@example.org") in marked
    assert ("skills.name", "Kubernetes") in marked
    assert ("metrics.text", "30%") in marked


def test_the_spans_around_values_are_not_marked(view: DocumentView) -> None:
    assert {h.field for h in view.highlights}.isdisjoint({"span", "sentence"})
    assert value_field("span", {"entry_id": "e1", "role": "x"}) is None
    assert value_field("sentence_span", {"text": "30%"}) is None
    assert value_field("span", {"value": "a@b.c"}) == "value"
    assert value_field("spans", {"name": "Python"}) == "name"


def test_a_document_is_found_by_doc_id_or_a_unique_start_of_it(
    tables_dir: Path, view: DocumentView
) -> None:
    assert load_view(tables_dir, view.doc_id).doc_id == view.doc_id
    assert load_view(tables_dir, view.doc_id[:8]).doc_id == view.doc_id


def test_an_unknown_document_exits_with_a_coded_error(tables_dir: Path) -> None:
    result = runner.invoke(app, ["show", "no-such-doc", "--tables", str(tables_dir)])
    assert result.exit_code == EXIT_BAD_SETUP
    assert "E104" in result.output
    assert "no document 'no-such-doc'" in result.output


def test_a_quarantined_input_is_reported_with_its_reason(tables_dir: Path) -> None:
    source = str(tables_dir.parent / "scan.txt")
    result = runner.invoke(app, ["show", source, "--tables", str(tables_dir)])
    assert result.exit_code == EXIT_BAD_SETUP
    assert "quarantined" in result.output
    assert "E002" in result.output


def test_terminal_view_puts_each_label_after_its_value(view: DocumentView) -> None:
    plain = terminal_text(view).plain
    assert "Northwind Logistics⟨experiences.organization⟩" in plain
    assert "ada@example.org⟨contacts.value⟩" in plain


def test_show_command_prints_the_labelled_text(tables_dir: Path) -> None:
    source = str(tables_dir.parent / "ada.md")
    result = runner.invoke(app, ["show", source, "--tables", str(tables_dir)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Staff Engineer⟨experiences.role⟩" in result.stdout


def test_each_line_becomes_tokens_cut_at_value_edges() -> None:
    text = "Python, Go"
    view = DocumentView("d", "p", text, [Highlight(0, 6, "skills", "name")])
    data = line_data(view, 0, len(text))
    assert data is not None
    assert data["tokens"] == ["Python", ",", "Go"]
    assert data["spans"] == [{"start_token": 0, "end_token": 1, "label": "skills.name"}]


def _chromium() -> str | None:
    found = (shutil.which(name) for name in CHROMIUM_NAMES)
    return next((path for path in found if path is not None), None)


def test_html_view_shows_every_label_in_headless_chromium(
    view: DocumentView, tmp_path: Path
) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no chromium on PATH (.ci/run installs Debian's chromium)")
    page = render_html(view).replace("</body>", LAYOUT_PROBE + "</body>")
    html_file = tmp_path / "show.html"
    html_file.write_text(page, encoding="utf-8")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        html_file.as_uri(),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_SECONDS, check=True
    )
    probe = re.search(r'<pre id="layout-probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert probe is not None, done.stdout[-2000:]
    layout = json.loads(html.unescape(probe.group(1)))
    expected = {h.label for h in view.highlights}
    assert {label for label, shown in layout["labels"].items() if shown} >= expected
    for label, value in _valued(view):
        assert value.split()[0] in layout["text"], (label, value)
