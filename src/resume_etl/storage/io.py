"""The file-system checks and flushes the commit relies on (``store.py``)."""

from __future__ import annotations

import os
from pathlib import Path

from resume_etl.errors import ErrorCode, ResumeEtlError

__all__ = ["ensure_writable", "fsync_path"]


def ensure_writable(out: Path) -> None:
    """Create ``out`` if needed; E103 naming the folder when it cannot be used."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ResumeEtlError(
            ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot create {out}: {error}"
        ) from error
    if not os.access(out, os.W_OK):
        raise ResumeEtlError(ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot write to {out}")


def fsync_path(path: Path) -> None:
    """Flush a file's data, or a folder's entries (so a rename in it survives a power cut)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
