"""Seconds per MB of adversarial text through every stage: flat figures mean linear cost.

    .venv/bin/python -m benchmarks.adversarial                        # 10 KB .. 5 MB, every shape
    .venv/bin/python -m benchmarks.adversarial --sizes 10000 100000   # a quick run
    .venv/bin/python -m benchmarks.adversarial --shapes emoji,date_lines --timeout 120

Each shape is one pattern repeated to the size (in bytes), written to ``.txt`` files and run
through the whole pipeline as a run does it: ``LocalEngine.write_batch`` (ingest, segment, the
spaCy pipeline with resume-etl's focus and components, extract, validate, and load, which writes
the part files), with ``ingest.max_chars`` raised so the large sizes are read instead of
quarantined. The engine's ``StageClock`` says where the time went; each figure is seconds per MB
of input: CPU seconds per stage and for the whole batch (on a shared machine CPU is what other
jobs disturb least), then the batch's wall-clock seconds. Each shape runs in its own child
process (the model loads outside the clock), and a size that takes longer than ``--timeout`` is
reported as such and ends that shape. Not a test: it prints figures and asserts nothing.

A run reads many documents, so a size below ``--batch-bytes`` (1 MB) runs as that many bytes of
documents of the size (100 documents of 10 KB), in batches of ``BATCH_SIZE`` as a run cuts
them: the per-batch start-up is then spread as in a run, not charged to one small document.
Each document still pays a fixed cost (its part-file rows, its setup, the model's capped
windows); ``fixed_ms`` is the mean CPU of a document holding the pattern once, and ``net`` is the
CPU per MB once that is taken off each document. Both are printed beside the raw CPU per MB,
never instead of it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from resume_etl.config import PipelineConfig, load_config
from resume_etl.engines.local import BATCH_SIZE, LocalEngine
from resume_etl.engines.timing import STAGES

PATTERNS: dict[str, str] = {
    "digits": "1234567890",
    "dashes": "-—–-",
    "spaces": "a" + " " * 200,
    "collapsed": "Jan 2019  Present  Acme Corp  •  Led a team  ",
    "bullets": "- Cut costs by 15% in 2019-2021\n",
    "emoji": "🚀✨📈 ",
    "emoji_solid": "🚀",
    "emoji_lines": "🚀✨📈 Shipped it 🎉\n",
    "numbers": "12% $3.5M 40 engineers ",
    "metric_lines": "12% $3.5M 40 engineers\n",  # ``numbers`` in lines: no line cap stops it
    "plain_numbers": "1234 567 89 ",
    "number_lines": "4200 17 98.6 300000\n",
    "dates": "Jan 2019 - Present, ",
    "date_runs": "Jan 2020 - ",
    "date_lines": "Jan 2020 - Mar 2021\n",
    "phones": "+44 20 7946 0958 ",
    "phone_lines": "(555) 010-4477\n",
    "emails": "jane.doe@example.org ",
    "urls": "https://example.org/a/b?c=1 ",
    "contacts": "jane@example.org +44 20 7946 0958 https://x.org/a ",
    "headings": "## Experience\n",
    "heading_lines": "EXPERIENCE\n",
    "bullet_lines": "• Led a team of 5 engineers at Acme Corp\n",
}
WARM_UP = (
    "Jane Doe\njane@example.org\n\n## Experience\n\nEngineer, Acme Corp\nJan 2019 - Present\n"
    "- Cut costs by 15%\n\n## Skills\n\nPython, SQL\n"
)
DEFAULT_SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
BATCH_BYTES = 1_000_000
"""A size below this runs as ``BATCH_BYTES // size`` documents in one run, as a folder of small
documents would: a run's start-up is then not charged to the few bytes of one small document."""
FIXED_DOCS = 32
"""Documents holding the pattern once, whose mean CPU is the fixed cost of one document."""
COLUMNS = (*STAGES, "cpu", "wall")
"""Per stage CPU seconds (a loaded machine disturbs them least), then the batch's CPU and wall."""


def _config() -> PipelineConfig:
    config = load_config()  # the packaged default pipeline
    ingest = config.ingest.model_copy(update={"max_chars": 10**9, "max_bytes": 10**9})
    return config.model_copy(update={"ingest": ingest})


