"""Paired runs of ``resume-etl run`` with different ``--workers``: which one is faster, end to end.

    python -m benchmarks.workers raw --pairs 6
    python -m benchmarks.corpus --docs 200 && python -m benchmarks.workers benchmarks/corpus

Each round runs every setting once, as the installed command in a fresh process (start-up and
model loading included, as a user waits for them), in an order that alternates between rounds,
so that a burst of load on this shared machine falls on each setting alike. ``auto`` leaves
``--workers`` out (the default). Prints the median and best wall-clock seconds of each setting
and, for each pair of settings, in how many rounds the first one won. ``--src OLD/src`` runs
another version's source instead (a "before" figure, as ``storage.py`` does).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

AUTO = "auto"


def command(inputs: Path, out: Path, workers: str) -> list[str]:
    """The run a user types, with every input reprocessed (``--full``) and no bar."""
    line = [sys.executable, "-m", "resume_etl", "run", str(inputs), "--out", str(out)]
    line += ["--full", "--quiet"]
    return line if workers == AUTO else [*line, "--workers", workers]


def timed_run(inputs: Path, out: Path, workers: str, src: Path | None) -> tuple[float, float]:
    """Wall-clock seconds of one run, from starting the process to its exit, and the CPU
    seconds it and its workers used (which other jobs on the machine change least)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command(inputs, out, workers), check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def rounds(
    inputs: Path, settings: Sequence[str], pairs: int, src: Path | None = None
) -> dict[str, list[tuple[float, float]]]:
    """Seconds per setting, one run of each per round, the order reversed every other round."""
    seconds: dict[str, list[tuple[float, float]]] = {setting: [] for setting in settings}
    with tempfile.TemporaryDirectory(prefix="workers-bench-") as scratch:
        for index in range(pairs):
            order = settings if index % 2 == 0 else list(reversed(settings))
            for setting in order:
                out = Path(scratch) / f"out-{setting}"
                shutil.rmtree(out, ignore_errors=True)
                seconds[setting].append(timed_run(inputs, out, setting, src))
    return seconds


def report(seconds: dict[str, list[tuple[float, float]]]) -> str:
    """Median and best wall-clock seconds and median CPU seconds per setting, then paired wins."""
    lines = ["| --workers | median s | best s | median CPU s | runs |", "|---|---|---|---|---|"]
    for setting, runs in seconds.items():
        walls = [wall for wall, _ in runs]
        cpu = statistics.median(cpu for _, cpu in runs)
        lines.append(
            f"| {setting} | {statistics.median(walls):.2f} | {min(walls):.2f} | {cpu:.2f} "
            f"| {len(runs)} |"
        )
    for first, second in itertools.combinations(seconds, 2):
        pairs = zip(seconds[first], seconds[second], strict=True)
        wins = sum(a[0] < b[0] for a, b in pairs)
        lines.append(f"\n{first} faster than {second} in {wins} of {len(seconds[first])} rounds")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", type=Path, help="a file or folder of résumés")
    parser.add_argument("--pairs", type=int, default=6, help="rounds (each runs every setting)")
    parser.add_argument(
        "--settings", default=f"1,2,{AUTO}", help=f"comma-separated --workers values or {AUTO}"
    )
    parser.add_argument("--src", type=Path, help="run this source folder instead (PYTHONPATH)")
    args = parser.parse_args(argv)
    settings = [setting.strip() for setting in args.settings.split(",")]
    load = os.getloadavg()[0]
    seconds = rounds(args.inputs, settings, args.pairs, args.src)
    print(f"{args.inputs}: {args.pairs} rounds, load average {load:.1f} at the start")
    print(report(seconds))


if __name__ == "__main__":
    main()
