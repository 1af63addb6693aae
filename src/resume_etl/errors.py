"""Errors a user can meet, each with a stable code and a hint on how to fix it.

The code lands in the ``quarantine`` table's ``error_code`` column, so a user can group and count
failures without parsing messages (the pattern of spaCy's ``errors.py``).
"""

from __future__ import annotations

import errno
from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable codes; never renumber one, add a new code instead."""

    E001_EMPTY = "E001"
    E002_BINARY = "E002"
    E003_UNDECODABLE = "E003"
    E004_TOO_LARGE = "E004"
    E005_UNREADABLE = "E005"
    E006_DUPLICATE = "E006"
    E007_NO_OUTCOME = "E007"
    E010_SEGMENT_FAILED = "E010"
    E020_EXTRACT_FAILED = "E020"
    E030_INVALID_RECORD = "E030"
    E040_CORRUPT_FILE = "E040"
    E041_PROTECTED = "E041"
    E042_NEEDS_OCR = "E042"
    E043_ARCHIVE_BOMB = "E043"
    E050_WORKER_DIED = "E050"
    E051_TOO_COSTLY = "E051"
    E100_BAD_CONFIG = "E100"
    E101_MODEL_MISSING = "E101"
    E102_BAD_LEXICON = "E102"
    E103_BAD_OUTPUT_DIR = "E103"
    E104_NO_INPUT = "E104"
    E105_OUTPUT_LOCKED = "E105"
    E106_BAD_RUN_STATE = "E106"
    E107_CANNOT_CARRY = "E107"
    E108_STORED_TABLE_CHANGED = "E108"
    E109_GOLD_INPUT_CHANGED = "E109"
    E110_DISK_ERROR = "E110"
    E111_NOT_AN_ID = "E111"
    E120_NO_SALT = "E120"
    E121_MISSING_EXTRA = "E121"
    E122_NO_DASK = "E122"
    E123_CLUSTER_UNREACHABLE = "E123"
    E124_PART_MISSING = "E124"
    E125_WORKERS_CANNOT_START = "E125"
    E130_EXPORT_NOT_A_FOLDER = "E130"
    E131_EXPORT_SYMLINK = "E131"
    E132_EXPORT_NOT_A_FILE = "E132"
    E133_QUERY_EXTERNAL_ACCESS = "E133"
    E134_DUPLICATE_PERSON_KEY = "E134"


HINTS: dict[ErrorCode, str] = {
    ErrorCode.E001_EMPTY: "The file has no text after decoding; nothing to parse.",
    ErrorCode.E002_BINARY: (
        "The file is binary (an image or archive?); save it as text, or as .pdf/.docx/.html "
        "under that ending."
    ),
    ErrorCode.E003_UNDECODABLE: "No text encoding fits the bytes; re-save the file as UTF-8.",
    ErrorCode.E004_TOO_LARGE: (
        "Raise the ingest limit the reason names (max_bytes, max_chars, max_pages, "
        "max_page_chars) in the pipeline file."
    ),
    ErrorCode.E005_UNREADABLE: (
        "Check that the file (or folder) exists and that its permissions allow reading "
        "(listing, for a folder)."
    ),
    ErrorCode.E006_DUPLICATE: "Another input has the same text; its rows stand for both.",
    ErrorCode.E007_NO_OUTCOME: "A bug: the engine lost this file; please report it.",
    ErrorCode.E010_SEGMENT_FAILED: "A bug in section splitting; report it with the file.",
    ErrorCode.E020_EXTRACT_FAILED: "A bug in extraction; please report it with the file.",
    ErrorCode.E030_INVALID_RECORD: "An extracted value broke a record rule; the reason names it.",
    ErrorCode.E040_CORRUPT_FILE: "The file is damaged or cut short; export it again.",
    ErrorCode.E041_PROTECTED: "The file is password-protected; save a copy without the password.",
    ErrorCode.E042_NEEDS_OCR: (
        "The PDF is a scan with no text layer; run OCR on it (e.g. ocrmypdf) and pass the result."
    ),
    ErrorCode.E043_ARCHIVE_BOMB: (
        "The DOCX unpacks to more than ingest.max_unpacked_bytes; check it, or raise the limit."
    ),
    ErrorCode.E050_WORKER_DIED: (
        "The file killed the process reading it twice (out of memory, or a crash in a native "
        "library); the other files were committed. Check its size and content, then rerun."
    ),
    ErrorCode.E051_TOO_COSTLY: (
        "The file took longer than its time budget (run.document_seconds in the pipeline file) "
        "and its worker was stopped; the other files were committed. Check the file, or raise "
        "run.document_seconds (0 turns the budget off) and rerun."
    ),
    ErrorCode.E100_BAD_CONFIG: "Fix the named key in the pipeline file.",
    ErrorCode.E101_MODEL_MISSING: "Install the model, or set extract.model to an installed one.",
    ErrorCode.E102_BAD_LEXICON: "Fix the named line of the lexicon file (one JSON object a line).",
    ErrorCode.E103_BAD_OUTPUT_DIR: "Choose an output directory you can write to.",
    ErrorCode.E104_NO_INPUT: "Pass files or folders that exist.",
    ErrorCode.E105_OUTPUT_LOCKED: "Wait for that run to end, or pass --wait to queue behind it.",
    ErrorCode.E106_BAD_RUN_STATE: (
        "The run records in <out>/.resume-etl are damaged; rerun with --full to rebuild them."
    ),
    ErrorCode.E107_CANNOT_CARRY: (
        "Pass the missing inputs again so they are reprocessed, or --prune to drop their rows."
    ),
    ErrorCode.E108_STORED_TABLE_CHANGED: (
        "A stored run's table was written over, so its rows cannot be reused: run again with "
        "--full --prune, giving every input, to rebuild the tables from the files."
    ),
    ErrorCode.E109_GOLD_INPUT_CHANGED: (
        "The file is not the one its gold was written for: restore that file, or read the new "
        "one and write its gold again."
    ),
    ErrorCode.E110_DISK_ERROR: (
        "Free space (or quota) on that disk, or check that it is writable and healthy, then run "
        "again; the output folder still holds the last committed run's tables."
    ),
    ErrorCode.E111_NOT_AN_ID: (
        "The tables were edited or written by something else: rerun 'resume-etl run --full' "
        "into a fresh --out folder."
    ),
    ErrorCode.E120_NO_SALT: "Pass --salt SECRET or set RESUME_ETL_REDACT_SALT; keep it secret.",
    ErrorCode.E121_MISSING_EXTRA: "Install the optional extra the message names.",
    ErrorCode.E122_NO_DASK: "pip install 'resume-etl[dask]', or run with --engine local.",
    ErrorCode.E123_CLUSTER_UNREACHABLE: (
        "Check the --scheduler address (tcp://HOST:PORT) and that `dask scheduler` runs there."
    ),
    ErrorCode.E124_PART_MISSING: (
        "Mount the output folder on every Dask worker at the driver's path, then run again."
    ),
    ErrorCode.E125_WORKERS_CANNOT_START: (
        "Worker processes die while starting: check free memory, or run with --workers 1."
    ),
    ErrorCode.E130_EXPORT_NOT_A_FOLDER: (
        "A file stands where the export needs a folder: pass another --out, or move the file."
    ),
    ErrorCode.E131_EXPORT_SYMLINK: (
        "Exports write only inside --out and never through a symbolic link: remove the link, "
        "or pass another --out."
    ),
    ErrorCode.E132_EXPORT_NOT_A_FILE: (
        "--out names a folder (or a link); the search feed is one file: pass a file path."
    ),
    ErrorCode.E133_QUERY_EXTERNAL_ACCESS: (
        "A query may read only the output's tables; pass --allow-external to read or write "
        "other files."
    ),
    ErrorCode.E134_DUPLICATE_PERSON_KEY: (
        "Two documents share a person_key: with ingest.person_key = 'name' every file name "
        "must be unique; rename one, or use the default 'path'."
    ),
}


class ResumeEtlError(Exception):
    """An error the user can act on; ``str()`` gives code, message and hint.

    ``HINTS`` holds each code's usual fix; a raise site that knows better (one code covers
    several situations, e.g. E104 for missing inputs and for a folder without tables) passes
    ``hint`` for the case at hand, since a hint that fits another case sends the user astray.
    """

    def __init__(self, code: ErrorCode, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint if hint is not None else HINTS[code]

    def __str__(self) -> str:
        return f"[{self.code.value}] {self.message}\n  hint: {self.hint}"

    def __reduce__(self) -> tuple[type[ResumeEtlError], tuple[ErrorCode, str, str]]:
        """Pickle with code and hint, so an error raised in a worker process arrives whole."""
        return (type(self), (self.code, self.message, self.hint))


class ConfigError(ResumeEtlError):
    """The pipeline file or a file it names cannot be used."""


_PATH_ERRNOS = frozenset(
    {errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.EACCES, errno.EPERM}
)
"""Errors of a path the user chose (a file where a folder goes, no permission): E103."""


_NO_PERMISSION = (
    "No permission there: choose a path you can read (a folder of tables, a pipeline file) or "
    "write (an output), or change its permissions."
)
_ERRNO_HINTS: dict[int, str] = {
    errno.ENOENT: "The folder it would go in does not exist: create it, or choose another path.",
    errno.ENOTDIR: "A file stands where the path needs a folder: move it, or choose another path.",
    errno.EISDIR: "The path is a folder where a file is needed: name a file inside it instead.",
    errno.EEXIST: "Something already exists at that path: move it, or choose another path.",
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.ENOSPC: (
        "The disk is full: free space, then run again (the output keeps its last committed run)."
    ),
    errno.EDQUOT: (
        "Your disk quota is used up: free space, then run again (the output keeps its last "
        "committed run)."
    ),
    errno.EROFS: "The file system is read-only: choose an output folder on a writable disk.",
}
"""The fix for an ``OSError`` by what went wrong; one code covers several of these."""


def file_system_error(error: OSError) -> ResumeEtlError:
    """The coded error of an ``OSError`` that stopped a command.

    A path the user can fix (a file given as the output folder, no permission) is E103; the
    rest (disk full, quota, read-only or failing disk) is E110. The message names the file and
    the hint fits the case (``_ERRNO_HINTS``), falling back on the code's.
    """
    where = f": {error.filename}" if error.filename else ""
    reason = f"{error.strerror or type(error).__name__}{where}"
    hint = _ERRNO_HINTS.get(error.errno or 0)
    if error.errno in _PATH_ERRNOS:
        return ResumeEtlError(ErrorCode.E103_BAD_OUTPUT_DIR, f"cannot use the path: {reason}", hint)
    return ResumeEtlError(
        ErrorCode.E110_DISK_ERROR, f"the disk refused a write or read: {reason}", hint
    )
