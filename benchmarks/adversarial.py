"""Seconds per MB of adversarial text through every stage: flat figures mean linear cost.

    .venv/bin/python -m benchmarks.adversarial                        # 10 KB .. 5 MB, every shape
    .venv/bin/python -m benchmarks.adversarial --sizes 10000 100000   # a quick run
    .venv/bin/python -m benchmarks.adversarial --shapes emoji,date_lines --timeout 120

Each shape is one pattern repeated to the size (in bytes), written to a ``.txt`` file and run
through the whole pipeline as a run does it: ``LocalEngine.write_batch`` (ingest, segment, the
spaCy pipeline with resume-etl's focus and components, extract, validate, and load, which writes
the part files), with ``ingest.max_chars`` raised so the large sizes are read instead of
quarantined. The engine's ``StageClock`` says where the time went; each figure is seconds per MB
of input: CPU seconds per stage and for the whole batch (on a shared machine CPU is what other
jobs disturb least), then the batch's wall-clock seconds. Each shape runs in its own child
process (the model loads outside the clock), and a size that takes longer than ``--timeout`` is
reported as such and ends that shape. Not a test: it prints figures and asserts nothing.
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
from resume_etl.engines.local import LocalEngine
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


def _shape_child(name: str, sizes: Sequence[int], results: Connection) -> None:
    """Runs one shape at each size in turn, sending each size's stage seconds back."""
    engine = LocalEngine(_config())
    with tempfile.TemporaryDirectory() as folder:
        warm_up = Path(folder) / "warm-up.txt"
        warm_up.write_text(WARM_UP, encoding="utf-8")
        engine.write_batch([warm_up], {}, Path(folder) / "warm-up", 0)  # first calls cost more
        for index, size in enumerate(sizes):
            path = Path(folder) / f"{name}-{size}.txt"
            path.write_bytes(text_of(PATTERNS[name], size))
            engine.clock.seconds = dict.fromkeys(STAGES, 0.0)
            engine.clock.cpu_seconds = dict.fromkeys(STAGES, 0.0)
            started, cpu_started = time.perf_counter(), time.process_time()
            report = engine.write_batch([path], {}, Path(folder) / f"parts{index}", index)
            seconds = dict(
                engine.clock.cpu_seconds,
                cpu=time.process_time() - cpu_started,
                wall=time.perf_counter() - started,
            )
            codes = [str(entry.error_code) for entry in report.entries if entry.error_code]
            results.send((size, seconds, ",".join(codes)))
    results.close()


def _row(name: str, size: int, seconds: dict[str, float], quarantined: str) -> str:
    megabytes = size / 1e6
    figures = "".join(f"{seconds[stage] / megabytes:>9.2f}" for stage in COLUMNS)
    return f"{name:<14}{size:>9}{figures}{'  quarantined ' + quarantined if quarantined else ''}"


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


def run_shape(name: str, sizes: Sequence[int], timeout: float) -> None:
    """Prints one row per size; a size over ``timeout`` seconds ends the shape."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("spawn").Process(
        target=_shape_child, args=(name, sizes, sending), daemon=True
    )
    child.start()
    sending.close()
    per_megabyte: list[float] = []
    try:
        for size in sizes:
            if not receiving.poll(timeout + 120):  # the first size also waits for the model
                print(f"{name:<14}{size:>9}  over {timeout:.0f} s, stopped", flush=True)
                return
            got_size, seconds, quarantined = receiving.recv()
            print(_row(name, got_size, seconds, quarantined), flush=True)
            per_megabyte.append(seconds["cpu"] / (got_size / 1e6))
        print(f"{name:<14}{'growth':>9}{growth(per_megabyte):>9.2f}", flush=True)
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
    options = parser.parse_args(argv)
    shapes = [shape for shape in options.shapes.split(",") if shape]
    unknown = sorted(set(shapes) - set(PATTERNS))
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(PATTERNS)}")
    header = "".join(f"{stage:>9}" for stage in COLUMNS)
    print(
        "seconds per MB of input: CPU per stage, CPU of the whole batch, wall of the whole batch"
        f"\n{'shape':<14}{'bytes':>9}{header}",
        flush=True,
    )
    for shape in shapes:
        run_shape(shape, sorted(options.sizes), options.timeout)


if __name__ == "__main__":
    main()
