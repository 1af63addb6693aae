"""Time per MB of adversarial text, 10 KB to 10 MB: flat figures mean linear cost.

    .venv/bin/python benchmarks/adversarial.py                 # 10 KB, 100 KB, 1 MB, 10 MB
    .venv/bin/python benchmarks/adversarial.py 10000 100000    # sizes in bytes

Measures what resume-etl's own code does with a text: ingest (decode, ftfy, normalize), segment,
and the spaCy pipeline without its parser and NER ("pipe": tok2vec, tagger and resume-etl's
components for contacts, dates, lexicons, names and metrics). The parser and NER are linear but
cost about 0.6 s per 1,000 short lines, so whole-pipeline texts are capped by
``ingest.max_chars``. Not a test: it
prints figures and asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from resume_etl.config import PipelineConfig, load_config
from resume_etl.nlp.build import build_nlp
from resume_etl.records import DocumentRecord
from resume_etl.stages.ingest import read_document
from resume_etl.stages.segment import SectionClassifier, segment

PATTERNS: dict[str, str] = {
    "digits": "1234567890",
    "dashes": "-—–-",
    "spaces": "a" + " " * 200,
    "collapsed": "Jan 2019  Present  Acme Corp  •  Led a team  ",
    "bullets": "- Cut costs by 15% in 2019-2021\n",
    "emoji": "🚀✨📈 ",
    "numbers": "12% $3.5M 40 engineers ",
    "dates": "Jan 2019 - Present, ",
    "contacts": "jane@example.org +44 20 7946 0958 https://x.org/a ",
    "headings": "## Experience\n",
}
SKIPPED = ("parser", "ner", "lemmatizer", "senter")
"""spaCy's costliest components; the tagger stays, the metrics matcher needs its tags."""


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(sizes: list[int]) -> None:
    config = load_config()  # the packaged default pipeline
    config = config.model_copy(
        update={"ingest": config.ingest.model_copy(update={"max_chars": 10**9, "max_bytes": 10**9})}
    )
    nlp = build_nlp(config.extract)
    nlp.max_length = 10**9
    ours = [name for name in nlp.pipe_names if name not in SKIPPED]
    classifier = SectionClassifier(config.segment)
    print(f"{'pattern':<10}{'size':>10}  {'ingest s/MB':>12}{'segment s/MB':>14}{'pipe s/MB':>11}")
    for name, pattern in PATTERNS.items():
        for size in sizes:
            _measure(
                config, nlp, ours, classifier, name, pattern * (size // len(pattern) + 1), size
            )


def _measure(
    config: PipelineConfig,
    nlp: object,
    ours: list[str],
    classifier: SectionClassifier,
    name: str,
    repeated: str,
    size: int,
) -> None:
    data = repeated.encode("utf-8")[:size]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        started = time.perf_counter()
        document = read_document(path, config.ingest)
        ingest = time.perf_counter() - started
    if not isinstance(document, DocumentRecord):
        print(f"{name:<10}{size:>10}  quarantined: {document.reason}")
        return
    megabytes = size / 1e6
    seg = _timed(lambda: segment(document, classifier))
    components = _timed(lambda: _run_components(nlp, ours, document.text))
    print(
        f"{name:<10}{size:>10}  {ingest / megabytes:>12.2f}{seg / megabytes:>14.2f}"
        f"{components / megabytes:>11.2f}",
        flush=True,
    )


def _run_components(nlp: object, ours: list[str], text: str) -> None:
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    for pipe_name in ours:
        doc = nlp.get_pipe(pipe_name)(doc)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10_000, 100_000, 1_000_000, 10_000_000])