def text_of(pattern: str, size: int) -> bytes:
    """``pattern`` repeated to ``size`` bytes, cut on a character boundary."""
    data = (pattern * (size // len(pattern.encode("utf-8")) + 1)).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


class _Unseen(dict[str, str]):
    """A ``seen`` map that recalls no document: the batch's copies of one text all run."""

    def __contains__(self, key: object) -> bool:
        return False


def _batch_cpu(
    engine: LocalEngine, paths: Sequence[Path], parts: Path
) -> tuple[dict[str, float], str]:
    """``paths`` through ``write_batch`` in batches of ``BATCH_SIZE``, as ``LocalEngine.batches``
    cuts a run: CPU seconds per stage, the whole batch's CPU and wall seconds, and the error
    codes of quarantined documents (none expected)."""
    engine.clock.seconds = dict.fromkeys(STAGES, 0.0)
    engine.clock.cpu_seconds = dict.fromkeys(STAGES, 0.0)
    started, cpu_started = time.perf_counter(), time.process_time()
    codes: set[str] = set()
    for index, start in enumerate(range(0, len(paths), BATCH_SIZE)):
        report = engine.write_batch(paths[start : start + BATCH_SIZE], _Unseen(), parts, index)
        codes.update(str(entry.error_code) for entry in report.entries if entry.error_code)
    seconds = dict(
        engine.clock.cpu_seconds,
        cpu=time.process_time() - cpu_started,
        wall=time.perf_counter() - started,
    )
    return seconds, ",".join(sorted(codes))


def _copies(folder: Path, name: str, data: bytes, count: int) -> list[Path]:
    """``count`` files holding ``data``."""
    folder.mkdir()
    paths = [folder / f"{name}-{at}.txt" for at in range(count)]
    for path in paths:
        path.write_bytes(data)
    return paths


def _shape_child(name: str, sizes: Sequence[int], batch_bytes: int, results: Connection) -> None:
    """Runs one shape: first the fixed cost (``FIXED_DOCS`` documents of the pattern once), then
    each size as ``batch_bytes // size`` documents (at least one), sending the figures back."""
    engine = LocalEngine(_config())
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        warm_up = root / "warm-up.txt"
        warm_up.write_text(WARM_UP, encoding="utf-8")
        engine.write_batch([warm_up], {}, root / "warm-up", 0)  # first calls cost more
        once = text_of(PATTERNS[name], len(PATTERNS[name].encode("utf-8")))
        fixed, _ = _batch_cpu(engine, _copies(root / "fixed", name, once, FIXED_DOCS), root / "p")
        results.send(fixed["cpu"] / FIXED_DOCS)
        for size in sizes:
            count = max(1, batch_bytes // size)
            paths = _copies(root / f"s{size}", name, text_of(PATTERNS[name], size), count)
            results.send((size, count, *_batch_cpu(engine, paths, root / f"parts{size}")))
    results.close()


def _row(
    name: str, size: int, count: int, seconds: dict[str, float], fixed: float, quarantined: str
) -> str:
    """Per-MB figures of one size; ``net`` leaves out ``count`` times the fixed cost."""
    megabytes = size * count / 1e6
    figures = "".join(f"{seconds[stage] / megabytes:>9.2f}" for stage in COLUMNS)
    net = net_per_megabyte(seconds["cpu"], count, fixed, megabytes)
    note = f"  quarantined {quarantined}" if quarantined else ""
    return f"{name:<14}{size:>9}{count:>6}{figures}{fixed * 1000:>9.1f}{net:>9.2f}{note}"


def net_per_megabyte(cpu: float, documents: int, fixed: float, megabytes: float) -> float:
    """CPU seconds per MB once each document's fixed cost (``fixed`` seconds) is taken off."""
    return max(0.0, cpu - documents * fixed) / megabytes


def growth(per_megabyte: Sequence[float]) -> float:
    """The most CPU per MB grew from a smaller size to a larger one (1.0: it never grew).

    Linear cost keeps it near 1; a fixed cost per document (writing its part files, the model's
    windows, which are capped) makes small sizes dearer per MB, which is no growth.
    """
    return max(
        (
            later / earlier
            for at, earlier in enumerate(per_megabyte)
            for later in per_megabyte[at:]
            if earlier > 0
        ),
        default=1.0,
    )


def spread(per_megabyte: Sequence[float]) -> float:
    """The dearest size's CPU per MB over the cheapest's: "flat within 2x" means at most 2."""
    positive = [figure for figure in per_megabyte if figure > 0]
    return max(positive) / min(positive) if positive else 1.0


def run_shape(name: str, sizes: Sequence[int], timeout: float, batch_bytes: int) -> None:
    """Prints one row per size; a size over ``timeout`` seconds ends the shape."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(
        target=_shape_child, args=(name, sizes, batch_bytes, sending), daemon=True
    )
    child.start()
    sending.close()
    raw: list[float] = []
    net: list[float] = []
    try:
        if not receiving.poll(timeout + 120):  # also waits for the model
            print(f"{name:<14}  fixed cost over {timeout:.0f} s, stopped", flush=True)
            return
        fixed = receiving.recv()
        for size in sizes:
            if not receiving.poll(timeout):
                print(f"{name:<14}{size:>9}  over {timeout:.0f} s, stopped", flush=True)
                return
            got_size, count, seconds, quarantined = receiving.recv()
            print(_row(name, got_size, count, seconds, fixed, quarantined), flush=True)
            megabytes = got_size * count / 1e6
            raw.append(seconds["cpu"] / megabytes)
            net.append(net_per_megabyte(seconds["cpu"], count, fixed, megabytes))
        print(
            f"{name:<14}  growth {growth(raw):.2f}  spread {spread(raw):.2f}"
            f"  net growth {growth(net):.2f}  net spread {spread(net):.2f}",
            flush=True,
        )
    except EOFError:
        print(f"{name:<14}  child ended early (exit code {child.exitcode})", flush=True)
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--shapes", default=",".join(PATTERNS), help="comma-separated shapes")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per size at most")
    parser.add_argument(
        "--batch-bytes",
        type=int,
        default=BATCH_BYTES,
        help="bytes per size: a size below it runs as that many bytes of documents",
    )
    options = parser.parse_args(argv)
    shapes = [shape for shape in options.shapes.split(",") if shape]
    unknown = sorted(set(shapes) - set(PATTERNS))
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(PATTERNS)}")
    header = "".join(f"{stage:>9}" for stage in (*COLUMNS, "fixed_ms", "net"))
    print(
        "seconds per MB of input: CPU per stage, CPU of the whole batch, wall of the whole batch;"
        " fixed_ms: CPU ms of one document holding the pattern once; net: CPU per MB less that"
        f" per document\n{'shape':<14}{'bytes':>9}{'docs':>6}{header}",
        flush=True,
    )
    for shape in shapes:
        run_shape(shape, sorted(options.sizes), options.timeout, options.batch_bytes)


if __name__ == "__main__":
    main()
