"""Exports to standard output (``--out -``), byte for byte what the file exports write.

Each export first writes its files as usual into a temporary folder, with every check and
redaction the file export applies, then copies them to the stream: one code path decides what an
export contains, whichever the destination. The search feed is NDJSON already; JSON Resume
files become one compact résumé per line (NDJSON), each carrying its ``meta.doc_id``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import IO

from resume_etl.exports import DEFAULT_INDEX
from resume_etl.exports.jsonresume import export_json_resume
from resume_etl.exports.redact import Redactor
from resume_etl.exports.search import export_search_feed

STDOUT_PATH = "-"
"""The ``--out`` value that means standard output, as in most Unix tools."""


def is_stdout(path: Path | str) -> bool:
    """True when ``path`` is ``-``."""
    return str(path) == STDOUT_PATH


def write_search_feed(
    stream: IO[str],
    tables_dir: Path | str,
    index: str = DEFAULT_INDEX,
    redactor: Redactor | None = None,
) -> int:
    """Write the bulk NDJSON feed to ``stream``; return the profile count."""
    with tempfile.TemporaryDirectory(prefix="resume-etl-export-") as folder:
        feed_path = Path(folder) / "feed.ndjson"
        count = export_search_feed(tables_dir, feed_path, index, redactor)
        with feed_path.open(encoding="utf-8") as feed:
            shutil.copyfileobj(feed, stream)
    return count


def write_json_resumes(
    stream: IO[str], tables_dir: Path | str, redactor: Redactor | None = None
) -> int:
    """Write every validated JSON Resume to ``stream``, one per line; return how many."""
    with tempfile.TemporaryDirectory(prefix="resume-etl-export-") as folder:
        written = export_json_resume(tables_dir, folder, redactor)
        for path in written:
            resume = json.loads(path.read_text(encoding="utf-8"))
            stream.write(json.dumps(resume, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(written)
